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
    public async Task About_AHeadingForEveryIdThePageHas_LeavesEveryIdUnique()
    {
        // Whatever ids the layout and the About page give (now or later), a heading spelled like one is renamed.
        List<string> pageIds;
        await using (var plain = new SiteFactory(_content))
        {
            pageIds = (await plain.GetDocumentAsync("/")).QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        }

        _content.Write("about.md", "---\ntitle: About Me\n---\nIntro.\n\n" + string.Concat(pageIds.Select(id => $"## {id}\n\n")));
        await using var site = new SiteFactory(_content);
        var page = await site.GetDocumentAsync("/");

        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(pageIds.Count * 2, ids.Count);
        Assert.Equal(ids.Distinct(StringComparer.Ordinal), ids);
        Assert.Contains("sidebar", pageIds);
    }

    [Fact]
    public async Task About_HeadingsUnderAnIdPatternThePageClaims_GetAFreeIdAndTheLoadEnds()
    {
        // year-*, paper-*, filter-* and *-title are claimed as patterns: "## Year 2024" once counted up forever.
        _content.Write("about.md", "---\ntitle: About Me\n---\nIntro.\n\n## Year 2024\n\n## Paper Title\n\n## Filter tag\n\n## Year 2024\n");

        await using var site = new SiteFactory(_content);
        var page = await site.GetDocumentAsync("/").WaitAsync(TimeSpan.FromMinutes(2));

        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Distinct(StringComparer.Ordinal), ids);
        Assert.Equal(["heading-year-2024-1", "heading-paper-title-1", "heading-filter-tag-1", "heading-year-2024-1-1"],
            page.QuerySelectorAll("#about-me .prose h2").Select(h => h.Id));
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
