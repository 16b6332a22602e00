using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Pages;

/// <summary>Headings in the owner's Markdown never take an id the page itself uses, so its own links still land.</summary>
public sealed class IndexHeadingIdsTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task About_HeadingsNamedLikeThePagesSections_GetTheirOwnIds()
    {
        _content.Write("about.md", "---\ntitle: About Me\n---\nIntro.\n\n## News\n\n## Publications\n\n## Main\n\n## News-1\n");

        await using var site = new SiteFactory(_content);
        var page = await site.GetDocumentAsync("/");

        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Distinct(StringComparer.Ordinal), ids);
        Assert.Equal(["news-2", "publications-1", "main-1", "news-1"], page.QuerySelectorAll("#about-me .prose h2").Select(h => h.Id));
        Assert.Equal("section", page.GetElementById("news")!.LocalName);
        Assert.Equal("main", page.GetElementById("main")!.LocalName);
    }

    [Fact]
    public async Task Paper_AbstractHeadingNamedBibtex_LeavesTheBibtexBoxItsId()
    {
        _content.Write("publications/2024-flows.md", "---\ntitle: Faster Flows in Sparse Graphs\nauthors: [Ada Example]\nyear: 2024\n---\n## BibTeX\n\nCite us.\n");

        await using var site = new SiteFactory(_content);
        var page = await site.GetDocumentAsync("/publications/2024-flows");

        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Distinct(StringComparer.Ordinal), ids);
        var heading = Assert.Single(page.QuerySelectorAll("h2"), h => h.TextContent.Trim() == "BibTeX" && h.Id != "bibtex-title");
        Assert.Equal("bibtex-1", heading.Id);
        Assert.NotNull(page.GetElementById("bibtex"));
    }
}
