using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Pages;

/// <summary>Raw HTML in the owner's Markdown stays inside its own section of the About page.</summary>
public sealed class IndexRawHtmlTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task About_UnclosedDivInAboutText_DoesNotSwallowTheRestOfThePage()
    {
        _content.Write("about.md", "---\ntitle: About Me\n---\nIntro.\n\n<div class=\"note\">\n\nA note I never closed.\n");

        await using var site = new SiteFactory(_content);
        var page = await site.GetDocumentAsync("/");

        var main = page.QuerySelector("main")!;
        Assert.Equal(["about-me", "news", "publications"], main.Children.Where(c => c.LocalName == "section").Select(s => s.Id));
        Assert.Equal("A note I never closed.", page.QuerySelector("#about-me .prose .note")!.TextContent.Trim());
        Assert.Equal("body", page.QuerySelector("footer.site-footer")!.ParentElement!.LocalName);
    }

    [Fact]
    public async Task About_StrayClosingTagsInSummaryAndNews_DoNotCloseThePageLayout()
    {
        _content.Write("news.yaml", "- date: 2024.09\n  text: \"Closed too much</span></li></ul></section></main> <em>and opened\"\n");
        _content.Write("publications/2024-flows.md", "---\ntitle: Faster Flows in Sparse Graphs\nauthors: [Ada Example]\nyear: 2024\nselected: true\nsummary: \"Unclosed <strong>bold and a <!-- comment\"\n---\n");

        await using var site = new SiteFactory(_content);
        var page = await site.GetDocumentAsync("/");

        var main = page.QuerySelector("main")!;
        Assert.Equal(["about-me", "news", "publications"], main.Children.Where(c => c.LocalName == "section").Select(s => s.Id));
        Assert.Single(page.QuerySelectorAll("#publications article.paper"));
        Assert.Equal("body", page.QuerySelector("footer.site-footer")!.ParentElement!.LocalName);
        var newsText = page.QuerySelector("#news li .dated-text")!;
        Assert.Equal("Closed too much and opened", newsText.TextContent.Trim());
        Assert.Contains("&lt;!-- comment", page.QuerySelector("#publications article.paper")!.InnerHtml);
    }
}
