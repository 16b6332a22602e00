using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Hosting;

/// <summary>/sitemap.xml, /robots.txt, /feed.xml, /site.webmanifest and the /about redirects, as crawlers and readers fetch them.</summary>
public sealed partial class DiscoveryEndpointsTests : IDisposable
{
    private const string Base = "https://ada.example.org/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private async Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage>? configure = null)
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private async Task<XDocument> GetXmlAsync(string path, string mediaType)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>RFC 3339 date-time (Atom's and the sitemap's date form), and it must parse.</summary>
    private static void AssertRfc3339(string? text)
    {
        Assert.NotNull(text);
        Assert.Matches(Rfc3339(), text);
        Assert.True(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _), text);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    // ---- sitemap ----------------------------------------------------------------------------

    [Fact]
    public async Task Sitemap_ListsEveryPageWithTheNewestContentTime()
    {
        var newest = new DateTime(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        foreach (var file in Directory.EnumerateFiles(_content.Root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, newest.AddDays(-10));
        }

        File.SetLastWriteTimeUtc(Path.Combine(_content.ContentPath, "news.yaml"), newest);

        var sitemap = await GetXmlAsync("/sitemap.xml", "application/xml");

        Assert.Equal(Sitemap + "urlset", sitemap.Root!.Name);
        var urls = sitemap.Root.Elements(Sitemap + "url").ToList();
        Assert.Equal(
            [Base, Base + "publications", Base + "publications/2024-flows", Base + "publications/2022-cuts"],
            urls.Select(u => u.Element(Sitemap + "loc")!.Value));
        var home = urls[0];
        AssertRfc3339(home.Element(Sitemap + "lastmod")!.Value);
        Assert.Equal("2025-03-04T05:06:07Z", home.Element(Sitemap + "lastmod")!.Value);
        Assert.All(urls, u => AssertRfc3339(u.Element(Sitemap + "lastmod")!.Value));
    }

    [Fact]
    public async Task Sitemap_WithoutUrl_UsesTheRequestHost()
    {
        _content.Write("site.yaml", "title: Ada\n");

        var sitemap = await GetXmlAsync("/sitemap.xml", "application/xml");

        Assert.All(sitemap.Descendants(Sitemap + "loc"), loc => Assert.StartsWith("http://localhost/", loc.Value, StringComparison.Ordinal));
        Assert.Equal("http://localhost/", sitemap.Descendants(Sitemap + "loc").First().Value);
    }

    [Fact]
    public async Task Sitemap_SecondRequestWithTheETag_IsNotModified()
    {
        using var first = await GetAsync("/sitemap.xml");
        var etag = first.Headers.ETag!;

        using var second = await GetAsync("/sitemap.xml", r => r.Headers.IfNoneMatch.Add(etag));

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.NotNull(first.Content.Headers.LastModified);
    }

    // ---- robots.txt ---------------------------------------------------------------------------

    [Fact]
    public async Task Robots_AllowsAllAndNamesTheSitemap()
    {
        using var response = await GetAsync("/robots.txt");

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("User-agent: *\nAllow: /\n\nSitemap: https://ada.example.org/sitemap.xml\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Robots_Disallow_KeepsCrawlersOut()
    {
        _content.Write("site.yaml", $"url: {Base}\nrobots: disallow\n");

        using var response = await GetAsync("/robots.txt");

        Assert.Equal("User-agent: *\nDisallow: /\n", await response.Content.ReadAsStringAsync());
    }

    // ---- Atom feed ----------------------------------------------------------------------------

    [Fact]
    public async Task Feed_HasAtomsRequiredElementsAndUniqueEntryIds()
    {
        var feed = (await GetXmlAsync("/feed.xml", "application/atom+xml")).Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal(Base, feed.Element(Atom + "id")!.Value);
        Assert.Equal("Ada Example - Homepage", feed.Element(Atom + "title")!.Value);
        AssertRfc3339(feed.Element(Atom + "updated")!.Value);
        Assert.Equal("Ada Example", feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        var self = feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self");
        Assert.Equal(Base + "feed.xml", (string?)self.Attribute("href"));

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(4, entries.Count); // two news items, two papers
        foreach (var entry in entries)
        {
            var id = entry.Element(Atom + "id")!.Value;
            Assert.True(Uri.IsWellFormedUriString(id, UriKind.Absolute), id);
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")!.Value));
            AssertRfc3339(entry.Element(Atom + "updated")!.Value);
            var href = (string?)entry.Element(Atom + "link")!.Attribute("href");
            Assert.True(Uri.TryCreate(href, UriKind.Absolute, out _), href);
        }

        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        Assert.Equal(feed.Element(Atom + "updated")!.Value, entries.Max(e => e.Element(Atom + "updated")!.Value));
    }

    [Fact]
    public async Task Feed_EntriesCarryNewsAndPapersNewestFirst()
    {
        var entries = (await GetXmlAsync("/feed.xml", "application/atom+xml")).Root!.Elements(Atom + "entry").ToList();

        Assert.Equal(
            ["🎉 Paper accepted to NeurIPS 2024!", "Faster Flows in Sparse Graphs", "Gave a talk at ICALP.", "Cuts and Where to Find Them"],
            entries.Select(e => e.Element(Atom + "title")!.Value));
        Assert.Equal("2024-09-01T00:00:00Z", entries[0].Element(Atom + "updated")!.Value);
        Assert.Equal(Base + "publications/2024-flows", (string?)entries[1].Element(Atom + "link")!.Attribute("href"));
        Assert.Equal("tag:ada.example.org,2024-09:publications/2024-flows", entries[1].Element(Atom + "id")!.Value);
        Assert.Equal(["Ada Example", "Bob Coauthor", "Carol Senior"], entries[1].Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value));
        Assert.Equal("Gave a talk at <a href=\"https://icalp.example.org/\">ICALP</a>.", entries[2].Element(Atom + "content")!.Value);
        Assert.Equal("html", (string?)entries[2].Element(Atom + "content")!.Attribute("type"));
    }

    [Fact]
    public async Task Feed_ReorderingNews_KeepsEveryId()
    {
        static IEnumerable<string> Ids(XDocument feed) => feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).Order(StringComparer.Ordinal);

        _content.Write("news.yaml", "- date: 2024.09\n  text: First\n- date: 2024.09\n  text: Second\n");
        var before = Ids(await GetXmlAsync("/feed.xml", "application/atom+xml")).ToList();
        _content.Write("news.yaml", "- date: 2024.09\n  text: Second\n- date: 2024.09\n  text: First\n");
        var after = Ids(await GetXmlAsync("/feed.xml", "application/atom+xml")).ToList();

        Assert.Equal(before, after);
        Assert.All(before.Where(id => id.Contains(":news/", StringComparison.Ordinal)), id => Assert.StartsWith("tag:ada.example.org,2024-09:news/", id, StringComparison.Ordinal));
    }

    // ---- manifest -----------------------------------------------------------------------------

    [Fact]
    public async Task Manifest_NamesTheSiteAndItsIconWhichIsServed()
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();
        using var response = await client.GetAsync("/site.webmanifest");
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType!.MediaType);
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("Ada Example - Homepage", manifest.RootElement.GetProperty("name").GetString());
        Assert.Equal("Ada Example", manifest.RootElement.GetProperty("short_name").GetString());
        Assert.Equal("/", manifest.RootElement.GetProperty("start_url").GetString());
        Assert.Equal("#ffffff", manifest.RootElement.GetProperty("theme_color").GetString());
        // PNGs of the sizes installable web apps need, made from the avatar.
        var icons = manifest.RootElement.GetProperty("icons").EnumerateArray().ToList();
        Assert.Equal([("192x192", "image/png"), ("512x512", "image/png")], icons.Select(i => (i.GetProperty("sizes").GetString(), i.GetProperty("type").GetString())));
        foreach (var icon in icons)
        {
            Assert.Matches(@"^/variants/[0-9a-f]{16}/avatar-icon-(192|512)\.png$", icon.GetProperty("src").GetString());
            using var image = await client.GetAsync(icon.GetProperty("src").GetString());
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        }
    }

    // ---- redirects ----------------------------------------------------------------------------

    [Theory]
    [InlineData("/about")]
    [InlineData("/about/")]
    [InlineData("/about.html")]
    public async Task OldAboutAddress_RedirectsPermanentlyHome(string path)
    {
        using var response = await GetAsync(path);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.MovedPermanently, HttpStatusCode.PermanentRedirect });
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Head_OnTheSitemap_AnswersWithoutABody()
    {
        using var response = await GetAsync("/sitemap.xml", r => r.Method = HttpMethod.Head);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("application/xml") { CharSet = "utf-8" }, response.Content.Headers.ContentType);
    }
}
