using System.Text;
using ProfileSite.Content;
using ProfileSite.Content.Loading;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content;

/// <summary>
/// Control characters, noncharacters and bidirectional controls are taken out when a file is
/// read: each reported at the line and column where the owner wrote it, none in the snapshot.
/// </summary>
public sealed class TextHygieneLoadingTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private ContentLoadResult Load()
    {
        var result = _content.Load();
        return result with { Problems = [.. result.Problems.Where(p => !p.Message.StartsWith("'url' is not set", StringComparison.Ordinal))] };
    }

    [Fact]
    public void Load_FormFeedInANewsItem_IsAWarningAtItsPosition_AndASpaceInThePage()
    {
        _content.Write("news.yaml", "- date: 2024.09\n  text: \"Paper\u000Caccepted\"\n");

        var result = Load();

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(
            "content/news.yaml:2:15: warning: U+000C FORM FEED is a control character (text copied from a PDF often carries one); replaced by a space",
            Assert.Single(result.Problems).ToString());
        Assert.Equal("Paper accepted", result.Content!.News[0].Html);
    }

    [Fact]
    public void Load_BidiOverrideInATitle_IsRemoved()
    {
        _content.Write("publications/2022-cuts.md", "---\ntitle: Cuts \u202Eand Where\nauthors: [Dan Other]\nyear: 2022\n---\n");

        var result = Load();

        Assert.Equal(
            "content/publications/2022-cuts.md:2:13: warning: U+202E RIGHT-TO-LEFT OVERRIDE is a bidirectional control that can reorder the text after it on the page; removed",
            Assert.Single(result.Problems).ToString());
        Assert.Equal("Cuts and Where", result.Content!.PublicationsBySlug["2022-cuts"].Title);
    }

    [Fact]
    public void Load_ErrorAfterARemovedCharacter_PointsAtTheColumnInTheFile()
    {
        _content.Write("profile.yaml", "name: Ada\nlinks: {\u0007\u0007website: not a url}\n");

        var problems = Load().Problems.Select(p => p.ToString()).ToList();

        Assert.Equal(
            [
                "content/profile.yaml:2:9: warning: U+0007 BELL is an invisible control character; removed",
                "content/profile.yaml:2:10: warning: U+0007 BELL is an invisible control character; removed",
                "content/profile.yaml:2:20: error: link 'website' must be an absolute http(s) URL, got \"not a url\"",
            ],
            problems);
    }

    [Fact]
    public void Load_NulInTheOwnersYaml_IsAnError()
    {
        _content.Write("news.yaml", "- date: 2024.09\n  text: a\u0000b\u0000c\n");

        var problem = Assert.Single(Load().Problems);

        Assert.Equal(
            "content/news.yaml:2:10: error: U+0000 NULL in the text: a file holding NUL characters is binary or not saved as UTF-8 (UTF-16 perhaps); save it as UTF-8 text",
            problem.ToString());
    }

    [Fact]
    public void Load_NulInABibtexExport_IsAWarning()
    {
        _content.Write("publications/refs.bib", "@article{doe2020,\n  title = {A\u0000B},\n  author = {Doe, Jane},\n  year = 2020,\n}\n");

        var result = Load();

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal("content/publications/refs.bib:2:13: warning: U+0000 NULL is an invisible control character; removed", Assert.Single(result.Problems).ToString());
        Assert.Equal("AB", result.Content!.PublicationsBySlug["doe2020"].Title);
    }

    [Fact]
    public void Load_CharacterReferencesInMarkdown_AreTakenOutOfTheHtml()
    {
        _content.Write("about.md", "Hello&#12;world &#x202E;reversed&#8238; and &#233;\n");

        var result = Load();

        Assert.Equal(
            [
                "content/about.md:1:6: warning: '&#12;' stands for U+000C FORM FEED, a control character (text copied from a PDF often carries one); replaced by a space",
                "content/about.md:1:17: warning: '&#x202E;' stands for U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control that can reorder the text after it on the page; removed",
                "content/about.md:1:33: warning: '&#8238;' stands for U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control that can reorder the text after it on the page; removed",
            ],
            result.Problems.Select(p => p.ToString()));
        Assert.Equal("<p>Hello world reversed and é</p>", result.Content!.About.Html);
    }

    [Fact]
    public void Load_EscapeInADoubleQuotedString_IsReportedAtTheString()
    {
        _content.Write("publications/2022-cuts.md", "---\ntitle: \"Cuts\\fand \\u2066Where\\u2069\"\nauthors: [Dan Other]\nyear: 2022\n---\n");

        var result = Load();

        Assert.Equal(
            "content/publications/2022-cuts.md:2:8: warning: an escape in this string gives U+000C FORM FEED, a control character (text copied from a PDF often carries one); replaced by a space (and 2 more in this string)",
            Assert.Single(result.Problems).ToString());
        Assert.Equal("Cuts and Where", result.Content!.PublicationsBySlug["2022-cuts"].Title);
    }

    [Fact]
    public void Load_EscapeGivingALoneSurrogate_IsAnErrorAtTheString()
    {
        _content.Write("publications/2022-cuts.md", "---\ntitle: \"Cuts \\uD800\"\nauthors: [Dan Other]\nyear: 2022\n---\n");

        var problem = Assert.Single(Load().Problems);

        Assert.Equal(
            "content/publications/2022-cuts.md:2:14: error: YAML syntax: '\\uD800' in the double-quoted string that starts at 2:8 is not a character (half of a UTF-16 surrogate pair, or beyond U+10FFFF); write the character itself",
            problem.ToString());
    }

    [Fact]
    public void Load_EncodedSurrogate_IsInvalidUtf8()
    {
        _content.WriteBytes("news.yaml", [.. "- date: 2024.09\n  text: a"u8, 0xED, 0xA0, 0x80, .. "\n"u8]);

        var problem = Assert.Single(Load().Problems);

        Assert.Equal("content/news.yaml:2:10: error: invalid UTF-8 at byte offset 25: save the file as UTF-8", problem.ToString());
    }

    [Fact]
    public void Load_ManyControlCharacters_ReportsTheFirstFiveAndACount()
    {
        _content.Write("news.yaml", "- date: 2024.09\n  text: \"" + string.Concat(Enumerable.Repeat("a\u0001", 12)) + "\"\n");

        var result = Load();

        Assert.True(result.Succeeded);
        Assert.Equal(6, result.Problems.Length);
        Assert.Equal("content/news.yaml: warning: 7 more such characters in this file, removed or replaced the same way", result.Problems[^1].ToString());
        Assert.Equal(new string('a', 12), result.Content!.News[0].Html);
    }

    [Fact]
    public void Load_LoneCarriageReturns_AreLineEnds()
    {
        _content.Write("profile.yaml", "name: Ada\remial: x\r");

        Assert.Equal("content/profile.yaml:2:1: error: unknown key 'emial'; did you mean 'email'?", Assert.Single(Load().Problems).ToString());
    }

    [Fact]
    public void Load_NothingUnwanted_ReachesTheSnapshot()
    {
        var hostile = "\u0001\u0008\u000B\u000C\u001B\u007F\u0085\u009B\u2028\u202A\u202E\u2066\u2069\uFDD0\uFFFE\uFFFF";
        _content.Write("news.yaml", $"- date: 2024.09\n  text: \"x{hostile}y\"\n");
        _content.Write("publications/2022-cuts.md", $"---\ntitle: T{hostile}\nauthors: [Dan{hostile} Other]\nvenue: V{hostile}\nyear: 2022\ntags: [t{hostile}]\nsummary: s{hostile}\n---\nAbstract{hostile}\n");

        var content = _content.LoadValid();

        var paper = content.PublicationsBySlug["2022-cuts"];
        var texts = new[] { content.News[0].Html, paper.Title, paper.Authors[0].Name, paper.Venue!, paper.Tags[0], paper.SummaryHtml!, paper.AbstractHtml! };
        Assert.All(texts, text => Assert.DoesNotContain(text.EnumerateRunes(), r => ProfileSite.Content.Text.TextHygiene.IsUnwanted(r.Value)));
        Assert.Equal("T", paper.Title);
    }
}
