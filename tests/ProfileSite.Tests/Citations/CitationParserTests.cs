using System.Text;
using ProfileSite.Content.Citations;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Citations;

public sealed class CitationParserTests
{
    private static readonly byte[] Sample = File.ReadAllBytes(Path.Combine(Repository.Root, "content", "google-scholar-stats", "gs_data.json"));

    [Fact]
    public void GsData_ReadsTheAcadHomepageCrawlerShape()
    {
        var (data, error, _, _) = GsDataParser.Parse(Sample);

        Assert.Null(error);
        Assert.Equal(1234, data!.Total);
        Assert.Equal(9, data.HIndex);
        Assert.Equal(8, data.I10Index);
        Assert.Equal([new YearCount(2021, 40), new YearCount(2022, 150), new YearCount(2023, 310), new YearCount(2024, 420), new YearCount(2025, 314)], data.PerYear.ToArray());
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 8, 5, 19, 992, TimeSpan.Zero).AddTicks(6920), data.Updated);
        Assert.Equal(321, data.ByScholarId["0Q6lKJ8AAAAJ:u5HHmVD_uO8C"]);
        Assert.Equal(87, data.ByTitle[Titles.Normalize("Implicit Regularization of Dropout")]);
    }

    [Fact]
    public void GsData_OrganizationBeyondInt64_AndMissingFieldsAreFine()
    {
        // The sample's organization is 16345133980181568013 (> Int64.MaxValue); one paper lacks
        // num_citations, citedby_url and cites_id, another lacks pub_year.
        var (data, error, _, _) = GsDataParser.Parse(Sample);

        Assert.Null(error);
        Assert.False(data!.ByScholarId.ContainsKey("0Q6lKJ8AAAAJ:IjCSPb-OGe4C"));
        Assert.Equal(12, data.ByScholarId["0Q6lKJ8AAAAJ:qjMakFHDy7sC"]);
    }

    [Theory]
    [InlineData("""{"citedby": "many"}""", "'citedby' must be a non-negative whole number")]
    [InlineData("""{"citedby": -3}""", "'citedby' must be a non-negative whole number")]
    [InlineData("""{"citedby": 1e40}""", "'citedby' must be a non-negative whole number")]
    [InlineData("""{"cites_per_year": [1, 2]}""", "'cites_per_year' must be an object of year: count, got Array")]
    [InlineData("""{"cites_per_year": {"last year": 3}}""", "'cites_per_year' has a key that is not a year: \"last year\"")]
    [InlineData("""{"publications": {"x:y": {"num_citations": "12"}}}""", "publication \"x:y\": 'num_citations' must be a non-negative whole number")]
    [InlineData("""{"updated": 12}""", "'updated' must be a date and time like \"2024-03-28 08:05:19.992692\"")]
    [InlineData("""[1, 2, 3]""", "expected a JSON object at the top level, got Array")]
    public void GsData_WrongTypes_AreRejectedWithTheField(string json, string message)
    {
        var (data, error, _, _) = GsDataParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Null(data);
        Assert.Equal(message, error);
    }

    [Fact]
    public void GsData_MalformedJson_SaysWhere()
    {
        var (data, error, line, column) = GsDataParser.Parse("{\n  \"citedby\": 12,\n  oops\n}"u8.ToArray());

        Assert.Null(data);
        Assert.StartsWith("not valid JSON", error);
        Assert.Equal((3, 3), (line, column));
    }

    [Fact]
    public void OpenAlex_ReadsAuthorAndWorks()
    {
        var (author, error) = OpenAlexParser.ParseAuthor("""
            {"id": "https://openalex.org/A5023888391", "cited_by_count": 456, "updated_date": "2025-05-30T04:11:02.123456",
             "summary_stats": {"h_index": 7, "i10_index": 5, "2yr_mean_citedness": 3.1},
             "counts_by_year": [{"year": 2024, "works_count": 3, "cited_by_count": 200}, {"year": 2023, "works_count": 2, "cited_by_count": 100}]}
            """u8.ToArray());
        var (works, next, worksError) = OpenAlexParser.ParseWorks("""
            {"meta": {"count": 2, "next_cursor": "abc"}, "results": [
              {"doi": "https://doi.org/10.1109/TPAMI.2024.3357172", "title": "Implicit Regularization of Dropout", "cited_by_count": 90},
              {"doi": null, "title": "Anchor function: a type of benchmark functions for studying language models", "cited_by_count": 14}]}
            """u8.ToArray());

        Assert.Null(error);
        Assert.Null(worksError);
        Assert.Equal("abc", next);
        var data = OpenAlexParser.WithWorks(author!, works!);
        Assert.Equal((456, 7, 5), (data.Total!.Value, data.HIndex!.Value, data.I10Index!.Value));
        Assert.Equal([new YearCount(2023, 100), new YearCount(2024, 200)], data.PerYear.ToArray());
        Assert.Equal(90, data.ByDoi["10.1109/tpami.2024.3357172"]);
        Assert.Equal(14, data.ByTitle[Titles.Normalize("Anchor Function: A Type of Benchmark Functions for Studying Language Models")]);
    }

    [Theory]
    [InlineData("""{"cited_by_count": "456"}""", "'cited_by_count' is missing or not a non-negative whole number")]
    [InlineData("""{"cited_by_count": 4, "counts_by_year": [{"year": "2024", "cited_by_count": 1}]}""", "'counts_by_year' entries must have whole-number 'year' and 'cited_by_count'")]
    public void OpenAlex_WrongTypes_AreRejected(string json, string message)
    {
        var (data, error) = OpenAlexParser.ParseAuthor(Encoding.UTF8.GetBytes(json));

        Assert.Null(data);
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("10.1109/TPAMI.2024.3357172", "10.1109/tpami.2024.3357172")]
    [InlineData("https://doi.org/10.1109/TPAMI.2024.3357172", "10.1109/tpami.2024.3357172")]
    [InlineData("doi:10.48550/arXiv.2401.08309", "10.48550/arxiv.2401.08309")]
    [InlineData("not a doi", null)]
    public void Doi_IsNormalized(string written, string? key) => Assert.Equal(key, Titles.NormalizeDoi(written));

    [Fact]
    public void Titles_MatchAcrossCaseAccentsAndPunctuation()
    {
        Assert.Equal(Titles.Normalize("Embedding principle of loss landscape of deep neural networks"), Titles.Normalize("  Embedding Principle of Loss-Landscape of Deep Neural Networks. "));
        Assert.Equal(Titles.Normalize("Schrödinger bridges for Pólya urns"), Titles.Normalize("Schrodinger Bridges for Polya Urns"));
    }
}
