using ProfileSite.Content.Loading;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Citations;

/// <summary>Which count a paper shows when several sources are configured, through the loader on real files.</summary>
public sealed class CitationApplierTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private ProfileSite.Content.SiteContent Load()
    {
        var result = ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Content!;
    }

    private const string GsData = """
        {"citedby": 500, "hindex": 4, "i10index": 2, "updated": "2025-01-02 03:04:05.6",
         "publications": {
           "ABCDEFGAAAAJ:flows": {"bib": {"title": "Something else entirely"}, "num_citations": 40, "author_pub_id": "ABCDEFGAAAAJ:flows"},
           "ABCDEFGAAAAJ:cuts": {"bib": {"title": "Cuts and where to find them!"}, "num_citations": 7}}}
        """;

    [Fact]
    public void GsDataInContent_MatchesByScholarIdThenTitle()
    {
        _content.Write("google-scholar-stats/gs_data.json", GsData);
        AddToFrontMatter("2024-flows", "scholar_id: \"ABCDEFGAAAAJ:flows\"");

        var content = Load();

        Assert.Equal(40, content.CitationsOf(content.PublicationsBySlug["2024-flows"]));
        Assert.Equal(7, content.CitationsOf(content.PublicationsBySlug["2022-cuts"]));
        Assert.Equal((500, 4, 2), (content.Citations!.Total, content.Citations.HIndex!.Value, content.Citations.I10Index!.Value));
        Assert.Equal("Google Scholar", content.Citations.Source);
    }

    [Fact]
    public void NoSourceKnowsThePaper_CountIsNull()
    {
        var content = Load();

        Assert.Null(content.Citations);
        Assert.Null(content.CitationsOf(content.PublicationsBySlug["2024-flows"]));
    }

    [Fact]
    public void ManualCounts_AreUsedAfterEarlierSources()
    {
        _content.Write("google-scholar-stats/gs_data.json", GsData);
        AddToFrontMatter("2024-flows", "citations: 99");
        AddToFrontMatter("2022-cuts", "citations: 1000");

        var content = Load();

        Assert.Equal(99, content.CitationsOf(content.PublicationsBySlug["2024-flows"])); // gs_data does not know flows by id or title
        Assert.Equal(7, content.CitationsOf(content.PublicationsBySlug["2022-cuts"])); // gs_data first
    }

    [Fact]
    public void SourceOrderFromSiteYaml_DecidesWhoWins()
    {
        _content.Write("data/gs.json", GsData);
        _content.Write("site.yaml", "citations:\n  sources: [manual, gs_data]\n  gs_data: data/gs.json\n");
        AddToFrontMatter("2022-cuts", "citations: 1000");

        var content = Load();

        Assert.Equal(1000, content.CitationsOf(content.PublicationsBySlug["2022-cuts"]));
    }

    [Theory]
    [InlineData("citations:\n  sources: [gs_data, scholar]\n  gs_data: data/gs.json\n", "content/site.yaml:2:22: error: unknown citation source 'scholar'; expected gs_data, openalex or manual")]
    [InlineData("citations:\n  sources: [openalex]\n", "content/site.yaml:2:13: error: citation source 'openalex' is listed but not configured: add 'openalex:' to the citations block")]
    [InlineData("citations:\n  openalex: 12345\n", "content/site.yaml:2:13: error: 'openalex' must be an OpenAlex author id like A5023888391 (or its https://openalex.org/ URL), got \"12345\"")]
    [InlineData("citations:\n  gs_data: http://example.org/gs_data.json\n", "content/site.yaml:2:12: error: 'gs_data' must be an https URL or a path under the content folder, got \"http://example.org/gs_data.json\"")]
    [InlineData("citations:\n  gs_data: ../secrets.json\n", "content/site.yaml:2:12: error: 'gs_data' must be an https URL or a path under the content folder like google-scholar-stats/gs_data.json, got \"../secrets.json\"")]
    [InlineData("citations:\n  openalex: { author: A5023888391, mailto: nope }\n", "content/site.yaml:2:44: error: 'mailto' must be an email address, got \"nope\"")]
    [InlineData("citations:\n  gs_dat: x.json\n", "content/site.yaml:2:3: error: unknown key 'gs_dat'; did you mean 'gs_data'?")]
    public void CitationsBlock_Errors_ArePrecise(string siteYaml, string expected)
    {
        _content.Write("data/gs.json", GsData);
        _content.Write("site.yaml", siteYaml);

        var result = ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath));

        Assert.Equal(expected, Assert.Single(result.Problems, p => p.IsError).ToString());
    }

    [Fact]
    public void BrokenLocalGsData_IsAContentErrorWithPosition()
    {
        _content.Write("google-scholar-stats/gs_data.json", "{\n  \"citedby\": 1,\n  broken\n}");

        var result = ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath));

        var error = Assert.Single(result.Problems);
        Assert.StartsWith("content/google-scholar-stats/gs_data.json:3:3: error: citation data: not valid JSON", error.ToString());
    }

    [Fact]
    public void ManualCitationsNotANumber_IsAnError()
    {
        AddToFrontMatter("2022-cuts", "citations: lots");

        var result = ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath));

        Assert.Equal("content/publications/2022-cuts.md:9:12: error: 'citations' must be a whole number of citations, got \"lots\"", Assert.Single(result.Problems).ToString());
    }

    private void AddToFrontMatter(string slug, string line)
    {
        var path = Path.Combine(_content.ContentPath, "publications", slug + ".md");
        var text = File.ReadAllText(path);
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        File.WriteAllText(path, text[..end] + "\n" + line + text[end..]);
    }
}
