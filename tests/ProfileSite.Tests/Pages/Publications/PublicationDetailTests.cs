using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using ProfileSite.Content.Bibtex;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Pages.Publications;

/// <summary><c>/publications/{slug}</c> and the citation files, parsed as browsers and citation tools read them.</summary>
public sealed class PublicationDetailTests : IDisposable
{
    private readonly TestContent _content = new();

    public PublicationDetailTests()
    {
        _content.Write("coauthors.yaml", "Bob Coauthor: https://bob.example.org/\n");
        _content.Write("publications/2024-flows.md", """
            ---
            title: Faster Flows in Sparse Graphs
            authors: [Ada Example*, Bob Coauthor*, Carol Senior†]
            venue: NeurIPS 2024
            badge: NeurIPS 2024
            type: conference
            date: 2024-09-12
            url: https://papers.example.org/flows
            image: images/flows.png
            summary: We make flows **faster**.
            tags: [flows]
            selected: true
            links:
              pdf: https://papers.example.org/flows.pdf
              arxiv: 2401.00001
              doi: 10.1000/flows.2024
              code: https://github.com/ada/flows
            ---
            The *abstract* of the flows paper.
            """);
    }

    public void Dispose() => _content.Dispose();

    private async Task<IHtmlDocument> GetAsync(string path)
    {
        await using var site = new SiteFactory(_content);
        return await site.GetDocumentAsync(path);
    }

    private static string[] Meta(IHtmlDocument page, string name) =>
        [.. page.Head!.QuerySelectorAll($"meta[name='{name}']").Select(m => m.GetAttribute("content")!)];

    [Fact]
    public async Task Detail_HeadCarriesHighwirePressTags()
    {
        var page = await GetAsync("/publications/2024-flows");

        Assert.Equal(["Faster Flows in Sparse Graphs"], Meta(page, "citation_title"));
        Assert.Equal(["Ada Example", "Bob Coauthor", "Carol Senior"], Meta(page, "citation_author"));
        Assert.Equal(["2024/9/12"], Meta(page, "citation_publication_date"));
        Assert.Equal(["NeurIPS 2024"], Meta(page, "citation_conference_title"));
        Assert.Empty(Meta(page, "citation_journal_title"));
        Assert.Equal(["https://papers.example.org/flows.pdf"], Meta(page, "citation_pdf_url"));
        Assert.Equal(["10.1000/flows.2024"], Meta(page, "citation_doi"));
        Assert.Equal(["2401.00001"], Meta(page, "citation_arxiv_id"));
        Assert.Equal("We make flows faster.", page.Head!.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Detail_JournalPaper_GetsAJournalTitleTag()
    {
        _content.Write("publications/2022-cuts.md", "---\ntitle: Cuts\nauthors: [Dan Other, A. Example]\nvenue: Journal of Cuts\ntype: journal\nyear: 2022\n---\n");

        var page = await GetAsync("/publications/2022-cuts");

        Assert.Equal(["Journal of Cuts"], Meta(page, "citation_journal_title"));
        Assert.Empty(Meta(page, "citation_conference_title"));
        Assert.Equal(["2022"], Meta(page, "citation_publication_date"));
        Assert.Empty(Meta(page, "citation_pdf_url"));
    }

    [Fact]
    public async Task Detail_JsonLdIsAScholarlyArticle()
    {
        var page = await GetAsync("/publications/2024-flows");

        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        using var json = JsonDocument.Parse(script.TextContent);
        var root = json.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("ScholarlyArticle", root.GetProperty("@type").GetString());
        Assert.Equal("Faster Flows in Sparse Graphs", root.GetProperty("headline").GetString());
        Assert.Equal(["Ada Example", "Bob Coauthor", "Carol Senior"], root.GetProperty("author").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("https://bob.example.org/", root.GetProperty("author")[1].GetProperty("url").GetString());
        Assert.Equal("2024-09-12", root.GetProperty("datePublished").GetString());
        Assert.Equal("10.1000/flows.2024", root.GetProperty("identifier").GetProperty("value").GetString());
        Assert.Equal("NeurIPS 2024", root.GetProperty("isPartOf").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Detail_JsonLdCannotCloseItsScriptElement()
    {
        // A tag in an author name is refused at load (AuthorMarkup), so only the title carries one here.
        _content.Write("publications/2022-evil.md", "---\ntitle: \"</script><script>alert(1)</script> & <!-- x\"\nauthors: [Dan & Other]\nyear: 2022\n---\n");

        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();
        var html = await client.GetStringAsync("/publications/2022-evil");
        var page = await site.GetDocumentAsync("/publications/2022-evil");

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        using var json = JsonDocument.Parse(script.TextContent);
        Assert.Equal("</script><script>alert(1)</script> & <!-- x", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("Dan & Other", json.RootElement.GetProperty("author")[0].GetProperty("name").GetString());
        Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json']):not([src])"));
    }

    [Fact]
    public async Task Detail_ShowsThePaperWithEveryLinkAsAButton()
    {
        var page = await GetAsync("/publications/2024-flows");
        var article = page.QuerySelector("article.paper-detail")!;

        Assert.Equal("Faster Flows in Sparse Graphs - Ada Example - Homepage", page.Title);
        Assert.Equal("Faster Flows in Sparse Graphs", article.QuerySelector("h2")!.TextContent);
        Assert.Equal("Ada Example*, Bob Coauthor*, Carol Senior†", article.QuerySelector(".paper-authors")!.TextContent);
        Assert.Equal("Ada Example*", article.QuerySelector(".paper-authors strong.author-self")!.TextContent);
        Assert.Equal("https://bob.example.org/", article.QuerySelector(".paper-authors a")!.GetAttribute("href"));
        Assert.Equal("* equal contribution, † corresponding author", article.QuerySelector(".legend")!.TextContent);
        Assert.Contains("NeurIPS 2024", article.QuerySelector(".paper-venue em")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("12 Sep 2024", article.QuerySelector(".paper-venue time")!.TextContent);
        Assert.Equal("NeurIPS 2024", article.QuerySelector(".badge")!.TextContent);
        Assert.Matches(@"^/variants/[0-9a-f]{16}/flows-480\.jpg$", article.QuerySelector(".paper-detail-media img")!.GetAttribute("src"));
        Assert.Equal("The abstract of the flows paper.", article.QuerySelector(".paper-abstract .prose")!.TextContent.Trim());
        var buttons = article.QuerySelectorAll(".paper-links a.button").Select(a => (a.TextContent, a.GetAttribute("href"))).ToArray();
        Assert.Equal(
            [
                ("Publisher page of Faster Flows in Sparse Graphs", "https://papers.example.org/flows"),
                ("PDF of Faster Flows in Sparse Graphs", "https://papers.example.org/flows.pdf"),
                ("arXiv of Faster Flows in Sparse Graphs", "https://arxiv.org/abs/2401.00001"),
                ("DOI of Faster Flows in Sparse Graphs", "https://doi.org/10.1000/flows.2024"),
                ("Code of Faster Flows in Sparse Graphs", "https://github.com/ada/flows"),
            ],
            buttons);
        Assert.Equal("/publications", article.QuerySelector(".breadcrumb a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Detail_BibtexBlockWithACopyButtonOnlyScriptCanShow()
    {
        var page = await GetAsync("/publications/2024-flows");

        var entry = Assert.Single(BibtexParser.Parse(page.QuerySelector("pre#bibtex")!.TextContent).Entries);
        Assert.Equal(("inproceedings", "example2024faster"), (entry.Type, entry.Key));
        Assert.Equal("Faster Flows in Sparse Graphs", entry["title"]);
        var button = page.QuerySelector("button[data-copy-target=bibtex]")!;
        Assert.True(button.HasAttribute("hidden"));
        var script = page.Head!.QuerySelector("script[src^='/js/publication.js']")!;
        Assert.True(script.HasAttribute("defer"));
        Assert.Equal("/publications/2024-flows.bib", page.QuerySelector(".bibtex-actions a[download]")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Theory]
    [InlineData("/publications/no-such-paper")]
    [InlineData("/publications/no-such-paper.bib")]
    public async Task Detail_UnknownSlug_Is404InTheSiteLook(string path)
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        var response = await client.GetAsync(path);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("main h2")!.TextContent);
        Assert.NotNull(page.QuerySelector("aside.sidebar"));
    }

    [Fact]
    public async Task BibtexFiles_AreServedAsUtf8Bibtex()
    {
        _content.Write("publications/2022-cuts.md", "---\ntitle: Cuts\nauthors: [Jörg Müller, A. Example]\nyear: 2022\n---\n");
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        var one = await client.GetAsync("/publications/2022-cuts.bib");
        var all = await client.GetAsync("/publications.bib");

        Assert.Equal("application/x-bibtex; charset=utf-8", one.Content.Headers.ContentType!.ToString());
        Assert.Equal("application/x-bibtex; charset=utf-8", all.Content.Headers.ContentType!.ToString());
        var entry = Assert.Single(BibtexParser.Parse(await one.Content.ReadAsStringAsync()).Entries);
        Assert.Equal("muller2022cuts", entry.Key);
        Assert.Equal("Müller, Jörg and Example, A.", entry.Field("author")!.Raw);
        var document = BibtexParser.Parse(await all.Content.ReadAsStringAsync());
        Assert.Empty(document.Problems);
        Assert.Equal(["example2024faster", "muller2022cuts"], document.Entries.Select(e => e.Key));
    }

    [Fact]
    public async Task CslJson_ListsEveryPaperForCitationManagers()
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        var response = await client.GetAsync("/publications.json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/vnd.citationstyles.csl+json", response.Content.Headers.ContentType!.MediaType);
        var items = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, items.Length);
        var flows = items[0];
        Assert.Equal("example2024faster", flows.GetProperty("id").GetString());
        Assert.Equal("paper-conference", flows.GetProperty("type").GetString());
        Assert.Equal("Example", flows.GetProperty("author")[0].GetProperty("family").GetString());
        Assert.Equal("Ada", flows.GetProperty("author")[0].GetProperty("given").GetString());
        Assert.Equal([2024, 9, 12], flows.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal("10.1000/flows.2024", flows.GetProperty("DOI").GetString());
        Assert.Equal("NeurIPS 2024", flows.GetProperty("container-title").GetString());
    }

    [Fact]
    public async Task BibFileDroppedIntoContent_ShowsOnTheSiteWithItsOverrides()
    {
        _content.Write("publications/more.bib", """
            @article{senior2023matchings,
              author  = {Senior, Carol and Example, Ada},
              title   = {Matchings in {S}treams},
              journal = {Journal of Algorithms},
              year    = {2023},
              month   = {may},
              volume  = {12},
              pages   = {1--20},
            }
            @misc{other2021notes, author = {Other, Dan}, title = {Lecture Notes}, year = 2021}
            """);
        _content.WriteImage("images/matchings.png", 160, 100);
        _content.Write("publications/2023-matchings.md", "---\nbibtex_key: senior2023matchings\nbadge: JALG\nimage: images/matchings.png\nselected: true\n---\nOur own abstract.\n");
        await using var site = new SiteFactory(_content);

        var list = await site.GetDocumentAsync("/publications");
        var detail = await site.GetDocumentAsync("/publications/2023-matchings");
        var about = await site.GetDocumentAsync("/");

        Assert.Equal(["Faster Flows in Sparse Graphs", "Matchings in Streams", "Cuts and Where to Find Them", "Lecture Notes"], list.QuerySelectorAll(".pub-entry-title a").Select(a => a.TextContent));
        Assert.Equal("/publications/2023-matchings", list.QuerySelector("#paper-2023-matchings a")!.GetAttribute("href"));
        Assert.Equal("JALG", detail.QuerySelector(".badge")!.TextContent);
        Assert.Matches(@"^/variants/[0-9a-f]{16}/matchings-160\.jpg$", detail.QuerySelector(".paper-detail-media img")!.GetAttribute("src"));
        Assert.Equal("Our own abstract.", detail.QuerySelector(".paper-abstract .prose")!.TextContent.Trim());
        Assert.Equal(["Journal of Algorithms"], Meta(detail, "citation_journal_title"));
        Assert.Equal(["12"], Meta(detail, "citation_volume"));
        Assert.Equal(["1"], Meta(detail, "citation_firstpage"));
        Assert.Equal(["20"], Meta(detail, "citation_lastpage"));
        Assert.Equal("Ada Example", detail.QuerySelector(".paper-authors strong")!.TextContent);
        Assert.StartsWith("@article{senior2023matchings,", detail.QuerySelector("pre#bibtex")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Matchings in Streams", about.QuerySelectorAll("#publications .paper-title").Select(t => t.TextContent.Trim()));
        Assert.NotNull((await site.GetDocumentAsync("/publications/other2021notes")).QuerySelector("article.paper-detail"));
    }
}
