using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Localization;

/// <summary>
/// The interface in the site's language, through the real app: on a site written wholly in Chinese,
/// every text node and every attribute a person reads (aria-label, alt, title, the head's titles and
/// descriptions, the copy button's messages) is walked, and no English word is left but names
/// (BibTeX, GitHub, ProfileSite, ...). The same walk over the same site in English finds the
/// English interface, so the walk itself is shown to see what it should.
/// </summary>
public sealed partial class InterfaceTextTests : IDisposable
{
    /// <summary>Names, formats and file types, written the same in every language.</summary>
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "ProfileSite", "BibTeX", "CSL", "JSON", "Zotero", "GitHub", "ORCID", "PDF", "arXiv", "DOI", "bib",
    };

    /// <summary>Every kind of page the site serves: About, the list (plain, filtered, a filter that
    /// matches nothing), a paper with an abstract, one with a summary only, one cut short (et al.), 404.</summary>
    public static TheoryData<string> Paths =>
    [
        "/", "/publications", "/publications?type=journal&tag=深度学习&coauthor=许志钦&year=2024", "/publications?tag=没有",
        "/publications?type=诗歌", "/publications/2024-dropout", "/publications/2022-landscape", "/publications/zhang2020condense",
        "/no-such-page",
    ];

    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private SiteFactory Site(string language)
    {
        ChineseContent.Write(_content.ContentPath, language, "images/avatar.png", "images/flows.png");
        return new SiteFactory(_content);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task ChineseSite_ShowsNoEnglishInterfaceText(string path)
    {
        await using var site = Site("zh-CN");
        var page = await GetAsync(site, path);

        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        var english = EnglishWords(page).ToList();
        Assert.True(english.Count == 0, $"{path} shows English:\n{string.Join('\n', english.Distinct())}");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task EnglishSite_TheSameWalkFindsTheEnglishInterface(string path)
    {
        await using var site = Site("en");
        var page = await GetAsync(site, path);

        var english = EnglishWords(page).Select(w => w.Word).ToHashSet(StringComparer.Ordinal);
        Assert.True(english.Count >= 10, $"{path}: only {english.Count} English words: {string.Join(", ", english)}");
    }

    /// <summary>
    /// The same site published in English and Chinese (<c>languages: [en, zh-CN]</c>) with no
    /// translation files: every Chinese page's interface is Chinese. The owner's text falls back to
    /// the default language and is marked with its <c>lang</c>, so the walk leaves what is marked
    /// as another language than the page's to that language.
    /// </summary>
    [Theory]
    [MemberData(nameof(Paths))]
    public async Task BilingualSite_ChinesePagesShowNoEnglishInterfaceText(string path)
    {
        ChineseContent.Write(_content.ContentPath, "en", "images/avatar.png", "images/flows.png");
        var siteYaml = Path.Combine(_content.ContentPath, "site.yaml");
        File.WriteAllText(siteYaml, File.ReadAllText(siteYaml).Replace("language: en", "languages: [en, zh-CN]", StringComparison.Ordinal));
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        var response = await client.GetAsync("/zh-CN" + path);
        Assert.Equal(path == "/no-such-page" ? HttpStatusCode.NotFound : HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        var english = EnglishWords(page, skipOtherLanguages: true).ToList();
        Assert.True(english.Count == 0, $"/zh-CN{path} shows English:\n{string.Join('\n', english.Distinct())}");
        // The walk skipped only marked text: the page's own interface is there to be read.
        Assert.Contains(page.QuerySelectorAll(".site-nav a"), a => a.TextContent.Trim() == "论文发表");
    }

    [Fact]
    public async Task ChineseSite_WritesNumbersDatesAndRangesInChinese()
    {
        await using var site = Site("zh-CN");

        var about = await GetAsync(site, "/");
        Assert.Equal("张中旺的个人主页", about.Title);
        Assert.Contains("被引 1,234 次", Squash(about.QuerySelector(".profile-citations")!.TextContent), StringComparison.Ordinal);
        Assert.Equal("被引次数：1,234", Squash(about.QuerySelector("#paper-2024-dropout .paper-citations")!.TextContent));
        Assert.Equal("2021.09 - 至今", about.QuerySelector("#educations .date")!.TextContent);
        Assert.Equal("* 表示同等贡献，† 表示通讯作者，完整列表见谷歌学术。", Squash(about.QuerySelector("#publications .legend")!.TextContent));
        Assert.Equal(["关于我", "动态", "论文发表", "教育经历"], about.QuerySelectorAll(".site-nav a").Select(a => a.TextContent.Trim()));

        var paper = await GetAsync(site, "/publications/2024-dropout");
        Assert.Equal("2024年1月15日", paper.QuerySelector(".paper-venue time")!.TextContent);
        var list = await GetAsync(site, "/publications");
        Assert.Contains("2020年3月", list.QuerySelectorAll(".paper-venue time").Select(t => t.TextContent));
        Assert.Equal("许志钦 等", Squash(list.QuerySelector("#paper-zhang2020condense .paper-authors")!.TextContent).Replace("张中旺, ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChineseSite_FeedAndManifestNameThingsInChinese()
    {
        await using var site = Site("zh-CN");
        using var client = site.CreateClient();

        var feed = XDocument.Parse(await client.GetStringAsync("/feed.xml"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal("zh-CN", feed.Root!.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal("张中旺的个人主页", feed.Root.Element(atom + "title")!.Value);
        Assert.Contains("动态", feed.Descendants(atom + "category").Select(c => c.Attribute("term")!.Value));
        var manifest = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/site.webmanifest")).RootElement;
        Assert.Equal("张中旺的个人主页", manifest.GetProperty("name").GetString());
        Assert.Equal("zh-CN", manifest.GetProperty("lang").GetString());
    }

    private static async Task<IHtmlDocument> GetAsync(SiteFactory site, string path)
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync(path);
        Assert.Equal(path == "/no-such-page" ? HttpStatusCode.NotFound : HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Latin words a reader meets: in text (the title, the body without scripts and the BibTeX block,
    /// which is a file format) and in the attributes read aloud or shown. URLs and e-mail addresses
    /// are the owner's; the <see cref="Names"/> are the same in every language. With
    /// <paramref name="skipOtherLanguages"/>, text inside an element marked with another language than
    /// the page's (a fallback, a link to the page in another language) is that language's, not the interface's.
    /// </summary>
    private static IEnumerable<(string Where, string Word)> EnglishWords(IHtmlDocument page, bool skipOtherLanguages = false)
    {
        var pageLanguage = page.DocumentElement.GetAttribute("lang");
        bool Skipped(IElement element) => skipOtherLanguages && element.Closest("[lang]")?.GetAttribute("lang") != pageLanguage;

        var texts = new List<(string Where, string Text)> { ("title", page.Title ?? "") };
        texts.AddRange(page.Body!.Descendants<IText>()
            .Where(t => t.ParentElement is { } parent && parent.Closest("script, style, pre.bibtex") is null && !Skipped(parent))
            .Select(t => ($"<{t.ParentElement!.LocalName} class=\"{t.ParentElement.ClassName}\">", t.Data)));
        foreach (var element in page.All.Where(e => !Skipped(e)))
        {
            foreach (var name in new[] { "aria-label", "alt", "title", "placeholder", "data-copied", "data-failed", "data-copied-status" })
            {
                if (element.GetAttribute(name) is { } value)
                {
                    texts.Add(($"<{element.LocalName} {name}>", value));
                }
            }
        }

        foreach (var meta in page.QuerySelectorAll("meta[name=description], meta[property^='og:'], meta[name^='twitter:']"))
        {
            var key = meta.GetAttribute("name") ?? meta.GetAttribute("property")!;
            if (key is "description" or "og:title" or "og:description" or "og:site_name" or "og:image:alt" or "twitter:title" or "twitter:description" or "twitter:image:alt")
            {
                texts.Add(($"<meta {key}>", meta.GetAttribute("content") ?? ""));
            }
        }

        foreach (var (where, text) in texts)
        {
            foreach (Match word in LatinWord().Matches(UrlOrEmail().Replace(text, " ")))
            {
                if (!Names.Contains(word.Value))
                {
                    yield return (where, word.Value);
                }
            }
        }
    }

    private static string Squash(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"(?:https?://|mailto:)\S+|\S+@\S+\.\w+|[\w.-]+\.(?:pdf|bib|json|xml)\b")]
    private static partial Regex UrlOrEmail();
}
