using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Pages;

/// <summary>
/// Right-to-left and mixed-direction text through the real app: <c>&lt;html dir&gt;</c> follows the
/// site's language, and every piece of text the owner wrote sits in an element that takes its own
/// direction (<c>dir="auto"</c>, or <c>&lt;bdi&gt;</c>), so an Arabic name in an English author list,
/// or "(ML)" in an Arabic bio, orders correctly.
/// </summary>
public sealed partial class DirectionTests : IDisposable
{
    // Owner text in Arabic and Hebrew, each with something neutral at an end (punctuation, a
    // parenthesis, a Latin acronym) that lands on the wrong side when the direction is wrong.
    private const string ArabicName = "محمد الأحمد";
    private const string HebrewName = "דוד כהן";
    private const string ArabicTitle = "التعلم العميق (ML) للجميع!";
    private const string ArabicNews = "تم قبول ورقتنا في مؤتمر NeurIPS!";
    private const string HebrewItem = "תואר שלישי, אוניברסיטת תל אביב.";
    private const string ArabicBio = "باحث في تعلم الآلة (ML)";
    private const string ArabicAbout = "أعمل على الخوارزميات.";
    private const string ArabicTag = "تعلم عميق";
    private const string HebrewVenue = "כנס ישראלי ללמידה";
    private const string ArabicSummary = "ملخص قصير (v2).";
    private const string ArabicLocation = "القاهرة، مصر";

    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private void WriteMixedContent(string language)
    {
        _content.Write("site.yaml", $"title: Site\nurl: https://ada.example.org/\nlanguage: {language}\n");
        _content.Write("profile.yaml", $"""
            name: Ada Example
            bio: "{ArabicBio}"
            location: {ArabicLocation}
            employer: Example University
            """);
        _content.Write("about.md", $"---\ntitle: About Me\n---\n{ArabicAbout}\n\n```\ncode stays left to right;\n```\n");
        _content.Write("news.yaml", $"- date: 2024.09\n  text: \"{ArabicNews}\"\n- date: 2024.08\n  text: An English item.\n");
        _content.Write("sections/20-educations.yaml", $"title: Educations\nitems:\n  - date: 2021.09 - now\n    text: \"{HebrewItem}\"\n");
        _content.Write("publications/2024-mixed.md", $"""
            ---
            title: "{ArabicTitle}"
            authors: [Ada Example, {ArabicName}, {HebrewName}†]
            venue: {HebrewVenue}
            date: 2024-09
            summary: "{ArabicSummary}"
            tags: [{ArabicTag}, learning]
            selected: true
            ---
            """);
    }

    public static TheoryData<string, string> OwnerTextOnPages => new()
    {
        { "/", ArabicName }, { "/", HebrewName }, { "/", ArabicTitle }, { "/", ArabicNews }, { "/", HebrewItem },
        { "/", ArabicBio }, { "/", ArabicAbout }, { "/", HebrewVenue }, { "/", ArabicSummary }, { "/", ArabicLocation },
        { "/publications", ArabicTitle }, { "/publications", ArabicName }, { "/publications", ArabicTag }, { "/publications", HebrewVenue },
        { "/publications/2024-mixed", ArabicTitle }, { "/publications/2024-mixed", HebrewName }, { "/publications/2024-mixed", ArabicTag },
        { "/publications/2024-mixed", ArabicSummary }, { "/publications/2024-mixed", HebrewVenue },
    };

    [Theory]
    [MemberData(nameof(OwnerTextOnPages))]
    public async Task EnglishSite_IsolatesEveryPieceOfOwnerText(string path, string text)
    {
        WriteMixedContent("en");
        await using var site = new SiteFactory(_content);
        var page = await site.GetDocumentAsync(path);

        Assert.Equal("ltr", page.DocumentElement.GetAttribute("dir"));
        AssertIsolated(page, text);
    }

    [Theory]
    [MemberData(nameof(OwnerTextOnPages))]
    public async Task RightToLeftSite_IsolatesEveryPieceOfOwnerText(string path, string text)
    {
        WriteMixedContent("ar");
        await using var site = new SiteFactory(_content);
        var page = await site.GetDocumentAsync(path);

        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        AssertIsolated(page, text);
    }

    [Theory]
    [InlineData("he-IL")]
    [InlineData("fa")]
    [InlineData("ur")]
    public async Task RightToLeftLanguages_MarkTheDocumentRtl(string language)
    {
        _content.Write("site.yaml", $"title: Site\nlanguage: {language}\n");
        await using var site = new SiteFactory(_content);

        foreach (var path in new[] { "/", "/publications", "/publications/2024-flows", "/no-such-page" })
        {
            using var client = site.CreateClient();
            var html = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
            var page = await new HtmlParser().ParseDocumentAsync(html);
            Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
            Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        }
    }

    [Fact]
    public async Task RightToLeftSite_KeepsCodeAndBibtexLeftToRight()
    {
        WriteMixedContent("ar");
        await using var site = new SiteFactory(_content);

        var about = await site.GetDocumentAsync("/");
        Assert.Equal("ltr", about.QuerySelector(".prose pre")!.Closest("[dir]")!.GetAttribute("dir"));
        var paper = await site.GetDocumentAsync("/publications/2024-mixed");
        Assert.Equal("ltr", paper.QuerySelector("pre.bibtex")!.GetAttribute("dir"));
    }

    /// <summary>The layout mirrors for right-to-left pages only if no rule names a physical side.</summary>
    [Fact]
    public void Stylesheet_UsesLogicalPropertiesForEverySide()
    {
        var css = File.ReadAllText(Path.Combine(Repository.Root, "wwwroot", "css", "site.css"));
        var physical = PhysicalSide().Matches(CssComment().Replace(css, "")).Select(m => m.Value).ToList();

        Assert.True(physical.Count == 0, $"site.css names physical sides: {string.Join(", ", physical)}");
        Assert.Contains("margin-inline-start", css, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every text node holding <paramref name="text"/> has an element between it and the page that
    /// decides its direction by itself: <c>dir</c> on the element or an ancestor below <c>&lt;body&gt;</c>,
    /// or a <c>&lt;bdi&gt;</c>.
    /// </summary>
    private static void AssertIsolated(IHtmlDocument page, string text)
    {
        var nodes = page.Body!.Descendants<IText>().Where(t => t.Data.Contains(text, StringComparison.Ordinal)).ToList();
        Assert.True(nodes.Count > 0, $"'{text}' is not on the page");
        foreach (var node in nodes)
        {
            var isolating = node.GetAncestors().OfType<IElement>()
                .TakeWhile(e => e is not IHtmlBodyElement)
                .FirstOrDefault(e => e.HasAttribute("dir") || e.LocalName == "bdi");
            Assert.True(isolating is not null, $"'{text}' in <{node.ParentElement!.LocalName} class=\"{node.ParentElement.ClassName}\"> has no direction of its own");
        }
    }

    [GeneratedRegex(@"(?<![\w-])(?:(?:margin|padding|border|inset)-(?:left|right)[\w-]*|left|right)\s*:|(?:float|clear|text-align)\s*:\s*(?:left|right)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PhysicalSide();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();
}
