using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Citations;

/// <summary>Citation figures as a visitor sees them, from a gs_data.json kept in content/.</summary>
public sealed class CitationPageTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task About_ShowsTotalsInSidebarAndHeading_AndCountsOnCards()
    {
        _content.Write("google-scholar-stats/gs_data.json", """
            {"citedby": 2345, "hindex": 11, "i10index": 12, "updated": "2025-03-04 05:06:07.8",
             "publications": {"P:1": {"bib": {"title": "Faster flows in sparse graphs"}, "num_citations": 1200}}}
            """);
        _content.Write("publications/2024-flows.md", File.ReadAllText(Path.Combine(_content.ContentPath, "publications/2024-flows.md")).Replace("selected: true\n", "", StringComparison.Ordinal));
        await using var site = new SiteFactory(_content);

        var page = await site.GetDocumentAsync("/");

        Assert.Equal("2,345 citations · h-index 11", string.Join(' ', page.QuerySelector(".profile-citations")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("Source: Google Scholar, updated 2025-03-04", page.QuerySelector("aside .citation-source")!.TextContent);
        Assert.Equal("Cited 2,345 times, h-index 11, i10-index 12.", page.QuerySelector("#publications .citation-summary")!.FirstChild!.TextContent.Trim());
        Assert.Equal("Citations: 1,200", page.QuerySelector("#paper-2024-flows .paper-citations")!.TextContent);
        Assert.Null(page.QuerySelector("#paper-2022-cuts .paper-citations")); // unknown: nothing, not "NA"
    }

    [Fact]
    public async Task PublicationPages_ShowTheCountWhenKnown_AndNothingOtherwise()
    {
        _content.Write("google-scholar-stats/gs_data.json", """
            {"citedby": 10, "publications": {"P:1": {"bib": {"title": "Faster Flows in Sparse Graphs"}, "num_citations": 1234}}}
            """);
        await using var site = new SiteFactory(_content);

        var list = await site.GetDocumentAsync("/publications");
        var flows = await site.GetDocumentAsync("/publications/2024-flows");
        var cuts = await site.GetDocumentAsync("/publications/2022-cuts");

        Assert.Equal("Citations: 1,234", list.QuerySelector("#paper-2024-flows .pub-citations")!.TextContent);
        Assert.Null(list.QuerySelector("#paper-2022-cuts .pub-citations"));
        Assert.Equal("Citations: 1,234", flows.QuerySelector("main .paper-citations")!.TextContent);
        Assert.Null(cuts.QuerySelector("main .paper-citations"));
    }

    [Fact]
    public async Task About_WithoutCitationData_ShowsNoCitationElementsAtAll()
    {
        await using var site = new SiteFactory(_content);

        var page = await site.GetDocumentAsync("/");

        Assert.Empty(page.QuerySelectorAll(".profile-citations, .citation-summary, .citation-source, .paper-citations"));
        Assert.DoesNotContain("NA", page.QuerySelector("main")!.TextContent.Split(' '));
    }
}
