using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Net.Http.Headers;
using ProfileSite.Content.Addresses;
using ProfileSite.Content.Discovery;

namespace ProfileSite.Hosting;

public static class DiscoveryEndpoints
{
    /// <summary>The per-snapshot discovery documents (sitemap, feed, manifest, JSON-LD) the layout and endpoints share.</summary>
    public static IServiceCollection AddSiteDiscovery(this IServiceCollection services)
    {
        services.AddSingleton<DiscoveryCache>();
        return services;
    }

    /// <summary>
    /// <c>/sitemap.xml</c>, <c>/robots.txt</c>, <c>/feed.xml</c>, <c>/site.webmanifest</c>, and permanent
    /// redirects from AcadHomepage's <c>/about</c> addresses to <c>/</c>.
    /// </summary>
    public static WebApplication MapSiteDiscovery(this WebApplication app)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/sitemap.xml", methods, (SiteContent content, SiteAddresses addresses, DiscoveryCache cache) =>
            Document(cache.For(content, addresses), d => d.Sitemap, "application/xml; charset=utf-8"));
        app.MapMethods("/feed.xml", methods, (SiteContent content, SiteAddresses addresses, DiscoveryCache cache) =>
            Document(cache.For(content, addresses), d => d.Feed, "application/atom+xml; charset=utf-8"));
        app.MapMethods("/site.webmanifest", methods, (SiteContent content, SiteAddresses addresses, DiscoveryCache cache) =>
            Document(cache.For(content, addresses), d => d.Manifest, "application/manifest+json; charset=utf-8"));
        // Each further language has its own feed and manifest (names, start page, language): the
        // scoped SiteContent is already the snapshot in the language the path names.
        app.MapMethods($"/{{lang:{Localization.SiteLanguageConstraint.Name}}}/feed.xml", methods, (SiteContent content, SiteAddresses addresses, DiscoveryCache cache) =>
            Document(cache.For(content, addresses), d => d.Feed, "application/atom+xml; charset=utf-8"));
        app.MapMethods($"/{{lang:{Localization.SiteLanguageConstraint.Name}}}/site.webmanifest", methods, (SiteContent content, SiteAddresses addresses, DiscoveryCache cache) =>
            Document(cache.For(content, addresses), d => d.Manifest, "application/manifest+json; charset=utf-8"));
        app.MapMethods("/robots.txt", methods, (SiteContent content, SiteAddresses addresses, DiscoveryCache cache) =>
            Document(cache.For(content, addresses), d => Encoding.UTF8.GetBytes(d.Robots), "text/plain; charset=utf-8"));

        // Old AcadHomepage links (/about, /about/, /about.html) keep working; routing matches /about/ as /about.
        app.MapMethods("/about", methods, () => Results.Redirect("/", permanent: true));
        app.MapMethods("/about.html", methods, () => Results.Redirect("/", permanent: true));
        return app;
    }

    // The documents are fixed per snapshot and base URL, so the version is a strong ETag and
    // conditional requests are answered with 304 by the framework.
    private static IResult Document(SiteDiscovery discovery, Func<SiteDiscovery, byte[]> pick, string contentType) =>
        Results.Bytes(
            pick(discovery),
            contentType,
            lastModified: discovery.LastModified,
            entityTag: new EntityTagHeaderValue(discovery.ETag));
}

/// <summary>
/// Builds <see cref="SiteDiscovery"/> once per snapshot and base URL, when the snapshot is
/// published (<see cref="Publishing.Publisher"/>). With site.yaml's <c>url</c> set there is one
/// base; without it the base comes from each request, so a few hosts are kept (localhost and the
/// public name, typically) and a flood of invented Host headers is built but not stored.
/// </summary>
public sealed class DiscoveryCache(EndpointDataSource endpoints)
{
    private const int MaxBases = 8;

    private readonly Lazy<DiscoveryPages> _pages = new(() => DetectPages(endpoints.Endpoints));
    private Generation _current = new("");

    /// <summary>The documents for a public base URL (absolute, ending in <c>/</c>).</summary>
    public SiteDiscovery For(SiteContent content, Uri baseUrl) => For(content, content.Addresses.WithPublicBase(baseUrl));

    /// <summary>site.yaml's <c>url</c>, else the request's scheme and host under the configured base path (never the path the request spelled).</summary>
    public static Uri BaseUrl(SiteContent content, HttpRequest request) =>
        content.Site.BaseUrl ?? content.Addresses.BaseFor(request.Scheme, request.Host.ToUriComponent());

    /// <summary>The documents for a request's addresses (its snapshot's, with the public URL it is answered for).</summary>
    public SiteDiscovery For(SiteContent content, SiteAddresses addresses)
    {
        var baseUrl = addresses.PublicBase ?? throw new ArgumentException("The addresses have no public URL.", nameof(addresses));
        var current = Volatile.Read(ref _current);
        if (current.Version != content.Version)
        {
            // A new snapshot: the old documents describe old content and are dropped whole.
            current = new Generation(content.Version);
            Volatile.Write(ref _current, current);
        }

        // One set of documents per base URL and language (the feed and manifest differ by language).
        var key = baseUrl.AbsoluteUri + " " + content.Site.Language;
        if (current.ByBase.TryGetValue(key, out var found))
        {
            return found;
        }

        var built = SiteDiscovery.Build(content, addresses, _pages.Value);
        return current.ByBase.Count < MaxBases ? current.ByBase.GetOrAdd(key, built) : built;
    }

    /// <summary>
    /// Which publication pages this app serves, read from its routes: <c>/publications</c> and
    /// <c>/publications/{slug}</c> appear in the sitemap and feed only once such pages exist.
    /// </summary>
    public static DiscoveryPages DetectPages(IEnumerable<Endpoint> endpoints)
    {
        var patterns = endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern).ToList();
        return new DiscoveryPages(
            patterns.Any(p => p.PathSegments.Count == 1 && IsPublications(p.PathSegments[0])),
            patterns.Any(p => p.PathSegments.Count == 2 && IsPublications(p.PathSegments[0])
                && p.PathSegments[1].Parts is [RoutePatternParameterPart { IsCatchAll: false }]));
    }

    /// <summary>The documents of one snapshot, by base URL.</summary>
    private sealed class Generation(string version)
    {
        public string Version { get; } = version;

        public ConcurrentDictionary<string, SiteDiscovery> ByBase { get; } = new(StringComparer.Ordinal);
    }

    private static bool IsPublications(RoutePatternPathSegment segment) =>
        segment.Parts is [RoutePatternLiteralPart { Content: var literal }]
        && literal.Equals("publications", StringComparison.OrdinalIgnoreCase);
}
