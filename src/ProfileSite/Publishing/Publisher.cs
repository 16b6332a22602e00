using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using ProfileSite.Content.Addresses;

namespace ProfileSite.Publishing;

/// <summary>
/// Builds every response of a snapshot when the snapshot is made, not when a visitor asks: each
/// page in each theme, the discovery documents, the citation files. Each is rendered by a GET
/// through the app's own pipeline in this process (so its bytes are by construction what a request
/// would render), then verified: it must answer 200, its XML and JSON must parse, and so must the
/// JSON-LD in its HTML, and every image variant it names must be one the snapshot planned, under the
/// base path (<see cref="VariantReferences"/>). A failure is a content error naming the file the resource comes from.
/// </summary>
public sealed partial class Publisher(
    IHttpContextFactory contexts, ContentPaths paths, IHostApplicationLifetime lifetime, ILogger<Publisher> logger)
{
    /// <summary>How many more public hosts get a published copy when <c>url</c> is unset (localhost, the LAN name, the proxy's name...).</summary>
    public const int MaxHostsWithoutUrl = 3;

    /// <summary>Bytes of filtered list pages one site keeps (an estimate per entry; see <see cref="PublishedSite.Filtered"/>).</summary>
    public const long FilteredCacheBytes = 8 * 1024 * 1024;

    private readonly string _contentRoot = new DirectoryInfo(paths.ContentPath).Name;
    private RequestDelegate? _pipeline;

    /// <summary>True once the app's pipeline is there to render through (the server has started).</summary>
    public bool IsAttached => Volatile.Read(ref _pipeline) is not null;

    /// <summary>The rest of the pipeline after the publishing middleware: what renders a page or document.</summary>
    internal void Attach(RequestDelegate pipeline) => Volatile.Write(ref _pipeline, pipeline);

    /// <summary>The base a site without <c>url</c> is verified with: links are built for it, and it serves requests that name it.</summary>
    public Uri PlaceholderBase(SiteContent content) => content.Addresses.BaseFor("http", "localhost");

    /// <summary>
    /// The resources of a snapshot, ready to be rendered: the site for its public URL and the web root. Its
    /// <see cref="PublishedSnapshot.Lifetime"/> also ends when the host stops, so no page is built or compressed for a server that is going away.
    /// </summary>
    public PublishedSnapshot Prepare(SiteContent content)
    {
        var addresses = content.Addresses.PublicBase is null ? content.Addresses.WithPublicBase(PlaceholderBase(content)) : content.Addresses;
        return new PublishedSnapshot(content, PrepareSite(content, addresses), PublishedAssets.Build(content.Addresses.Assets), lifetime.ApplicationStopping);
    }

    /// <summary>Every address of the site for one public URL, most visited first; nothing rendered yet.</summary>
    public PublishedSite PrepareSite(SiteContent content, SiteAddresses addresses)
    {
        var site = _contentRoot + "/";
        var resources = new List<PublishedResource>
        {
            new("/", null, ResourceKind.Page, site),
            new(PublicationIndex.ListPath, null, ResourceKind.Page, _contentRoot + "/publications/"),
        };
        foreach (var path in (string[])["/feed.xml", "/sitemap.xml", "/robots.txt", "/site.webmanifest", "/publications.bib", "/publications.json"])
        {
            resources.Add(new(path, null, ResourceKind.Document, site));
        }

        foreach (var page in content.PublicationIndex.Pages.Values.OrderBy(p => p.Paper.Slug, StringComparer.Ordinal))
        {
            resources.Add(new(page.Path, null, ResourceKind.Page, page.Paper.SourceFile));
            resources.Add(new(page.Path + ".bib", null, ResourceKind.Document, page.Paper.SourceFile));
        }

        // The filtered lists every paper page links to (its type, its tags): known now, so built now.
        foreach (var facet in content.PublicationIndex.TypeFacets)
        {
            resources.Add(new(PublicationIndex.ListPath, FilterQuery.Of(new PublicationFilter(null, facet.Value, null, null)), ResourceKind.Page, _contentRoot + "/publications/"));
        }

        foreach (var facet in content.PublicationIndex.TagFacets)
        {
            resources.Add(new(PublicationIndex.ListPath, FilterQuery.Of(new PublicationFilter(null, null, facet.Value, null)), ResourceKind.Page, _contentRoot + "/publications/"));
        }

        // Every further language's pages, feed and manifest, at their addresses under the language's tag.
        resources.AddRange(LanguageResources.Of(content, _contentRoot));
        return new PublishedSite(content, addresses, resources.DistinctBy(r => r.Key, StringComparer.Ordinal), FilteredCacheBytes);
    }

    /// <summary>
    /// Renders and verifies every resource of <paramref name="site"/>: the device-theme version of
    /// everything first (what most visitors get), then the light and dark pages. Each becomes
    /// available the moment it is built, so a request waiting on one is answered early.
    /// </summary>
    /// <returns>Every failure as a content error; empty when the whole site was built.</returns>
    public async Task<IReadOnlyList<ContentError>> RenderAsync(PublishedSite site, CancellationToken cancellation)
    {
        var errors = new List<ContentError>();
        var cancelled = false;
        for (var theme = 0; theme < PublishedResource.Themes.Length; theme++)
        {
            foreach (var resource in site.Resources)
            {
                if (theme >= resource.VariantCount)
                {
                    continue;
                }

                if (cancellation.IsCancellationRequested)
                {
                    // Not rendered, but marked unbuilt, so a request waiting for it renders it itself at once.
                    // One error for all of them.
                    if (!cancelled)
                    {
                        cancelled = true;
                        errors.Add(new ContentError(resource.Source, 0, 0, Severity.Error, "publishing was cancelled: the server is stopping or a newer snapshot replaced this one"));
                    }

                    resource.Set(theme, null);
                    continue;
                }

                var (representation, error) = await RenderAsync(site, resource.Path, resource.Query, resource.Kind, theme, cancellation);
                if (error is not null)
                {
                    errors.Add(new ContentError(resource.Source, 0, 0, Severity.Error, error));
                }

                resource.Set(theme, representation);
                if (theme == 0 && resource.Path == "/")
                {
                    Hosting.StartupTimeline.Mark("home page published");
                }
            }
        }

        return errors;
    }

    /// <summary>A list page for a filter nobody linked to, built on first use; null when it cannot be built.</summary>
    /// <param name="site">The published site.</param>
    /// <param name="listPath">The list's site path in its language: <c>/publications</c>, <c>/zh-CN/publications</c>.</param>
    /// <param name="query">The canonical filter query.</param>
    /// <param name="theme">The theme index.</param>
    /// <param name="cancellation">Ends with the snapshot.</param>
    public async Task<Representation?> RenderFilteredAsync(PublishedSite site, string listPath, string query, int theme, CancellationToken cancellation)
    {
        var (representation, error) = await RenderAsync(site, listPath, query, ResourceKind.Page, theme, cancellation);
        if (error is not null)
        {
            logger.LogWarning("The filtered list ?{Query} could not be built: {Error}", query, error);
        }

        return representation;
    }

    private async Task<(Representation?, string?)> RenderAsync(
        PublishedSite site, string path, string? query, ResourceKind kind, int theme, CancellationToken cancellation)
    {
        var pipeline = Volatile.Read(ref _pipeline) ?? throw new InvalidOperationException("The server has not started: nothing to render through.");
        var address = query is null ? path : $"{path}?{query}";
        var themeName = PublishedResource.Themes[theme];
        try
        {
            var rendered = await SyntheticRequest.SendAsync(
                pipeline, contexts, site.Content, site.Addresses.PublicBase!, site.Addresses.BasePath, path, query,
                themeName.Length == 0 ? null : $"{Theming.ThemeChoice.CookieName}={themeName}", cancellation);
            if (rendered.StatusCode != StatusCodes.Status200OK)
            {
                return (null, $"{address} answered {rendered.StatusCode} when it was built; every address the site links to must answer 200");
            }

            var contentType = rendered.ContentType ?? "application/octet-stream";
            if (Verify(rendered.Body, contentType) is { } problem)
            {
                return (null, $"{address} is not well-formed: {problem}");
            }

            if (VariantReferences.Problem(rendered.Body, site.Content.Images, site.Addresses) is { } unserved)
            {
                return (null, $"{address} {unserved}");
            }

            var version = site.Content.Version;
            var entityTag = kind == ResourceKind.Page
                ? PageETag(version, themeName, query)
                : $"\"{version}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(site.Addresses.PublicBase!.AbsoluteUri)))[..8]}\"";
            var lastModified = rendered.Headers.LastModified.Count > 0 ? rendered.Headers.LastModified.ToString() : null;
            return (new Representation(rendered.Body, contentType, entityTag, CachePolicies.Revalidate, lastModified), null);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return (null, $"{address} was not built: publishing was cancelled");
        }
        catch (Exception ex)
        {
            // A bug, not the owner's mistake; the stack trace goes to the log, the message to the report.
            logger.LogError(ex, "Building {Address} for {Base} failed", address, site.Addresses.PublicBase);
            return (null, $"{address} could not be built: {ex.Message}");
        }
    }

    /// <summary>The entity tag of a page: the content version, the theme when one is chosen, a hash of the filter when there is one.</summary>
    public static string PageETag(string version, string theme, string? query = null)
    {
        var tag = theme.Length == 0 ? version : $"{version}-{theme}";
        return query is null ? $"\"{tag}\"" : $"\"{tag}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)))[..8]}\"";
    }

    /// <summary>Null when the body parses as its media type says (XML, JSON, JSON-LD inside HTML), else what is wrong.</summary>
    public static string? Verify(byte[] body, string contentType)
    {
        try
        {
            if (contentType.Contains("xml", StringComparison.OrdinalIgnoreCase))
            {
                using var reader = XmlReader.Create(new MemoryStream(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                while (reader.Read())
                {
                }
            }
            else if (contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                using var _ = JsonDocument.Parse(body);
            }
            else if (contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
            {
                foreach (Match block in JsonLdBlock().Matches(Encoding.UTF8.GetString(body)))
                {
                    using var _ = JsonDocument.Parse(block.Groups["json"].Value);
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is XmlException or JsonException)
        {
            return ex.Message;
        }
    }

    [GeneratedRegex("""<script type="application/ld\+json">(?<json>.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex JsonLdBlock();
}

/// <summary>
/// The one spelling of a filtered list's query: the filter names in a fixed order (year, type,
/// tag, co-author), blank values left out, values trimmed and percent-encoded as RFC 3986 wants.
/// </summary>
public static class FilterQuery
{
    /// <summary>The canonical query (without <c>?</c>) of a filter; null for the unfiltered list.</summary>
    public static string? Of(PublicationFilter filter) =>
        filter.IsEmpty ? null : filter.UrlWith("", null)[(PublicationIndex.ListPath.Length + 1)..];

    /// <summary>The filter a request's query string asks for.</summary>
    public static PublicationFilter From(IQueryCollection query) =>
        PublicationFilter.From(query["year"], query["type"], query["tag"], query["coauthor"]);

    /// <summary>True when the query string names a filter at all (cheap: no parsing for the plain list).</summary>
    public static bool MayFilter(QueryString query) =>
        query.HasValue && query.Value!.AsSpan().IndexOfAny("ytc") >= 0;
}
