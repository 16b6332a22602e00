using AngleSharp.Html.Parser;
using ProfileSite.Content.Markdown;

namespace ProfileSite.Tests.Content.Markdown;

public sealed class ScrollBoxesTests
{
    [Fact]
    public void Table_IsWrappedInAFocusableScrollBox()
    {
        var html = MarkdownRenderer.ToHtml("Before.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter.");
        var document = new HtmlParser().ParseDocument(html);

        var table = Assert.Single(document.QuerySelectorAll("table"));
        var box = table.ParentElement!;
        Assert.Equal("DIV", box.TagName);
        Assert.Equal("scroll-box", box.ClassName);
        Assert.Equal("0", box.GetAttribute("tabindex"));
        Assert.Equal(["Before.", "After."], document.QuerySelectorAll("p").Select(p => p.TextContent));
    }

    [Theory]
    [InlineData("```\nlong line of code\n```")]
    [InlineData("```bibtex\n@article{key, title = {T}}\n```")]
    [InlineData("    indented code")]
    public void CodeBlock_IsWrappedInALeftToRightScrollBox(string markdown)
    {
        var document = new HtmlParser().ParseDocument(MarkdownRenderer.ToHtml(markdown));

        var pre = Assert.Single(document.QuerySelectorAll("pre"));
        var box = pre.ParentElement!;
        Assert.Equal("scroll-box", box.ClassName);
        Assert.Equal("0", box.GetAttribute("tabindex"));
        Assert.Equal("ltr", box.GetAttribute("dir"));
        Assert.NotNull(pre.QuerySelector("code"));
    }

    [Fact]
    public void InlineCode_StaysInline()
    {
        Assert.Equal("Run <code>dotnet test</code> now", MarkdownRenderer.ToInlineHtml("Run `dotnet test` now"));
    }
}
