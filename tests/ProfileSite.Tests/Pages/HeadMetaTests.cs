using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Pages;

/// <summary>What search engines, link previews and feed readers read from each page's head, parsed from the served HTML.</summary>
public sealed class HeadMetaTests : IDisposable
{
    private const string Base = "https://ada.example.org/";

    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    /// <summary>GETs a page whatever its status (the 404 page too) and parses it.</summary>
    private async Task<IHtmlDocument> GetAsync(string path)
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(path);
        Assert.Equal(path.Contains("no-such", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The one element matching <paramref name="selector"/> in the head (a duplicate fails), and its attribute.</summary>
    private static string Single(IHtmlDocument page, string selector, string attribute = "content") =>
        Assert.Single(page.Head!.QuerySelectorAll(selector)).GetAttribute(attribute)!;

    private static string Meta(IHtmlDocument page, string property) => Single(page, $"meta[property='{property}']");

    private static string Named(IHtmlDocument page, string name) => Single(page, $"meta[name='{name}']");

    /// <summary>A variant the image pipeline makes: <c>{prefix}variants/{16 hex}/{file}</c>.</summary>
    private static string Variant(string prefix, string file) =>
        "^" + System.Text.RegularExpressions.Regex.Escape(prefix) + "variants/[0-9a-f]{16}/" + System.Text.RegularExpressions.Regex.Escape(file) + "$";

    [Fact]
    public async Task About_HeadHasEveryTagOnceWithAbsoluteUrls()
    {
        var page = await GetAsync("/");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Single(page.Head!.QuerySelectorAll("title"));
        Assert.Equal("Ada Example - Homepage", page.Title);
        Assert.Equal("Ada Example studies graph algorithms.", Named(page, "description"));
        Assert.Equal(Base, Single(page, "link[rel=canonical]", "href"));
        Assert.Empty(page.Head.QuerySelectorAll("meta[name=robots]"));

        Assert.Equal("profile", Meta(page, "og:type"));
        Assert.Equal("Ada Example - Homepage", Meta(page, "og:site_name"));
        Assert.Equal("Ada Example - Homepage", Meta(page, "og:title"));
        Assert.Equal("Ada Example studies graph algorithms.", Meta(page, "og:description"));
        Assert.Equal(Base, Meta(page, "og:url"));
        // The 1200x630 JPEG made from the avatar, the size previews crop to.
        Assert.Matches(Variant(Base, "avatar-og.jpg"), Meta(page, "og:image"));
        Assert.Equal("1200", Meta(page, "og:image:width"));
        Assert.Equal("630", Meta(page, "og:image:height"));
        Assert.Equal("Photo of Ada Example", Meta(page, "og:image:alt"));

        Assert.Equal("summary_large_image", Named(page, "twitter:card"));
        Assert.Equal("Ada Example - Homepage", Named(page, "twitter:title"));
        Assert.Equal("Ada Example studies graph algorithms.", Named(page, "twitter:description"));
        Assert.Equal(Meta(page, "og:image"), Named(page, "twitter:image"));
        Assert.Empty(page.Head.QuerySelectorAll("meta[name='twitter:creator']"));

        var themes = page.Head.QuerySelectorAll("meta[name=theme-color]").Select(m => (m.GetAttribute("media"), m.GetAttribute("content")));
        Assert.Equal([("(prefers-color-scheme: light)", "#ffffff"), ("(prefers-color-scheme: dark)", "#14171b")], themes);
        var icon = Assert.Single(page.Head.QuerySelectorAll("link[rel=icon]"));
        Assert.Matches(Variant("/", "avatar-icon-32.png"), icon.GetAttribute("href"));
        Assert.Equal(("image/png", "32x32"), (icon.GetAttribute("type"), icon.GetAttribute("sizes")));
        Assert.Matches(Variant("/", "avatar-icon-180.png"), Single(page, "link[rel=apple-touch-icon]", "href"));
        Assert.Equal("/site.webmanifest", Single(page, "link[rel=manifest]", "href"));
        var feed = Assert.Single(page.Head.QuerySelectorAll("link[rel=alternate]"));
        Assert.Equal(("application/atom+xml", Base + "feed.xml"), (feed.GetAttribute("type"), feed.GetAttribute("href")));
    }

    [Fact]
    public async Task EveryPage_HasNoDuplicateHeadTags()
    {
        foreach (var path in new[] { "/", "/no-such-page" })
        {
            var page = await GetAsync(path);

            var keys = page.Head!.Children
                .Where(e => e.LocalName is "meta" or "link" or "title")
                .Select(e => string.Join('|', e.LocalName, e.GetAttribute("property") ?? e.GetAttribute("name") ?? e.GetAttribute("rel") ?? e.GetAttribute("charset"),
                    e.GetAttribute("media"), e.GetAttribute("type"), e.GetAttribute("sizes")))
                .ToList();
            Assert.Equal(keys.Distinct().Count(), keys.Count);
        }
    }

    [Fact]
    public async Task NotFound_IsNoindexWithoutCanonicalButKeepsItsTitleAndPreview()
    {
        var page = await GetAsync("/no-such-page");

        Assert.Equal("Page not found - Ada Example - Homepage", page.Title);
        Assert.Equal("noindex", Named(page, "robots"));
        Assert.Empty(page.Head!.QuerySelectorAll("link[rel=canonical]"));
        Assert.Empty(page.Head.QuerySelectorAll("meta[property='og:url']"));
        Assert.Equal("Page not found - Ada Example - Homepage", Meta(page, "og:title"));
        Assert.Matches(Variant(Base, "avatar-og.jpg"), Meta(page, "og:image"));
        Assert.Equal(Base + "feed.xml", Single(page, "link[rel=alternate]", "href"));
        Assert.Empty(page.QuerySelectorAll("script[type='application/ld+json']"));
    }

    [Fact]
    public async Task About_WithoutUrl_DerivesAbsoluteLinksFromTheRequest()
    {
        _content.Write("site.yaml", "title: Ada Example - Homepage\n");

        var page = await GetAsync("/?utm_source=x");

        Assert.Equal("http://localhost/", Single(page, "link[rel=canonical]", "href"));
        Assert.Matches(Variant("http://localhost/", "avatar-og.jpg"), Meta(page, "og:image"));
        Assert.Equal("http://localhost/feed.xml", Single(page, "link[rel=alternate]", "href"));
    }

    [Fact]
    public async Task About_VerificationMetasAndRobotsFromSiteYaml()
    {
        _content.Write("site.yaml", $"url: {Base}\nrobots: disallow\nverification:\n  google: g-token\n  bing: B1NG\n  baidu: codeva-1\n  yandex: y123\n");

        var page = await GetAsync("/");

        Assert.Equal("g-token", Named(page, "google-site-verification"));
        Assert.Equal("B1NG", Named(page, "msvalidate.01"));
        Assert.Equal("codeva-1", Named(page, "baidu-site-verification"));
        Assert.Equal("y123", Named(page, "yandex-verification"));
        Assert.Equal("noindex", Named(page, "robots"));
    }

    [Fact]
    public async Task About_WideImageOrConfiguredIcon_ChangeCardAndIcons()
    {
        _content.WriteImage("images/icon.png", 192, 192);
        _content.Write("site.yaml", $"url: {Base}\nicon: images/icon.png\ntheme_color: '#1b4d80'\n");

        var page = await GetAsync("/");

        Assert.Matches(Variant("/", "icon-icon-32.png"), Single(page, "link[rel=icon]", "href"));
        Assert.Equal("32x32", Single(page, "link[rel=icon]", "sizes"));
        Assert.Matches(Variant("/", "icon-icon-180.png"), Single(page, "link[rel=apple-touch-icon]", "href"));
        Assert.All(page.Head!.QuerySelectorAll("meta[name=theme-color]"), m => Assert.Equal("#1b4d80", m.GetAttribute("content")));
    }

    [Fact]
    public async Task About_XLink_NamesTheOwnerAsTwitterCreator()
    {
        _content.Write("profile.yaml", "name: Ada Example\nlinks:\n  x: ada_example\n");

        Assert.Equal("@ada_example", Named(await GetAsync("/"), "twitter:creator"));
    }

    [Fact]
    public async Task About_WithoutAvatarOrIcon_UsesTheShippedFaviconSet()
    {
        File.WriteAllText(Path.Combine(_content.WebRootPath, "favicon.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\"><rect width=\"64\" height=\"64\" fill=\"#1b4d80\"/></svg>");
        File.WriteAllBytes(Path.Combine(_content.WebRootPath, "favicon.ico"), [0, 0, 1, 0]);
        _content.Write("profile.yaml", "name: Ada Example\n");

        var page = await GetAsync("/");

        // The .ico for old browsers, a PNG made from the SVG, and the SVG itself; iOS gets a PNG too.
        var icons = page.Head!.QuerySelectorAll("link[rel=icon]").Select(l => (l.GetAttribute("href"), l.GetAttribute("type"), l.GetAttribute("sizes"))).ToList();
        Assert.Equal(3, icons.Count);
        Assert.Equal((_content.Asset("favicon.ico"), null, "32x32"), icons[0]);
        Assert.Matches(Variant("/", "favicon-icon-32.png"), icons[1].Item1);
        Assert.Equal(("image/png", "32x32"), (icons[1].Item2, icons[1].Item3));
        Assert.Equal((_content.Asset("favicon.svg"), "image/svg+xml", "any"), icons[2]);
        Assert.Matches(Variant("/", "favicon-icon-180.png"), Single(page, "link[rel=apple-touch-icon]", "href"));
        Assert.Matches(Variant(Base, "favicon-og.jpg"), Meta(page, "og:image"));
    }

    // ---- JSON-LD --------------------------------------------------------------------------

    private static JsonElement Graph(IHtmlDocument page, string type)
    {
        var block = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        using var json = JsonDocument.Parse(block.TextContent);
        Assert.Equal("https://schema.org", json.RootElement.GetProperty("@context").GetString());
        return Assert.Single(json.RootElement.GetProperty("@graph").EnumerateArray(), n => n.GetProperty("@type").GetString() == type).Clone();
    }

    [Fact]
    public async Task About_JsonLdDescribesThePersonAndTheSite()
    {
        _content.Write("sections/20-educations.yaml", """
            title: Educations
            items:
              - date: 2021.09 - now
                text: Ph.D., Department of Computer Science, Example University.
              - date: 2015.09 - 2019.06
                text: B.Sc., [ETH Zurich](https://ethz.ch/).
            """);

        var page = await GetAsync("/");
        var person = Graph(page, "Person");
        var website = Graph(page, "WebSite");

        Assert.Equal("Ada Example", person.GetProperty("name").GetString());
        Assert.Equal(Base, person.GetProperty("url").GetString());
        // The widest JPEG made from the avatar: the original may carry GPS and camera data.
        Assert.Matches(Variant(Base, "avatar-64.jpg"), person.GetProperty("image").GetString());
        Assert.Equal("Professor of Computer Science", person.GetProperty("jobTitle").GetString());
        Assert.Equal("Example University", person.GetProperty("affiliation").GetProperty("name").GetString());
        Assert.Equal("https://uni.example.org/", person.GetProperty("affiliation").GetProperty("url").GetString());
        Assert.Equal(["ETH Zurich"], person.GetProperty("alumniOf").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("ada@example.org", person.GetProperty("email").GetString());
        Assert.Equal(
            ["https://scholar.google.com/citations?user=ABCDEFGAAAAJ", "https://github.com/ada-example", "https://orcid.org/0000-0002-1825-0097"],
            person.GetProperty("sameAs").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(Base, website.GetProperty("url").GetString());
        Assert.Equal("Ada Example - Homepage", website.GetProperty("name").GetString());
        Assert.Equal(person.GetProperty("@id").GetString(), website.GetProperty("author").GetProperty("@id").GetString());
    }

    [Fact]
    public async Task About_JsonLdWithScriptEndInAValue_CannotCloseTheBlock()
    {
        _content.Write("site.yaml", $"url: {Base}\ndescription: \"Graphs </script><script>alert(1)</script> & more\"\n");

        var page = await GetAsync("/");

        Assert.Equal("Graphs </script><script>alert(1)</script> & more", Graph(page, "WebSite").GetProperty("description").GetString());
        Assert.Single(page.QuerySelectorAll("script"));
        Assert.DoesNotContain("</script", Assert.Single(page.QuerySelectorAll("script")).TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task About_WithoutEmailOrLinks_LeavesThemOutOfJsonLd()
    {
        _content.Write("profile.yaml", "name: Ada Example\n");

        var person = Graph(await GetAsync("/"), "Person");

        Assert.False(person.TryGetProperty("email", out _));
        Assert.False(person.TryGetProperty("sameAs", out _));
        Assert.False(person.TryGetProperty("image", out _));
    }

    [Fact]
    public async Task PaperPage_PreviewsAsAnArticleWithThePapersImage()
    {
        var page = await GetAsync("/publications/2024-flows");

        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal(Base + "publications/2024-flows", Single(page, "link[rel=canonical]", "href"));
        Assert.Matches(Variant(Base, "flows-og.jpg"), Meta(page, "og:image"));
        Assert.Equal(Meta(page, "og:image"), Named(page, "twitter:image"));
        Assert.StartsWith("Faster Flows in Sparse Graphs", Meta(page, "og:title"), StringComparison.Ordinal);
    }

    // ---- analytics --------------------------------------------------------------------------

    [Fact]
    public async Task Analytics_OffByDefault_NoScriptTagAtAll()
    {
        var page = await GetAsync("/");

        Assert.Empty(page.QuerySelectorAll("script[src]"));
        Assert.All(page.QuerySelectorAll("script"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
    }

    [Fact]
    public async Task Analytics_Plausible_LoadsExactlyThatScript()
    {
        _content.Write("site.yaml", $"url: {Base}\nanalytics:\n  provider: plausible\n");

        var page = await GetAsync("/");

        var script = Assert.Single(page.QuerySelectorAll("script[src]"));
        Assert.Equal("https://plausible.io/js/script.js", script.GetAttribute("src"));
        Assert.Equal("ada.example.org", script.GetAttribute("data-domain"));
        Assert.True(script.HasAttribute("defer"));
        Assert.Equal("", script.TextContent);
    }

    [Fact]
    public async Task Analytics_Umami_LoadsExactlyThatScript()
    {
        _content.Write("site.yaml", $"url: {Base}\nanalytics:\n  provider: umami\n  website_id: 94db1cb1-74f4-4a40-ad6c-962362670409\n  host: https://umami.example.org\n");

        var script = Assert.Single((await GetAsync("/no-such-page")).QuerySelectorAll("script[src]"));

        Assert.Equal("https://umami.example.org/script.js", script.GetAttribute("src"));
        Assert.Equal("94db1cb1-74f4-4a40-ad6c-962362670409", script.GetAttribute("data-website-id"));
    }

    [Fact]
    public async Task Analytics_Ga4_LoadsOurOwnFileWhichTheSiteServes()
    {
        File.Copy(Path.Combine(Repository.Root, "wwwroot", "js", "ga4.js"), Path.Combine(Directory.CreateDirectory(Path.Combine(_content.WebRootPath, "js")).FullName, "ga4.js"));
        _content.Write("site.yaml", $"url: {Base}\nanalytics:\n  provider: ga4\n  measurement_id: G-ABC123DEF4\n");
        await using var site = new SiteFactory(_content);

        var page = await site.GetDocumentAsync("/");

        var script = Assert.Single(page.QuerySelectorAll("script[src]"));
        Assert.Equal(_content.Asset("js/ga4.js"), script.GetAttribute("src")); // fingerprinted: a new script is a new URL
        Assert.Equal("G-ABC123DEF4", script.GetAttribute("data-measurement-id"));
        using var client = site.CreateClient();
        var js = await client.GetStringAsync(script.GetAttribute("src"));
        Assert.Contains("data-measurement-id", js, StringComparison.Ordinal);
        Assert.Contains("https://www.googletagmanager.com/gtag/js?id=", js, StringComparison.Ordinal);
    }
}
