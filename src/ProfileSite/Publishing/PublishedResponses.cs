using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ProfileSite.Content.Addresses;
using ProfileSite.Theming;

namespace ProfileSite.Publishing;

/// <summary>
/// Answers a request from the bytes its snapshot published: find the resource, pick the theme and
/// the encoding, write precomputed headers, copy the bytes (or answer 304, or nothing for HEAD).
/// Nothing here reads content or renders, so nothing here can fail because of content. Another
/// spelling of a published address (case, trailing slash, <c>index.html</c>, percent-encoding,
/// the base path in another case or missing) gets a 301 to the one address.
/// </summary>
internal sealed class PublishedPages(
    RequestDelegate next, ContentStore store, Publisher publisher, Compressor compressor, IOptions<ProfileSiteOptions> options,
    ILogger<PublishedPages> logger)
{
    private readonly bool _servePages = options.Value.CachePages;
    private readonly TimeSpan _wait = TimeSpan.FromSeconds(options.Value.Security.RequestTimeoutSeconds);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return next(context);
        }

        if (store.Published is not { } published)
        {
            // The first moments after "listening": publishing is about to begin (not a reload, whose old snapshot serves).
            return store.StartupPrepared.IsCompleted ? next(context) : AfterStartupPreparedAsync(context);
        }

        var site = SiteFor(published, request);
        if (site is null)
        {
            return next(context);
        }

        var path = request.Path.Value is { Length: > 0 } p ? p : "/";
        if (!site.TryGet(path, out var resource) || !IsCanonicalSpelling(site, resource, request))
        {
            return site.TryGetBySpelling(path, out var canonical)
                ? Redirect(context, site, canonical)
                : next(context);
        }

        if (resource.Kind == ResourceKind.Page && !_servePages)
        {
            return next(context);
        }

        var theme = resource.Kind == ResourceKind.Page ? ThemeIndex(request) : 0;
        // The list in any language (/publications, /zh-CN/publications) takes filters.
        if (FilterQuery.MayFilter(request.QueryString) && resource.Path.EndsWith(PublicationIndex.ListPath, StringComparison.Ordinal)
            && LanguageAddresses.SitePathOf(resource.Path, site.Content.Site) == PublicationIndex.ListPath
            && FilterQuery.Of(FilterQuery.From(request.Query)) is { } query)
        {
            return ServeFilteredAsync(context, published, site, resource.Path, query, theme);
        }

        var representation = resource.Variant(theme);
        return representation is not null
            ? Send(context, representation, null)
            : WaitAndSendAsync(context, resource, theme);
    }

    private async Task AfterStartupPreparedAsync(HttpContext context)
    {
        try
        {
            await store.StartupPrepared.WaitAsync(_wait, context.RequestAborted);
        }
        catch (TimeoutException)
        {
            // Publishing did not begin in time: the page is rendered for this request, as when publishing fails.
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client is gone
        }

        await (store.Published is null ? next(context) : InvokeAsync(context));
    }

    /// <summary>The published site for this request's public URL: the configured one, or per host when <c>url</c> is unset (bounded).</summary>
    private PublishedSite? SiteFor(PublishedSnapshot published, HttpRequest request)
    {
        if (published.HasFixedBase)
        {
            return published.Primary;
        }

        var host = request.Host.Value ?? "";
        var primary = published.Primary;
        if (primary.HostKey.Length == request.Scheme.Length + 3 + host.Length
            && primary.HostKey.AsSpan().StartsWith(request.Scheme) && primary.HostKey.AsSpan().EndsWith(host))
        {
            UseSite(published, primary);
            return primary;
        }

        var key = PublishedSite.HostKeyOf(request.Scheme, request.Host.ToUriComponent());
        if (published.Others.TryGetValue(key, out var site))
        {
            return site;
        }

        if (published.Others.Count >= Publisher.MaxHostsWithoutUrl)
        {
            return null; // a flood of invented Host headers is rendered per request, not published for each
        }

        var content = published.Content;
        var created = publisher.PrepareSite(content, content.Addresses.WithPublicBase(content.Addresses.BaseFor(request.Scheme, request.Host.ToUriComponent())));
        site = published.Others.GetOrAdd(key, created);
        if (ReferenceEquals(site, created))
        {
            _ = Task.Run(async () =>
            {
                var errors = await publisher.RenderAsync(created, published.Lifetime);
                foreach (var error in errors)
                {
                    logger.LogWarning("Publishing for {Host}: {Problem}", key, error.ToString());
                }

                compressor.Enqueue(created, published.Lifetime);
            });
        }

        return site;
    }

    private void UseSite(PublishedSnapshot published, PublishedSite site)
    {
        if (!published.HasFixedBase && site.FirstUse())
        {
            compressor.Enqueue(site, published.Lifetime);
        }
    }

    /// <summary>
    /// True when the request spelled the address exactly as the site writes it: the configured base
    /// path and the path percent-encoded the one way (compared on the raw request target, which
    /// still has the client's escapes).
    /// </summary>
    private static bool IsCanonicalSpelling(PublishedSite site, PublishedResource resource, HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
        {
            // No raw target (an in-memory test server) or the absolute form: judge the decoded parts.
            return request.PathBase.Value is null or "" ? site.Addresses.BasePath.Length == 0 : request.PathBase.Value == Uri.UnescapeDataString(site.Addresses.BasePath);
        }

        var end = raw.IndexOf('?');
        var rawPath = end < 0 ? raw.AsSpan() : raw.AsSpan(0, end);
        var basePath = site.Addresses.BasePath;
        if (!rawPath.StartsWith(basePath, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = rawPath[basePath.Length..];
        return rest.SequenceEqual(SitePath.Encode(resource.Path));
    }

    private static Task Redirect(HttpContext context, PublishedSite site, PublishedResource resource)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status301MovedPermanently;
        response.Headers.Location = site.Addresses.Href(resource.Path) + context.Request.QueryString.Value;
        return Task.CompletedTask;
    }

    private static int ThemeIndex(HttpRequest request)
    {
        if (request.Headers.Cookie.Count == 0)
        {
            return 0;
        }

        return ThemeChoice.Parse(request.Cookies[ThemeChoice.CookieName]) switch
        {
            Theme.Light => 1,
            Theme.Dark => 2,
            _ => 0,
        };
    }

    private async Task WaitAndSendAsync(HttpContext context, PublishedResource resource, int theme)
    {
        // Only while the startup snapshot is still being published: wait for this page, not all.
        var representation = await Wait(resource.VariantReady(theme), context.RequestAborted);
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (representation is null)
        {
            await next(context); // not built (yet): rendered for this request, as without publishing
            return;
        }

        await Send(context, representation, null);
    }

    private async Task ServeFilteredAsync(HttpContext context, PublishedSnapshot published, PublishedSite site, string listPath, string query, int theme)
    {
        var representation = site.TryGet(listPath + "?" + query, out var linked)
            ? linked.Variant(theme) ?? await Wait(linked.VariantReady(theme), context.RequestAborted)
            : await Wait(site.Filtered($"{listPath}?{query}#{theme}", async () =>
            {
                var built = await publisher.RenderFilteredAsync(site, listPath, query, theme, published.Lifetime);
                if (built is not null)
                {
                    compressor.Enqueue([built], published.Lifetime);
                }

                return built;
            }), context.RequestAborted);
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (representation is null)
        {
            await next(context);
            return;
        }

        await Send(context, representation, null);
    }

    /// <summary>The representation once built; null when building failed or took longer than a request may wait, or the client left.</summary>
    private async Task<Representation?> Wait(Task<Representation?> ready, CancellationToken aborted)
    {
        try
        {
            return await ready.WaitAsync(_wait, aborted);
        }
        catch (TimeoutException)
        {
            return null;
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return null; // the client is gone; nothing it could be sent
        }
    }

    /// <summary>Writes a representation: 304 when the client has it, else headers and (for GET) the bytes in the best encoding it accepts.</summary>
    internal static Task Send(HttpContext context, Representation representation, string? cacheControl)
    {
        var request = context.Request;
        var response = context.Response;
        var headers = response.Headers;
        var coding = representation.Compressible
            ? AcceptEncoding.Choose(request.Headers.AcceptEncoding.ToString(), representation.Gzip is not null, representation.Brotli is not null)
            : ContentCoding.Identity;
        var (body, etag) = coding switch
        {
            ContentCoding.Brotli => (representation.Brotli!, representation.BrotliETag),
            ContentCoding.Gzip => (representation.Gzip!, representation.GzipETag),
            _ => (representation.Body, representation.ETag),
        };

        headers.ETag = etag;
        headers.CacheControl = cacheControl ?? representation.CacheControl;
        if (representation.Compressible)
        {
            headers.Vary = HeaderNames.AcceptEncoding;
        }

        if (representation.LastModified is { } lastModified)
        {
            headers.LastModified = lastModified;
        }

        if (request.Headers.IfNoneMatch.Count > 0 && NoneMatch(request.Headers.IfNoneMatch.ToString(), representation))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        headers.ContentType = representation.ContentType;
        headers.ContentLength = body.Length;
        if (coding != ContentCoding.Identity)
        {
            headers.ContentEncoding = coding == ContentCoding.Brotli ? "br" : "gzip";
        }

        if (HttpMethods.IsHead(request.Method))
        {
            return Task.CompletedTask;
        }

        var write = response.BodyWriter.WriteAsync(body, context.RequestAborted);
        return write.IsCompletedSuccessfully ? Task.CompletedTask : write.AsTask();
    }

    /// <summary>True when <c>If-None-Match</c> names these bytes in any encoding, or is <c>*</c> (RFC 9110 section 13.1.2, weak comparison).</summary>
    private static bool NoneMatch(ReadOnlySpan<char> header, Representation representation)
    {
        while (!header.IsEmpty)
        {
            var comma = header.IndexOf(',');
            var tag = (comma < 0 ? header : header[..comma]).Trim();
            header = comma < 0 ? [] : header[(comma + 1)..];
            if (tag.SequenceEqual("*") || representation.Matches(tag))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The web root as published: a fingerprinted name (<c>css/site.HASH.css</c>) answers with a
/// year-long immutable lifetime, a plain name with a short one; text files come from memory,
/// precompressed, the rest from disk through the static file server.
/// </summary>
internal sealed class PublishedFiles(RequestDelegate next, ContentStore store)
{
    /// <summary>Set on a request whose file the static file server sends under its fingerprinted name.</summary>
    public const string ImmutableItem = "ProfileSite.Immutable";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (store.Published is not { } published || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || request.Path.Value is not { Length: > 1 } path)
        {
            return next(context);
        }

        var assets = published.Assets;
        var relative = path[1..];
        if (assets.Table.TryGetFingerprinted(relative, out var asset))
        {
            if (assets.TryGetInMemory(asset.Path, out var representation))
            {
                return PublishedPages.Send(context, representation, CachePolicies.Immutable);
            }

            // On disk: the static file server sends it under its plain name, with the long lifetime.
            context.Items[ImmutableItem] = true;
            request.Path = "/" + asset.Path;
            return next(context);
        }

        if (assets.TryGetInMemory(relative, out var plain))
        {
            return PublishedPages.Send(context, plain, CachePolicies.Brief);
        }

        if (assets.Table.TryGetStale(relative, out var stale))
        {
            // An older fingerprint (a page cached before the file changed): today's file, briefly cached.
            if (assets.TryGetInMemory(stale.Path, out var current))
            {
                return PublishedPages.Send(context, current, CachePolicies.Brief);
            }

            request.Path = "/" + stale.Path;
        }

        return next(context);
    }
}
