using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ProfileSite.Content.Loading;
using Microsoft.Extensions.DependencyInjection;
using ProfileSite.Content;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Localization;

/// <summary>
/// A site in English and Chinese (<c>languages: [en, zh-CN]</c>) through the real app: every page
/// in both languages at one address each, translations where the owner gave them and English
/// (marked <c>lang="en"</c>) where not, reciprocal hreflang with x-default, the sitemap's
/// alternates, a feed, manifest and JSON-LD per language, and warnings for items only one file has.
/// </summary>
public sealed class BilingualSiteTests : IDisposable
{
    private const string Base = "https://ada.example.org/";

    /// <summary>Every page of the site, as a site path without its language.</summary>
    private static readonly string[] Pages = ["/", "/publications", "/publications/2024-flows", "/publications/2022-cuts"];

    private readonly TestContent _content = new();

    public BilingualSiteTests() => WriteBilingual(_content);

    public void Dispose() => _content.Dispose();

    /// <summary>The test site in English and Chinese: some of everything translated, some not.</summary>
    internal static void WriteBilingual(TestContent content)
    {
        content.Write("site.yaml", $"title: Ada Example - Homepage\ndescription: Ada Example studies graph algorithms.\nurl: {Base}\nlanguages: [en, zh-CN]\n");
        content.Write("site.zh-CN.yaml", "title: 艾达的主页\ndescription: 艾达研究图算法。\n");
        content.Write("profile.zh-CN.yaml", "name: 艾达\nbio: 计算机科学教授\n");
        content.Write("about.zh-CN.md", "---\ntitle: 关于我\n---\n我研究**图算法**。\n");
        content.Write("news.zh-CN.yaml", "- date: 2024.09\n  text: \"论文被 NeurIPS 2024 接收！\"\n");
        content.Write("sections/20-educations.yaml", "title: Educations\nicon: 📖\nitems:\n  - date: 2019.09 - now\n    text: Ph.D., Example University.\n  - date: 2015.09 - 2019.06\n    text: B.Sc., Example College.\n");
        content.Write("sections/20-educations.zh-CN.yaml", "title: 教育经历\nitems:\n  - date: 2019.09 - now\n    text: 博士，示例大学。\n");
        var flows = File.ReadAllText(Path.Combine(content.ContentPath, "publications", "2024-flows.md"));
        content.Write("publications/2024-flows.md", flows.Replace("selected: true\n", """
            selected: true
            translations:
              zh-CN:
                title: 稀疏图中更快的流
                summary: 我们让流**更快**。
                body: 流论文的摘要。
            """.Replace("\r", "", StringComparison.Ordinal) + "\n", StringComparison.Ordinal));
    }

    private static string InChinese(string path) => path == "/" ? "/zh-CN/" : "/zh-CN" + path;

    private static async Task<IHtmlDocument> GetAsync(HttpClient client, string path, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(path);
        Assert.True(status == response.StatusCode, $"{path} answered {(int)response.StatusCode}, expected {(int)status}");
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Routes_EveryPageAnswersInBothLanguagesAtOneAddressEach()
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var path in Pages)
        {
            Assert.Equal("en", (await GetAsync(client, path)).DocumentElement.GetAttribute("lang"));
            var chinese = await GetAsync(client, InChinese(path));
            Assert.Equal("zh-CN", chinese.DocumentElement.GetAttribute("lang"));
            Assert.Equal("ltr", chinese.DocumentElement.GetAttribute("dir"));
        }

        // Other spellings of a Chinese page answer 301 to its one address, as every page's do.
        foreach (var (spelling, address) in new[]
        {
            ("/zh-cn/", "/zh-CN/"), ("/zh-CN", "/zh-CN/"), ("/ZH-CN/publications", "/zh-CN/publications"), ("/zh-CN/Publications/", "/zh-CN/publications"),
            ("/zh-CN/index.html", "/zh-CN/"), ("/zh-cn/publications/2024-flows", "/zh-CN/publications/2024-flows"),
        })
        {
            var response = await client.GetAsync(spelling);
            Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"{spelling} answered {(int)response.StatusCode}");
            Assert.Equal(address, response.Headers.Location!.OriginalString);
        }

        // Other languages are not pages, and what exists once per site is not repeated per language.
        foreach (var path in new[] { "/fr/", "/en/", "/zh-CN/error/404", "/zh-CN/publications.bib", "/zh-CN/sitemap.xml", "/zh-CN/robots.txt" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        }

        // A page missing in Chinese is missing in Chinese.
        var missing = await GetAsync(client, "/zh-CN/no-such-page", HttpStatusCode.NotFound);
        Assert.Equal("zh-CN", missing.DocumentElement.GetAttribute("lang"));
        Assert.Equal("页面不存在", missing.QuerySelector("h2")!.TextContent);
        Assert.Equal("/zh-CN/", missing.QuerySelector("main a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Publisher_BuildsEveryLanguagesPagesFeedAndManifestOnce()
    {
        await using var site = new SiteFactory(_content);
        await site.WaitUntilPublishedAsync();
        var published = site.Services.GetRequiredService<ContentStore>().Published!.Primary;

        // Nothing failed, and every Chinese address was built with the snapshot, in Chinese.
        Assert.DoesNotContain(published.Resources, r => r.Failed);
        foreach (var (path, query, marker) in new (string, string?, string)[]
        {
            ("/zh-CN/", null, "<html lang=\"zh-CN\""), ("/zh-CN/publications", null, "<html lang=\"zh-CN\""),
            ("/zh-CN/publications/2024-flows", null, "稀疏图中更快的流"), ("/zh-CN/publications/2022-cuts", null, "<html lang=\"zh-CN\""),
            ("/zh-CN/publications", "type=other", "<html lang=\"zh-CN\""),
            ("/zh-CN/feed.xml", null, "xml:lang=\"zh-CN\""), ("/zh-CN/site.webmanifest", null, "\"lang\": \"zh-CN\""),
        })
        {
            Assert.True(published.TryGet(query is null ? path : path + "?" + query, out var resource), $"{path}?{query} was not published");
            var body = System.Text.Encoding.UTF8.GetString(resource.Variant(0)!.Body);
            Assert.Contains(marker, body, StringComparison.Ordinal);
        }

        // A filter nobody linked to is built on first use, in the list's language.
        using var client = site.CreateClient();
        var filtered = await GetAsync(client, "/zh-CN/publications?year=2022");
        Assert.Equal("zh-CN", filtered.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["paper-2022-cuts"], filtered.QuerySelectorAll(".pub-entry").Select(e => e.Id));
    }

    [Fact]
    public async Task TranslatedBody_ResolvesItsPathsAtTheWebRootAndRendersMath_LikeEveryOtherField()
    {
        Directory.CreateDirectory(Path.Combine(_content.WebRootPath, "files"));
        File.WriteAllText(Path.Combine(_content.WebRootPath, "files", "poster.pdf"), "%PDF-1.4 poster\n");
        var flows = File.ReadAllText(Path.Combine(_content.ContentPath, "publications", "2024-flows.md"));
        _content.Write("publications/2024-flows.md", flows.Replace("body: 流论文的摘要。", "body: \"流论文的摘要，见[海报](files/poster.pdf)，公式 $x^2$。\"", StringComparison.Ordinal));
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        var page = await GetAsync(client, "/zh-CN/publications/2024-flows");

        var poster = Assert.Single(page.QuerySelectorAll("a"), a => a.TextContent == "海报");
        Assert.Equal("/files/poster.pdf", poster.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(poster.GetAttribute("href"))).StatusCode);
        Assert.NotNull(page.QuerySelector("math"));
    }

    [Fact]
    public async Task Chinese_ShowsTranslationsAndMarksWhatFallsBackToEnglish()
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();
        var page = await GetAsync(client, "/zh-CN/");

        Assert.Equal("艾达的主页", page.Title);
        // Profile: name and bio translated, location not (marked English).
        Assert.Equal("艾达", page.QuerySelector(".profile-name")!.TextContent);
        Assert.Null(page.QuerySelector(".profile-name")!.GetAttribute("lang"));
        Assert.Equal("计算机科学教授", page.QuerySelector(".profile-bio")!.TextContent);
        Assert.Equal("en", page.QuerySelectorAll(".profile-facts bdi").First(b => b.TextContent == "Zurich, Switzerland").GetAttribute("lang"));
        // About translated, with its own title.
        Assert.Equal("关于我", page.QuerySelector("#about-me-title")!.TextContent);
        Assert.Null(page.QuerySelector("#about-me .prose")!.GetAttribute("lang"));
        // News: the translated item in Chinese, the other in English, marked.
        var news = page.QuerySelectorAll("#news .dated-text").Select(t => (t.TextContent, Lang: t.GetAttribute("lang"))).ToList();
        Assert.Equal([("论文被 NeurIPS 2024 接收！", null), ("Gave a talk at ICALP.", "en")], news);
        // A section: title and the first item translated, the second in English.
        Assert.Equal("📖 教育经历", Squash(page.QuerySelector("#educations-title")!.TextContent));
        Assert.Equal([("博士，示例大学。", null), ("B.Sc., Example College.", "en")],
            page.QuerySelectorAll("#educations .dated-text").Select(t => (t.TextContent, (string?)t.GetAttribute("lang"))));
        Assert.Equal("2019.09 - 至今", page.QuerySelector("#educations .date")!.TextContent);
        // Papers: one translated, one not.
        var flows = page.QuerySelector("#paper-2024-flows")!;
        Assert.Equal("稀疏图中更快的流", Squash(flows.QuerySelector(".paper-title")!.TextContent));
        Assert.Null(flows.QuerySelector(".paper-title")!.GetAttribute("lang"));
        Assert.Equal("我们让流更快。", flows.QuerySelector(".paper-summary")!.TextContent);
        // The top bar names the sections in Chinese and links within the Chinese site.
        Assert.Equal([("关于我", "/zh-CN/#about-me"), ("动态", "/zh-CN/#news"), ("论文发表", "/zh-CN/#publications"), ("教育经历", "/zh-CN/#educations")],
            page.QuerySelectorAll(".site-nav a").Select(a => (a.TextContent, a.GetAttribute("href"))));
        Assert.Equal("/zh-CN/publications/2024-flows", flows.QuerySelector(".button-quiet")!.GetAttribute("href"));
        Assert.Equal("/zh-CN/publications", page.QuerySelector(".full-list a")!.GetAttribute("href"));

        var list = await GetAsync(client, "/zh-CN/publications");
        var cuts = list.QuerySelector("#paper-2022-cuts .pub-entry-title")!;
        Assert.Equal(("Cuts and Where to Find Them", "en"), (cuts.TextContent, cuts.GetAttribute("lang")));
        Assert.Equal("/zh-CN/publications/2022-cuts", cuts.QuerySelector("a")!.GetAttribute("href"));

        var detail = await GetAsync(client, "/zh-CN/publications/2024-flows");
        Assert.Equal("稀疏图中更快的流", detail.QuerySelector("#paper-title")!.TextContent);
        Assert.Equal("流论文的摘要。", Squash(detail.QuerySelector(".paper-abstract .prose")!.TextContent));
        // The BibTeX is the paper as published: its English title, the same file in both languages.
        Assert.Contains("Faster Flows in Sparse Graphs", detail.QuerySelector("pre.bibtex")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/publications/2024-flows.bib", detail.QuerySelector("a[download]")!.GetAttribute("href"));

        // The English pages stay as they were: nothing marked, nothing translated.
        var english = await GetAsync(client, "/");
        Assert.DoesNotContain(english.Body!.QuerySelectorAll("[lang]"), e => e.Closest(".language-links") is null);
        Assert.Equal("Ada Example", english.QuerySelector(".profile-name")!.TextContent);
    }

    [Fact]
    public async Task Hreflang_EveryPageListsEveryLanguageAndXDefault_Reciprocally()
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        foreach (var path in Pages)
        {
            string[] addresses = [Base.TrimEnd('/') + path, Base.TrimEnd('/') + InChinese(path)];
            foreach (var (address, language) in addresses.Zip(["en", "zh-CN"]))
            {
                var page = await GetAsync(client, new Uri(address).PathAndQuery);
                Assert.Equal(address, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
                Assert.Equal(address, page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
                var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]")
                    .ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
                Assert.Equal(new Dictionary<string, string> { ["en"] = addresses[0], ["zh-CN"] = addresses[1], ["x-default"] = addresses[0] }, alternates);
                Assert.Equal(address, alternates[language]); // the page names itself
            }
        }

        // Error pages are not indexed: no canonical, no alternates.
        var error = await GetAsync(client, "/zh-CN/no-such-page", HttpStatusCode.NotFound);
        Assert.Empty(error.QuerySelectorAll("link[rel=canonical], link[hreflang]"));
    }

    [Fact]
    public async Task LanguageLink_LeadsToTheSamePageInTheOtherLanguage()
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        foreach (var path in Pages.Append("/publications?tag=graphs"))
        {
            var english = await GetAsync(client, path);
            var toChinese = Assert.Single(english.QuerySelectorAll(".language-links a"));
            Assert.Equal((InChinese(path.Split('?')[0]) + (path.Contains('?') ? "?" + path.Split('?')[1] : ""), "zh-CN", "简体中文"),
                (toChinese.GetAttribute("href"), toChinese.GetAttribute("hreflang"), toChinese.TextContent));
            var chinese = await GetAsync(client, toChinese.GetAttribute("href")!);
            var toEnglish = Assert.Single(chinese.QuerySelectorAll(".language-links a"));
            Assert.Equal((path, "en", "English"), (toEnglish.GetAttribute("href"), toEnglish.GetAttribute("lang"), toEnglish.TextContent));
        }
    }

    [Fact]
    public async Task Sitemap_ListsEveryPageInBothLanguagesWithAlternates()
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();
        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";

        var urls = sitemap.Root!.Elements(sm + "url").ToList();
        var expected = Pages.SelectMany(p => new[] { Base.TrimEnd('/') + p, Base.TrimEnd('/') + InChinese(p) }).Order().ToList();
        Assert.Equal(expected, urls.Select(u => u.Element(sm + "loc")!.Value).Order());
        foreach (var url in urls)
        {
            var loc = url.Element(sm + "loc")!.Value;
            var alternates = url.Elements(xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value);
            Assert.All(url.Elements(xhtml + "link"), l => Assert.Equal("alternate", l.Attribute("rel")!.Value));
            Assert.Equal(["en", "x-default", "zh-CN"], alternates.Keys.Order(StringComparer.Ordinal));
            Assert.Contains(loc, alternates.Values);
            Assert.Equal(alternates["en"], alternates["x-default"]);
            // Every alternate is itself listed, with the same set (reciprocal).
            Assert.All(alternates.Values, a => Assert.Contains(a, expected));
        }
    }

    [Fact]
    public async Task FeedManifestAndJsonLd_ComeInEachLanguage()
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();
        XNamespace atom = "http://www.w3.org/2005/Atom";

        var english = XDocument.Parse(await client.GetStringAsync("/feed.xml"));
        var chinese = XDocument.Parse(await client.GetStringAsync("/zh-CN/feed.xml"));
        Assert.Equal("zh-CN", chinese.Root!.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal("艾达的主页", chinese.Root.Element(atom + "title")!.Value);
        Assert.Equal(Base + "zh-CN/feed.xml", chinese.Root.Elements(atom + "link").Single(l => l.Attribute("rel")!.Value == "self").Attribute("href")!.Value);
        Assert.Contains(chinese.Root.Elements(atom + "entry"), e => e.Element(atom + "title")!.Value == "稀疏图中更快的流"
            && e.Element(atom + "link")!.Attribute("href")!.Value == Base + "zh-CN/publications/2024-flows");
        var ids = english.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "id")!.Value).ToHashSet();
        Assert.DoesNotContain(chinese.Root.Elements(atom + "entry"), e => ids.Contains(e.Element(atom + "id")!.Value));
        var page = await GetAsync(client, "/zh-CN/");
        Assert.Equal(Base + "zh-CN/feed.xml", page.QuerySelector("link[type='application/atom+xml']")!.GetAttribute("href"));

        var manifest = JsonDocument.Parse(await client.GetStringAsync("/zh-CN/site.webmanifest")).RootElement;
        Assert.Equal(("艾达的主页", "zh-CN", "/zh-CN/"), (manifest.GetProperty("name").GetString(), manifest.GetProperty("lang").GetString(), manifest.GetProperty("start_url").GetString()));
        Assert.Equal("/zh-CN/site.webmanifest", page.QuerySelector("link[rel=manifest]")!.GetAttribute("href"));

        var graph = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement.GetProperty("@graph");
        var person = graph.EnumerateArray().Single(n => n.GetProperty("@type").GetString() == "Person");
        var website = graph.EnumerateArray().Single(n => n.GetProperty("@type").GetString() == "WebSite");
        Assert.Equal(("艾达", Base + "#person"), (person.GetProperty("name").GetString(), person.GetProperty("@id").GetString()));
        Assert.Equal(("zh-CN", Base + "zh-CN/"), (website.GetProperty("inLanguage").GetString(), website.GetProperty("url").GetString()));
        var paper = JsonDocument.Parse((await GetAsync(client, "/zh-CN/publications/2024-flows")).QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal(("稀疏图中更快的流", Base + "zh-CN/publications/2024-flows"), (paper.GetProperty("name").GetString(), paper.GetProperty("url").GetString()));
    }

    [Fact]
    public void Check_WarnsAtEveryItemOnlyOneFileHas()
    {
        _content.Write("news.zh-CN.yaml", "- date: 2024.09\n  text: 论文被接收！\n- date: 2022.01\n  text: 只有中文。\n");

        var result = ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath));

        Assert.True(result.Succeeded);
        var warnings = result.Problems.Where(p => !p.IsError).Select(p => p.ToString()).ToList();
        Assert.Contains("content/news.yaml:3:3: warning: this item of 2023.05 has no translation in content/news.zh-CN.yaml; zh-CN pages show it in en", warnings);
        Assert.Contains("content/news.zh-CN.yaml:3:3: warning: no item of 2022.01 in content/news.yaml to translate; this one is shown on zh-CN pages only", warnings);
        Assert.Contains("content/sections/20-educations.yaml:6:5: warning: this item of 2015.09 - 2019.06 has no translation in content/sections/20-educations.zh-CN.yaml; zh-CN pages show it in en", warnings);
        // A file the owner translated whole is no warning; a language without a news file at all is none either.
        Assert.DoesNotContain(warnings, w => w.Contains("about", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckVerb_PrintsTheWarningsAndPasses()
    {
        var (exitCode, output, _) = await AppProcess.RunAsync("check", "--content", _content.ContentPath, "--webroot", _content.WebRootPath);

        Assert.Equal(0, exitCode);
        Assert.Contains("content/news.yaml:3:3: warning: this item of 2023.05 has no translation in content/news.zh-CN.yaml", output, StringComparison.Ordinal);
        Assert.Contains("0 errors, 2 warnings", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("site.yaml", "languages: [en, zh-CN, en]\n", "content/site.yaml:1:24: error: 'en' is listed twice in 'languages'")]
    [InlineData("site.yaml", "language: de\nlanguages: [en, zh-CN]\n", "content/site.yaml:1:11: error: 'language' is \"de\" but the first of 'languages' (the default) is \"en\"; leave 'language' out or make them agree")]
    [InlineData("site.yaml", "languages: [en, 'zh CN']\n", "content/site.yaml:1:17: error: each of 'languages' must be a language tag like 'en' or 'zh-CN', got \"zh CN\"")]
    [InlineData("profile.zh-CN.yaml", "name: 艾达\nemail: a@example.org\n", "content/profile.zh-CN.yaml:2:1: error: unknown key 'email'")]
    [InlineData("publications/2022-cuts.md", "---\ntitle: Cuts\nauthors: [Dan]\nyear: 2022\ntranslations:\n  fr:\n    title: Coupes\n---\n", "content/publications/2022-cuts.md:6:3: error: 'fr' is not one of the site's other languages (zh-CN); see 'languages' in site.yaml")]
    [InlineData("publications/2022-cuts.md", "---\ntitle: Cuts\nauthors: [Dan]\nyear: 2022\ntranslations:\n  zh-CN:\n    titel: 切割\n---\n", "content/publications/2022-cuts.md:7:5: error: unknown key 'titel'; did you mean 'title'?")]
    public void Mistakes_AreErrorsWhereTheyAre(string file, string text, string expected)
    {
        if (file == "site.yaml")
        {
            text = text.Contains("languages", StringComparison.Ordinal) ? text : text + "languages: [en, zh-CN]\n";
        }

        _content.Write(file, text);

        var result = ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void OneLanguageSite_SaysATranslationFileIsNotRead()
    {
        _content.Write("site.yaml", "title: Ada\nurl: https://ada.example.org/\nlanguage: en\n");

        var result = ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath));

        Assert.True(result.Succeeded);
        Assert.Contains("content/news.zh-CN.yaml: warning: the site has one language; add 'languages: [en, zh-CN]' to site.yaml to publish this translation; this file is not read",
            result.Problems.Select(p => p.ToString()));
        Assert.Contains("content/publications/2024-flows.md:11:1: warning: 'translations' is not used: the site has one language; add 'languages: [en, zh-CN]' to site.yaml",
            result.Problems.Select(p => p.ToString()));
        // The section's translation is not taken for a section of its own.
        Assert.Equal(["educations"], result.Content!.Sections.Select(s => s.Id));
        Assert.Empty(result.Content.Translations);
    }

    [Fact]
    public async Task Export_WritesEveryPageInEveryLanguage()
    {
        var output = Path.Combine(_content.Root, "export");
        // The web root files every page links to, as shipped, so a broken link can only be a page's.
        File.Copy(Path.Combine(Repository.Root, "wwwroot", "icons.svg"), Path.Combine(_content.WebRootPath, "icons.svg"));
        Directory.CreateDirectory(Path.Combine(_content.WebRootPath, "js"));
        File.Copy(Path.Combine(Repository.Root, "wwwroot", "js", "publication.js"), Path.Combine(_content.WebRootPath, "js", "publication.js"));
        var result = await AppCommand.RunAsync(["export", "--out", output, "--content", _content.ContentPath, $"--ProfileSite:WebRootPath={_content.WebRootPath}"]);
        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);

        foreach (var (file, language) in new[]
        {
            ("index.html", "en"), ("zh-CN/index.html", "zh-CN"), ("publications/index.html", "en"), ("zh-CN/publications/index.html", "zh-CN"),
            ("publications/2024-flows/index.html", "en"), ("zh-CN/publications/2024-flows/index.html", "zh-CN"),
            ("publications/2022-cuts/index.html", "en"), ("zh-CN/publications/2022-cuts/index.html", "zh-CN"),
        })
        {
            var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, file)));
            Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        }

        Assert.Equal("zh-CN", XDocument.Load(Path.Combine(output, "zh-CN", "feed.xml")).Root!.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.True(File.Exists(Path.Combine(output, "zh-CN", "site.webmanifest")));
        Assert.True(!result.StandardOutput.Contains("broken link", StringComparison.Ordinal), result.StandardError);
    }

    private static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}
