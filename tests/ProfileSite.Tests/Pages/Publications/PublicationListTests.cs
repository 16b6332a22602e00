using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Pages.Publications;

/// <summary><c>/publications</c> as a visitor sees it: years, counts, filters through plain links and a GET form.</summary>
public sealed class PublicationListTests : IDisposable
{
    private readonly TestContent _content = new();

    public PublicationListTests()
    {
        _content.Write("publications/2024-flows.md", """
            ---
            title: Faster Flows in Sparse Graphs
            authors: [Ada Example*, Bob Coauthor*, Carol Senior†]
            venue: NeurIPS 2024
            date: 2024-09
            type: conference
            tags: [flows, graphs]
            ---
            """);
        _content.Write("publications/2024-matchings.md", """
            ---
            title: Matchings in Streams
            authors: [Ada Example, Carol Senior]
            venue: Journal of Algorithms
            date: 2024-03
            type: journal
            tags: [graphs]
            ---
            """);
        _content.Write("publications/2022-cuts.md", """
            ---
            title: Cuts and Where to Find Them
            authors: [Dan Other, A. Example]
            venue: arXiv
            year: 2022
            type: preprint
            tags: [cuts]
            ---
            """);
    }

    public void Dispose() => _content.Dispose();

    private async Task<IHtmlDocument> GetAsync(string path)
    {
        await using var site = new SiteFactory(_content);
        return await site.GetDocumentAsync(path);
    }

    private static string[] Titles(IDocument page) =>
        [.. page.QuerySelectorAll(".pub-entry-title a").Select(a => a.TextContent)];

    private static string Squash(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task List_GroupsEveryPaperUnderYearHeadingsNewestFirst()
    {
        var page = await GetAsync("/publications");

        Assert.Equal("Publications - Ada Example - Homepage", page.Title);
        Assert.Equal(["2024 (2)", "2022 (1)"], page.QuerySelectorAll(".year-group h3").Select(h => h.TextContent));
        Assert.Equal(["Faster Flows in Sparse Graphs", "Matchings in Streams"], page.QuerySelectorAll("#year-2024 ~ ol .pub-entry-title a").Select(a => a.TextContent));
        Assert.Equal("3 papers", page.QuerySelector(".pub-count")!.TextContent);
        Assert.Equal("/publications/2024-flows", page.QuerySelector(".pub-entry-title a")!.GetAttribute("href"));
        Assert.Equal("A. Example", page.QuerySelector("#paper-2022-cuts strong.author-self")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".notice"));
        Assert.Empty(page.QuerySelectorAll(".active-filters"));
    }

    [Fact]
    public async Task List_FiltersByYearAndTagThroughTheQueryString()
    {
        var page = await GetAsync("/publications?year=2024&tag=graphs");

        Assert.Equal(["Faster Flows in Sparse Graphs", "Matchings in Streams"], Titles(page));
        Assert.Equal("Showing 2 of 3 papers", page.QuerySelector(".pub-count")!.TextContent);
        var active = page.QuerySelectorAll(".active-filters li").ToArray();
        Assert.Equal(["year: 2024 Remove the year filter", "tag: graphs Remove the tag filter", "Clear all filters"], active.Select(li => Squash(li.TextContent)));
        Assert.Equal("/publications?tag=graphs", active[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/publications?year=2024", active[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/publications", active[2].QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/publications?type=journal", new[] { "Matchings in Streams" })]
    [InlineData("/publications?type=article", new[] { "Matchings in Streams" })]
    [InlineData("/publications?type=preprint&year=2022", new[] { "Cuts and Where to Find Them" })]
    [InlineData("/publications?tag=Flows", new[] { "Faster Flows in Sparse Graphs" })]
    [InlineData("/publications?coauthor=Carol%20Senior", new[] { "Faster Flows in Sparse Graphs", "Matchings in Streams" })]
    [InlineData("/publications?coauthor=carol+senior&type=conference", new[] { "Faster Flows in Sparse Graphs" })]
    [InlineData("/publications?year=&tag=", new[] { "Faster Flows in Sparse Graphs", "Matchings in Streams", "Cuts and Where to Find Them" })]
    public async Task List_EachFilterKeepsOnlyMatchingPapers(string path, string[] expected)
    {
        Assert.Equal(expected, Titles(await GetAsync(path)));
    }

    [Theory]
    [InlineData("/publications?tag=nope", "No paper is tagged “nope”.")]
    [InlineData("/publications?year=1999", "There are no papers from “1999”.")]
    [InlineData("/publications?year=abc", "There are no papers from “abc”.")]
    [InlineData("/publications?type=poem", "“poem” is not a paper type; the types are Journal article, Conference paper, Workshop paper, Preprint, Thesis, Book, Book chapter, Technical report, Other.")]
    [InlineData("/publications?coauthor=Nobody", "No paper is co-authored with “Nobody”.")]
    public async Task List_UnknownFilterValue_GivesAnEmptyListAndAClearMessage(string path, string message)
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        var response = await client.GetAsync(path);
        var page = await site.GetDocumentAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Titles(page));
        var notice = Assert.Single(page.QuerySelectorAll(".notice"));
        Assert.Equal($"{message} Show all 3 papers.", Squash(notice.TextContent));
        Assert.Equal("/publications", page.QuerySelector(".notice a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task List_FiltersThatMatchSeparatelyButNotTogether_SaySo()
    {
        var page = await GetAsync("/publications?type=preprint&year=2024");

        Assert.Empty(Titles(page));
        Assert.Equal("No paper matches all these filters. Show all 3 papers.", Squash(Assert.Single(page.QuerySelectorAll(".notice")).TextContent));
        Assert.Equal("Showing 0 of 3 papers", page.QuerySelector(".pub-count")!.TextContent);
    }

    [Fact]
    public async Task List_FilterFormIsAPlainGetFormWithTheActiveValuesSelected()
    {
        var page = await GetAsync("/publications?type=journal&coauthor=Carol%20Senior");

        var form = (IHtmlFormElement)page.QuerySelector("form.pub-filters")!;
        Assert.Equal("get", form.Method);
        Assert.Equal("/publications", form.GetAttribute("action"));
        Assert.Equal(["year", "type", "tag", "coauthor"], form.QuerySelectorAll("select").Select(s => s.GetAttribute("name")));
        Assert.All(form.QuerySelectorAll("select"), s => Assert.NotNull(page.QuerySelector($"label[for='{s.Id}']")));
        Assert.Equal("journal", ((IHtmlSelectElement)form.QuerySelector("select[name=type]")!).Value);
        Assert.Equal("Carol Senior", ((IHtmlSelectElement)form.QuerySelector("select[name=coauthor]")!).Value);
        Assert.Equal("", ((IHtmlSelectElement)form.QuerySelector("select[name=year]")!).Value);
        Assert.Equal(["Any tag", "graphs (2)", "cuts (1)", "flows (1)"], form.QuerySelectorAll("select[name=tag] option").Select(o => o.TextContent));
        Assert.Equal(["Anyone", "Carol Senior (2)", "Bob Coauthor (1)", "Dan Other (1)"], form.QuerySelectorAll("select[name=coauthor] option").Select(o => o.TextContent));
        Assert.NotNull(form.QuerySelector("button[type=submit]"));
    }

    [Fact]
    public async Task List_TagsAndTypesLinkToTheirFilters()
    {
        var page = await GetAsync("/publications");

        var flows = page.GetElementById("paper-2024-flows")!;
        Assert.Equal(["/publications?tag=flows", "/publications?tag=graphs"], flows.QuerySelectorAll("a.tag").Select(a => a.GetAttribute("href")));
        Assert.Equal("/publications?type=conference", flows.QuerySelector("a.pub-type")!.GetAttribute("href"));
        Assert.Equal(["/publications.bib", "/publications.json"], page.QuerySelectorAll(".pub-exports a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task About_LinksToTheFullList()
    {
        var page = await GetAsync("/");

        var link = page.QuerySelector("#publications .full-list a")!;
        Assert.Equal("/publications", link.GetAttribute("href"));
        Assert.Equal("Full list of publications", link.TextContent);
        Assert.Equal("/publications/2024-flows", page.QuerySelector("#paper-2024-flows .paper-links li:last-child a")!.GetAttribute("href"));
    }
}
