using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;
using ProfileSite.Content.Addresses;

namespace ProfileSite.Content.Discovery;

/// <summary>Which optional pages the running app serves (the sitemap and feed link only to pages that exist).</summary>
/// <param name="PublicationsIndex">A list of every paper at <c>/publications</c>.</param>
/// <param name="PublicationDetails">A page per paper at <c>/publications/{slug}</c>.</param>
public sealed record DiscoveryPages(bool PublicationsIndex, bool PublicationDetails)
{
    public static DiscoveryPages AboutOnly { get; } = new(false, false);
}

/// <summary>
/// Everything search engines, feed readers and link previews read, built once per snapshot and
/// base URL: sitemap, robots.txt, Atom feed, web app manifest and the About page's JSON-LD. The
/// documents are kept as bytes so a request only copies them out.
/// </summary>
public sealed class SiteDiscovery
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Every script and letter as itself, but the HTML-sensitive characters (< > & ' ") always
        // escaped: "</script>" inside a value can never close the data block.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly SiteContent _content;
    private readonly SiteAddresses _addresses;

    private SiteDiscovery(SiteContent content, SiteAddresses addresses, DiscoveryPages pages)
    {
        _content = content;
        _addresses = addresses;
        BaseUrl = addresses.PublicBase!;
        Pages = pages;
    }

    /// <summary>The site's absolute base URL, ending in <c>/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The addresses these documents were built with (base path, public URL, fingerprints).</summary>
    public SiteAddresses Addresses => _addresses;

    public DiscoveryPages Pages { get; }

    /// <summary>The snapshot these documents describe.</summary>
    public string Version => _content.Version;

    /// <summary>A strong ETag for the documents: the snapshot version and the base URL they were built for.</summary>
    public string ETag { get; private set; } = "";

    /// <summary><c>/sitemap.xml</c>, UTF-8.</summary>
    public byte[] Sitemap { get; private set; } = [];

    /// <summary><c>/feed.xml</c>, an Atom 1.0 feed of news and papers, UTF-8.</summary>
    public byte[] Feed { get; private set; } = [];

    /// <summary><c>/robots.txt</c>.</summary>
    public string Robots { get; private set; } = "";

    /// <summary><c>/site.webmanifest</c>, UTF-8 JSON.</summary>
    public byte[] Manifest { get; private set; } = [];

    /// <summary>The About page's <c>application/ld+json</c> block (Person and WebSite), safe to write raw into a script element.</summary>
    public string AboutJsonLd { get; private set; } = "";

    /// <summary>When the newest input changed: Last-Modified of the documents.</summary>
    public DateTimeOffset LastModified => _content.Times.Newest;

    /// <summary>The absolute URL of the feed of these pages' language, for <c>rel=alternate</c>.</summary>
    public string FeedUrl => InLanguage("/feed.xml");

    /// <summary>The home page in these pages' language: <c>https://x.org/</c> or <c>https://x.org/zh-CN/</c>.</summary>
    private string Home => InLanguage("/");

    /// <summary>A page's absolute address in these pages' language (one place for it, as for the pages themselves).</summary>
    private string InLanguage(string sitePath, string? fragment = null) =>
        _addresses.Absolute(LanguageAddresses.PathIn(_content.Site.Language, _content.Site, sitePath), fragment);

    /// <summary>The documents for a public base URL (absolute, ending in <c>/</c>), with the snapshot's base path and fingerprints.</summary>
    public static SiteDiscovery Build(SiteContent content, Uri baseUrl, DiscoveryPages pages) =>
        Build(content, content.Addresses.WithPublicBase(baseUrl), pages);

    /// <summary>The documents for the given addresses, whose <see cref="SiteAddresses.PublicBase"/> must be known.</summary>
    public static SiteDiscovery Build(SiteContent content, SiteAddresses addresses, DiscoveryPages pages)
    {
        var baseUrl = addresses.PublicBase;
        if (baseUrl is null || !baseUrl.IsAbsoluteUri || !baseUrl.AbsolutePath.EndsWith('/'))
        {
            throw new ArgumentException("The base URL must be absolute and end in '/'.", nameof(addresses));
        }

        var discovery = new SiteDiscovery(content, addresses, pages);
        discovery.Sitemap = discovery.BuildSitemap();
        discovery.Feed = discovery.BuildFeed();
        discovery.Robots = discovery.BuildRobots();
        discovery.Manifest = discovery.BuildManifest();
        discovery.AboutJsonLd = discovery.BuildAboutJsonLd();
        discovery.ETag = $"\"{content.Version}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(baseUrl.AbsoluteUri)))[..8]}\"";
        return discovery;
    }

    /// <summary>A decoded site path (<c>/publications/x</c>) as an absolute URL under the base.</summary>
    public string Absolute(string path) => _addresses.Absolute("/" + path.TrimStart('/'));

    /// <summary>The site path of a paper's own page.</summary>
    public static string PublicationPath(string slug) => "/publications/" + slug;

    /// <summary>The head tags of one page, with every URL absolute.</summary>
    /// <param name="title">The document title.</param>
    /// <param name="description">The page's description; the site's when null.</param>
    /// <param name="canonicalPath">The page's own site path; null for pages that must not be indexed (errors).</param>
    /// <param name="image">The preview image; the avatar (else the icon) when null.</param>
    /// <param name="type">Open Graph type: <c>website</c>, <c>profile</c>, <c>article</c>.</param>
    public PageHead Head(string title, string? description, string? canonicalPath, WebImage? image, string type)
    {
        var preview = image ?? _content.Profile.Avatar ?? _content.Site.Seo.Icon;
        // The 1200x630 JPEG made for previews when there is one: services ignore SVG, WebP and AVIF, and crop to 1.91:1.
        var made = preview?.Preview;
        var wide = made is not null || preview is { Width: { } w, Height: { } h } && h > 0 && w >= 1.5 * h;
        return new PageHead
        {
            Title = title,
            Description = description ?? _content.Site.Description,
            Canonical = canonicalPath is null ? null : Absolute(canonicalPath),
            NoIndex = canonicalPath is null || !_content.Site.Seo.AllowIndexing,
            SiteName = _content.Site.Title,
            Type = type,
            Image = made is not null ? _addresses.AbsoluteImage(made.Url) : preview is null ? null : _addresses.AbsoluteAsset(preview.Path),
            ImageWidth = made?.Width ?? preview?.Width,
            ImageHeight = made?.Height ?? preview?.Height,
            ImageAlt = preview is null ? null : image is null && preview == _content.Profile.Avatar ? Text.SiteText.Format("Sidebar.PhotoOf", _content.Site.Language, _content.Profile.Name) : title,
            TwitterCard = wide ? "summary_large_image" : "summary",
            TwitterCreator = XHandle(_content.Profile),
            FeedUrl = FeedUrl,
        };
    }

    /// <summary>The owner's X handle (<c>@name</c>) from an <c>x</c> profile link, for <c>twitter:creator</c>.</summary>
    private static string? XHandle(Profile profile) =>
        profile.Links.FirstOrDefault(l => l.Kind == "x") is { } link
        && Uri.TryCreate(link.Url, UriKind.Absolute, out var url)
        && url.Host is "x.com" or "www.x.com" or "twitter.com" or "www.twitter.com"
        && url.AbsolutePath.Trim('/') is { Length: > 0 } handle && !handle.Contains('/', StringComparison.Ordinal)
            ? "@" + handle.TrimStart('@')
            : null;

    // ---- sitemap ------------------------------------------------------------------------

    private IEnumerable<(string Path, DateTimeOffset Modified)> PageList() => PageList(_content);

    /// <summary>The pages of one language's site, as site paths without the language.</summary>
    private IEnumerable<(string Path, DateTimeOffset Modified)> PageList(SiteContent content)
    {
        var times = content.Times;
        yield return ("/", times.Newest);
        var papers = content.Publications;
        if (Pages.PublicationsIndex && !papers.IsEmpty)
        {
            yield return ("/publications", times.NewestOf(papers.SelectMany(PaperInputs)) ?? times.Newest);
        }

        if (Pages.PublicationDetails)
        {
            foreach (var paper in papers)
            {
                yield return (PublicationPath(paper.Slug), times.NewestOf(PaperInputs(paper)) ?? times.Newest);
            }
        }
    }

    private static IEnumerable<string?> PaperInputs(Publication paper) => [paper.SourceFile, paper.Image?.Path];

    /// <summary>
    /// Every page in every language; on a site of several languages each entry lists the page in
    /// all of them (and x-default) as <c>xhtml:link</c> alternates, as Google's sitemap guide asks.
    /// </summary>
    private byte[] BuildSitemap() => Xml(writer =>
    {
        var site = _content.Site;
        var multilingual = site.Languages.Length > 1;
        writer.WriteStartElement("urlset", SitemapNamespace);
        if (multilingual)
        {
            writer.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
        }

        foreach (var language in site.Languages)
        {
            var content = _content.In(language);
            foreach (var (path, modified) in PageList(content))
            {
                writer.WriteStartElement("url", SitemapNamespace);
                writer.WriteElementString("loc", SitemapNamespace, Absolute(LanguageAddresses.PathIn(language, site, path)));
                writer.WriteElementString("lastmod", SitemapNamespace, Rfc3339(modified));
                if (multilingual)
                {
                    foreach (var (hreflang, alternate) in LanguageAddresses.Alternates(site, path))
                    {
                        writer.WriteStartElement("xhtml", "link", XhtmlNamespace);
                        writer.WriteAttributeString("rel", "alternate");
                        writer.WriteAttributeString("hreflang", hreflang);
                        writer.WriteAttributeString("href", Absolute(alternate));
                        writer.WriteEndElement();
                    }
                }

                writer.WriteEndElement();
            }
        }

        writer.WriteEndElement();
    });


    // ---- robots.txt ---------------------------------------------------------------------

    private string BuildRobots() =>
        _content.Site.Seo.AllowIndexing
            ? $"User-agent: *\nAllow: /\n\nSitemap: {Absolute("/sitemap.xml")}\n"
            : "User-agent: *\nDisallow: /\n";

    // ---- Atom feed ----------------------------------------------------------------------

    private sealed record FeedEntry(string Id, string Title, DateTimeOffset Updated, string Link, string? Html, ImmutableArray<string> Authors, string? Category);

    private IEnumerable<FeedEntry> Entries()
    {
        var authority = BaseUrl.IdnHost;
        // The default language keeps the ids it always had; a translation's entries are entries of their own.
        var scope = _content.Site.PathPrefix.Length == 0 ? "" : _content.Site.Language + "/";
        foreach (var item in _content.News)
        {
            // Identity is what the item says and when, so reordering news.yaml keeps every id;
            // rewording an item makes it a new entry, which is what a reader would expect.
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(item.Date.ToIsoString() + "\n" + item.Html)))[..16];
            yield return new FeedEntry(
                $"tag:{authority},{item.Date.ToIsoString()}:{scope}news/{hash}",
                PlainText.FromHtml(item.Html),
                Start(item.Date),
                InLanguage("/", "news"),
                item.Html,
                [],
                Text.SiteText.Get("Section.News", _content.Site.Language));
        }

        // An undated paper (a .bib entry without a year, or before year 1) has no place in a feed ordered by date.
        foreach (var paper in _content.Publications.Where(p => p.Date.Year is >= 1 and <= 9999))
        {
            var link = Pages.PublicationDetails ? InLanguage(PublicationPath(paper.Slug)) : paper.Url ?? InLanguage("/", "publications");
            yield return new FeedEntry(
                $"tag:{authority},{paper.Date.ToIsoString()}:{scope}publications/{paper.Slug}",
                paper.Title,
                Start(paper.Date),
                link,
                paper.SummaryHtml ?? paper.AbstractHtml,
                [.. paper.Authors.Select(a => a.Name)],
                paper.Venue ?? Text.SiteText.Get("Section.Publications", _content.Site.Language));
        }
    }

    private byte[] BuildFeed()
    {
        var entries = Entries().OrderByDescending(e => e.Updated).ToList();
        var updated = entries.Count > 0 ? entries.Max(e => e.Updated) : _content.Times.Newest;
        var home = Home;
        return Xml(writer =>
        {
            writer.WriteStartElement("feed", AtomNamespace);
            writer.WriteAttributeString("xml", "lang", null, _content.Site.Language);
            writer.WriteAttributeString("xml", "base", null, home);
            writer.WriteElementString("id", AtomNamespace, home);
            writer.WriteElementString("title", AtomNamespace, _content.Site.Title);
            if (_content.Site.Description is { } description)
            {
                writer.WriteElementString("subtitle", AtomNamespace, description);
            }

            writer.WriteElementString("updated", AtomNamespace, Rfc3339(updated));
            Link(writer, "self", FeedUrl, "application/atom+xml");
            Link(writer, "alternate", home, "text/html");
            writer.WriteStartElement("author", AtomNamespace);
            writer.WriteElementString("name", AtomNamespace, _content.Profile.Name);
            writer.WriteElementString("uri", AtomNamespace, home);
            writer.WriteEndElement();
            writer.WriteElementString("generator", AtomNamespace, "ProfileSite");
            if (_content.Site.Seo.Icon is { } icon)
            {
                writer.WriteElementString("icon", AtomNamespace, _addresses.AbsoluteImage(Icon(icon, 192)?.Url ?? icon.Src));
            }

            foreach (var entry in entries)
            {
                writer.WriteStartElement("entry", AtomNamespace);
                writer.WriteElementString("id", AtomNamespace, entry.Id);
                writer.WriteStartElement("title", AtomNamespace);
                writer.WriteAttributeString("type", "text");
                writer.WriteString(entry.Title);
                writer.WriteEndElement();
                writer.WriteElementString("updated", AtomNamespace, Rfc3339(entry.Updated));
                writer.WriteElementString("published", AtomNamespace, Rfc3339(entry.Updated));
                Link(writer, "alternate", entry.Link, null);
                foreach (var author in entry.Authors)
                {
                    writer.WriteStartElement("author", AtomNamespace);
                    writer.WriteElementString("name", AtomNamespace, author);
                    writer.WriteEndElement();
                }

                if (entry.Category is not null)
                {
                    writer.WriteStartElement("category", AtomNamespace);
                    writer.WriteAttributeString("term", entry.Category);
                    writer.WriteEndElement();
                }

                if (entry.Html is not null)
                {
                    writer.WriteStartElement("content", AtomNamespace);
                    writer.WriteAttributeString("type", "html");
                    writer.WriteString(entry.Html);
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    private static void Link(XmlWriter writer, string rel, string href, string? type)
    {
        writer.WriteStartElement("link", AtomNamespace);
        writer.WriteAttributeString("rel", rel);
        if (type is not null)
        {
            writer.WriteAttributeString("type", type);
        }

        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    // ---- web app manifest ---------------------------------------------------------------

    private byte[] BuildManifest()
    {
        var site = _content.Site;
        using var stream = new MemoryStream();
        // A file of its own, never inside HTML: readable escaping is safe here.
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("name", WellFormed.Json(site.Title));
            json.WriteString("short_name", WellFormed.Json(_content.Profile.Name));
            if (site.Description is not null)
            {
                json.WriteString("description", WellFormed.Json(site.Description));
            }

            json.WriteString("lang", WellFormed.Json(site.Language));
            json.WriteString("start_url", WellFormed.Json(_addresses.Href(LanguageAddresses.PathIn(site.Language, site, "/"))));
            json.WriteString("scope", WellFormed.Json(_addresses.Href("/")));
            json.WriteString("display", "browser");
            json.WriteString("background_color", WellFormed.Json(site.Seo.ThemeColorLight));
            json.WriteString("theme_color", WellFormed.Json(site.Seo.ThemeColorLight));
            json.WriteStartArray("icons");
            if (site.Seo.Icon is { } icon)
            {
                // The made PNGs (192 and 512 px, what installable web apps need), and the SVG itself, which scales.
                foreach (var made in icon.Icons.Where(i => i.Width is 192 or 512))
                {
                    json.WriteStartObject();
                    json.WriteString("src", WellFormed.Json(_addresses.Image(made.Url)));
                    json.WriteString("sizes", string.Create(CultureInfo.InvariantCulture, $"{made.Width}x{made.Height}"));
                    json.WriteString("type", made.MediaType);
                    json.WriteString("purpose", "any");
                    json.WriteEndObject();
                }

                if (icon.Icons.IsEmpty || icon.Facts?.IsVector == true)
                {
                    json.WriteStartObject();
                    json.WriteString("src", WellFormed.Json(_addresses.Asset(icon)));
                    json.WriteString("sizes", WellFormed.Json(IconSizes(icon)));
                    json.WriteString("type", WellFormed.Json(MediaType(icon.Path)));
                    json.WriteString("purpose", "any");
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>The made square PNG of <paramref name="size"/> pixels of an icon, if the image pipeline made one.</summary>
    public static Images.ImageVariant? Icon(WebImage icon, int size) => icon.Icons.FirstOrDefault(i => i.Width == size);

    /// <summary>The <c>sizes</c> of an icon: <c>any</c> for vector images, else its pixel size when known.</summary>
    public static string IconSizes(WebImage icon) =>
        icon.Path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) || icon.Width is null || icon.Height is null
            ? "any"
            : string.Create(CultureInfo.InvariantCulture, $"{icon.Width}x{icon.Height}");

    /// <summary>The media type of an image by its extension.</summary>
    public static string MediaType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        _ => "image/jpeg",
    };

    // ---- JSON-LD ------------------------------------------------------------------------

    private string BuildAboutJsonLd()
    {
        var profile = _content.Profile;
        var site = _content.Site;
        var home = Home;
        // One person in every language: the id is the default home page's.
        var person = _addresses.Absolute("/", "person");
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteStartArray("@graph");

            json.WriteStartObject();
            json.WriteString("@type", "Person");
            json.WriteString("@id", WellFormed.Json(person));
            json.WriteString("name", WellFormed.Json(profile.Name));
            if (!profile.Aliases.IsEmpty)
            {
                WriteStrings(json, "alternateName", profile.Aliases);
            }

            json.WriteString("url", WellFormed.Json(home));
            if (profile.Avatar is { } avatar)
            {
                json.WriteString("image", WellFormed.Json(_addresses.AbsoluteImage(avatar.PublicSrc)));
            }

            if (profile.BioHtml is { } bio)
            {
                json.WriteString("jobTitle", WellFormed.Json(PlainText.FromHtml(bio)));
            }

            if (profile.Employer is { } employer)
            {
                json.WriteStartObject("affiliation");
                json.WriteString("@type", "Organization");
                json.WriteString("name", WellFormed.Json(employer));
                if (profile.EmployerUrl is { } employerUrl)
                {
                    json.WriteString("url", WellFormed.Json(employerUrl));
                }

                json.WriteEndObject();
            }

            var schools = Alumni.Of(_content.Sections);
            if (!schools.IsEmpty)
            {
                json.WriteStartArray("alumniOf");
                foreach (var school in schools)
                {
                    json.WriteStartObject();
                    json.WriteString("@type", "CollegeOrUniversity");
                    json.WriteString("name", WellFormed.Json(school));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            if (profile.Location is { } location)
            {
                json.WriteStartObject("workLocation");
                json.WriteString("@type", "Place");
                json.WriteString("name", WellFormed.Json(location));
                json.WriteEndObject();
            }

            if (profile.Email is { } email)
            {
                json.WriteString("email", WellFormed.Json(email));
            }

            // A CV is a document about the person, not another profile of them.
            var sameAs = profile.Links.Where(l => l.Kind != "cv").Select(l => l.Url).Distinct(StringComparer.Ordinal).ToList();
            if (sameAs.Count > 0)
            {
                WriteStrings(json, "sameAs", sameAs);
            }

            json.WriteEndObject();

            json.WriteStartObject();
            json.WriteString("@type", "WebSite");
            json.WriteString("@id", WellFormed.Json(home + "#website"));
            json.WriteString("url", WellFormed.Json(home));
            json.WriteString("name", WellFormed.Json(site.Title));
            if (site.Description is not null)
            {
                json.WriteString("description", WellFormed.Json(site.Description));
            }

            json.WriteString("inLanguage", WellFormed.Json(site.Language));
            json.WriteStartObject("author");
            json.WriteString("@id", WellFormed.Json(person));
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(WellFormed.Json(value));
        }

        json.WriteEndArray();
    }

    // ---- shared -------------------------------------------------------------------------

    private static byte[] Xml(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var writer = WellFormed.Writer(stream, settings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>The first moment of a partial date, in UTC (a paper of "2024-09" dates from 2024-09-01).</summary>
    private static DateTimeOffset Start(PartialDate date) =>
        new(date.Year, date.Month ?? 1, date.Day ?? 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>RFC 3339 / W3C datetime in UTC, whole seconds: <c>2024-09-01T00:00:00Z</c>.</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>The head tags of one page: what link previews, crawlers and feed readers read.</summary>
public sealed record PageHead
{
    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>The absolute canonical URL; null on pages that must not be indexed.</summary>
    public string? Canonical { get; init; }

    /// <summary>True on pages crawlers should not index (errors, or the whole site with <c>robots: disallow</c>).</summary>
    public bool NoIndex { get; init; }

    public required string SiteName { get; init; }

    /// <summary>Open Graph type (<c>website</c>, <c>profile</c>, <c>article</c>).</summary>
    public required string Type { get; init; }

    /// <summary>Absolute URL of the preview image, if any.</summary>
    public string? Image { get; init; }

    public int? ImageWidth { get; init; }

    public int? ImageHeight { get; init; }

    public string? ImageAlt { get; init; }

    /// <summary><c>summary</c> for square-ish images (the avatar), <c>summary_large_image</c> for wide figures.</summary>
    public required string TwitterCard { get; init; }

    /// <summary>The owner's X handle (<c>@name</c>), when the profile links to X.</summary>
    public string? TwitterCreator { get; init; }

    /// <summary>Absolute URL of the Atom feed.</summary>
    public required string FeedUrl { get; init; }
}
