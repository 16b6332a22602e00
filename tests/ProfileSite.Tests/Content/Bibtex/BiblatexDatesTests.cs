using ProfileSite.Content.Loading;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content.Bibtex;

/// <summary>Dates in <c>.bib</c> files as biber reads them (names and titles invented).</summary>
public sealed class BiblatexDatesTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private ContentLoadResult LoadBib(string bib)
    {
        _content.Write("publications/refs.bib", bib);
        return _content.LoadSucceeded();
    }

    // biber's own test data (t/tdata/dateformats.bib, entry script1) writes a range in Devanagari
    // digits; biber maps them through Unicode::UCD::num and reads 1987-01-15/1988-05-11.
    [Theory]
    [InlineData("date = {१९८७-०१-१५/१९८८-०५-११}", "1987-01-15", "1988-05-11")]
    [InlineData("date = {٢٠٢٠-٠٣}", "2020-03", null)]
    [InlineData("year = {２０１９}", "2019", null)]
    [InlineData("year = {٢٠١٨}, month = {٠٤}", "2018-04", null)]
    public void DigitsOfOtherScripts_AreReadAsTheirValuesAsBiberDoes(string field, string start, string? end)
    {
        var result = LoadBib($"@book{{k, author = {{Krull, Kevin}}, title = {{T}}, {field}}}\n");

        var paper = result.Content!.PublicationsBySlug["k"];
        Assert.Equal(start, paper.Date.ToIsoString());
        Assert.Equal(end, paper.EndDate?.ToIsoString());
        Assert.DoesNotContain(result.Problems, p => p.Message.Contains("date", StringComparison.Ordinal));
    }
}
