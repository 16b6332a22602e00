using System.Text.RegularExpressions;
using ProfileSite.Import.AcadHomepage;

namespace ProfileSite.Tests.Import.AcadHomepage;

/// <summary>kramdown's line breaks (kramdown syntax, "Line Breaks") survive the way to CommonMark.</summary>
public sealed partial class KramdownHtmlTests
{
    [Theory]
    [InlineData("[Deep Flows](https://example.org/p.pdf) \\\\")]
    [InlineData("[Deep Flows](https://example.org/p.pdf)  ")]
    [InlineData("[Deep Flows](https://example.org/p.pdf) \\")]
    public void HardBreakAtTheEndOfALine_IsKeptAsABreak(string line)
    {
        var html = KramdownHtml.ToHtml([line, "**Jie Zhang**, Xi Yang"]);

        var text = Markers().Replace(html, "");
        Assert.Matches(@"Deep Flows</a>\s*<br />\s*<strong>Jie Zhang</strong>", text);
        Assert.DoesNotContain("\\", text, StringComparison.Ordinal);
    }

    [Fact]
    public void LineWithoutABreak_StaysOneParagraph()
    {
        var html = Markers().Replace(KramdownHtml.ToHtml(["[Deep Flows](https://example.org/p.pdf)", "**Jie Zhang**, Xi Yang"]), "");

        Assert.DoesNotContain("<br", html, StringComparison.Ordinal);
    }

    [Fact]
    public void BreakBeforeAListItem_IsNotWritten()
    {
        var html = Markers().Replace(KramdownHtml.ToHtml(["Some text  ", "- an item"]), "");

        Assert.DoesNotContain("<br", html, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<!--L\d+-->")]
    private static partial Regex Markers();
}
