namespace ProfileSite.Content.Addresses;

/// <summary>
/// The one place that builds every address the site emits: links between pages, canonical and
/// <c>og:url</c>, JSON-LD ids, feed, sitemap and manifest entries, image and file URLs. Addresses
/// come from the configured base path and public URL (site.yaml's <c>url</c>), never from the
/// spelling of a request, and each path segment is percent-encoded as RFC 3986 requires.
/// </summary>
/// <remarks>
/// A site path is decoded and starts with <c>/</c> (<c>/publications/x</c>; a later language
/// prefix is just more path: <c>/zh-CN/publications/x</c>). <see cref="Href"/> gives the
/// root-relative form links use (<c>/repo/publications/x</c>), <see cref="Absolute"/> the full URL,
/// <see cref="Asset(string)"/> the fingerprinted URL of a web root file.
/// </remarks>
public sealed class SiteAddresses
{
    private readonly string _publicBase;

    /// <param name="basePath">The URL path the site is served under (<c>/repo</c>); empty for the root. Normalized here.</param>
    /// <param name="publicBase">The absolute URL of the site's root ending in <c>/</c>; null while unknown (no <c>url</c> and no request yet).</param>
    /// <param name="assets">The web root's files and their fingerprints.</param>
    public SiteAddresses(string basePath, Uri? publicBase, AssetTable assets)
    {
        BasePath = NormalizeBasePath(basePath);
        PublicBase = publicBase;
        Assets = assets;
        _publicBase = publicBase?.AbsoluteUri ?? "";
    }

    /// <summary>Addresses for a site at <c>/</c> with no public URL and no web root.</summary>
    public static SiteAddresses Root { get; } = new("", null, AssetTable.Empty);

    /// <summary>The path the site is served under, encoded, without a trailing slash: <c>""</c> or <c>/repo</c>.</summary>
    public string BasePath { get; }

    /// <summary>The site's absolute root URL ending in <c>/</c>, or null while unknown.</summary>
    public Uri? PublicBase { get; }

    /// <summary>The web root's files, for fingerprinted URLs.</summary>
    public AssetTable Assets { get; }

    /// <summary>The same addresses for another public URL (the one a request names when <c>url</c> is unset).</summary>
    public SiteAddresses WithPublicBase(Uri publicBase) =>
        PublicBase == publicBase ? this : new SiteAddresses(BasePath, publicBase, Assets);

    /// <summary>
    /// The public URL when <c>url</c> is not configured: the request's scheme and host with the
    /// configured base path (not the path the request spelled).
    /// </summary>
    public Uri BaseFor(string scheme, string host) => new($"{scheme}://{host}{BasePath}/");

    /// <summary>A page or file of the site as a root-relative link: <c>/publications/x</c> becomes <c>/repo/publications/x</c>.</summary>
    /// <param name="sitePath">A decoded site path starting with <c>/</c>.</param>
    /// <param name="query">An already encoded query string without <c>?</c>, or null.</param>
    /// <param name="fragment">A fragment id without <c>#</c> (<c>news</c>), or null.</param>
    public string Href(string sitePath, string? query = null, string? fragment = null) =>
        BasePath + SitePath.Encode(sitePath) + (query is null ? "" : "?" + query) + (fragment is null ? "" : "#" + Uri.EscapeDataString(fragment));

    /// <summary>A decoded site path with an already encoded query (<c>/publications?tag=x</c>) as a root-relative link.</summary>
    public string HrefWithQuery(string sitePathAndQuery)
    {
        var question = sitePathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? Href(sitePathAndQuery) : Href(sitePathAndQuery[..question], sitePathAndQuery[(question + 1)..]);
    }

    /// <summary>A site path as an absolute URL under <see cref="PublicBase"/>: canonical, <c>og:url</c>, sitemap, feed.</summary>
    /// <exception cref="InvalidOperationException">No public URL is known (a bug: pages are rendered for a request or a configured URL).</exception>
    public string Absolute(string sitePath, string? fragment = null) =>
        (PublicBase is null ? throw new InvalidOperationException("No public URL: set site.yaml's url or render for a request.") : _publicBase)
        + SitePath.Encode(sitePath).TrimStart('/') + (fragment is null ? "" : "#" + Uri.EscapeDataString(fragment));

    /// <summary>
    /// A web root file as a root-relative URL: fingerprinted (<c>/repo/css/site.3f2a1b9c0d4e5f67.css</c>)
    /// when the file exists, so it can be cached for a year; plain when it does not.
    /// </summary>
    /// <param name="webRootPath">Decoded path below the web root (<c>css/site.css</c>; a leading <c>/</c> is allowed).</param>
    public string Asset(string webRootPath) => Href("/" + AssetPath(webRootPath));

    /// <summary>An image of the content (avatar, paper figure, icon) as a fingerprinted root-relative URL.</summary>
    public string Asset(WebImage image) => Asset(image.Path);

    /// <summary>A web root file as a fingerprinted absolute URL (<c>og:image</c>, JSON-LD <c>image</c>, the feed icon).</summary>
    public string AbsoluteAsset(string webRootPath) => Absolute("/" + AssetPath(webRootPath));

    /// <summary>
    /// An image the image pipeline planned, by site path: a variant (<c>/variants/{key}/{file}</c>, see
    /// <see cref="Images.ImageVariant.Url"/>) as a root-relative link, a web root file (an original that has no
    /// variants) fingerprinted. The one way pictures, icons and link previews are addressed.
    /// </summary>
    public string Image(string sitePath) =>
        sitePath.StartsWith(Images.ImageVariant.UrlPrefix, StringComparison.Ordinal) ? Href(sitePath) : Asset(sitePath);

    /// <summary>An image by site path as an absolute URL (<c>og:image</c>, JSON-LD, the feed icon); see <see cref="Image"/>.</summary>
    public string AbsoluteImage(string sitePath) =>
        sitePath.StartsWith(Images.ImageVariant.UrlPrefix, StringComparison.Ordinal) ? Absolute(sitePath) : AbsoluteAsset(sitePath);

    /// <summary>
    /// A link or image URL written in the owner's Markdown, resolved once for every page that shows
    /// it: a path (<c>images/fig.png</c>, <c>./files/a.pdf</c>, <c>/cv.pdf</c>, <c>publications/x</c>)
    /// is taken from the site root, as <c>check</c> resolved it, and gets the base path; an image
    /// that is a web root file gets its fingerprinted URL. Absolute URLs, <c>mailto:</c> and
    /// <c>#fragment</c> links are kept as written.
    /// </summary>
    public string Written(string url, bool isImage)
    {
        if (ResolveWritten(url) is not { } written)
        {
            return url;
        }

        if (isImage && written.Rest.Length == 0 && Assets.TryGet(written.SitePath, out var asset))
        {
            return Href("/" + asset.FingerprintedPath);
        }

        return Href(written.SitePath) + written.Rest;
    }

    /// <summary>
    /// The site path a URL written in Markdown names, taken from the site root (<see cref="SitePath.Resolve"/>),
    /// and what followed the path (<c>?query</c>, <c>#fragment</c>, as written); null for what is kept as
    /// written: absolute URLs, <c>mailto:</c>, <c>//host</c> and <c>#fragment</c> links. The first step of
    /// <see cref="Written"/>, and what the image pipeline is given for an image in Markdown.
    /// </summary>
    public static WrittenPath? ResolveWritten(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith("//", StringComparison.Ordinal) || HasScheme(trimmed))
        {
            return null;
        }

        var end = trimmed.IndexOfAny(['?', '#']);
        var path = end < 0 ? trimmed : trimmed[..end];
        var rest = end < 0 ? "" : trimmed[end..];
        return new WrittenPath(SitePath.Resolve(path), rest);
    }

    private string AssetPath(string webRootPath)
    {
        var path = webRootPath.TrimStart('/');
        return Assets.TryGet(path, out var asset) ? asset.FingerprintedPath : path;
    }

    private static string NormalizeBasePath(string basePath)
    {
        var trimmed = basePath.Trim().Trim('/');
        return trimmed.Length == 0 ? "" : SitePath.Encode("/" + Uri.UnescapeDataString(trimmed));
    }

    /// <summary>True for <c>scheme:...</c> as RFC 3986 section 3.1 spells a scheme.</summary>
    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(url[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(url[i]) || url[i] is '+' or '.' or '-'))
            {
                return false;
            }
        }

        return url.IndexOf('/', StringComparison.Ordinal) is var slash && (slash < 0 || slash > colon);
    }
}

/// <summary>A path written in Markdown, resolved: see <see cref="SiteAddresses.ResolveWritten"/>.</summary>
/// <param name="SitePath">The decoded site path, starting with <c>/</c> (<c>/images/fig 1.png</c>).</param>
/// <param name="Rest">The query and fragment as written (<c>?v=2#top</c>), or empty.</param>
public sealed record WrittenPath(string SitePath, string Rest);
