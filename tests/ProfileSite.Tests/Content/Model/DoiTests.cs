using ProfileSite.Content;

namespace ProfileSite.Tests.Content.Model;

public sealed class DoiTests
{
    // ACM Digital Library exports (JabRef's test library complex.bib holds 12) and the IEEE Computer
    // Society's wrote the DOI as a link to their own resolver; it is the DOI all the same.
    [Theory]
    [InlineData("http://doi.acm.org/10.1145/1137627.1137631", "10.1145/1137627.1137631")]
    [InlineData("https://doi.ieeecomputersociety.org/10.1109/MIC.2008.67", "10.1109/MIC.2008.67")]
    [InlineData("http://dx.doi.org/10.1007/s00779-005-0347-6", "10.1007/s00779-005-0347-6")]
    [InlineData("https://doi.org/10.1002/%28SICI%291097-4636", "10.1002/(SICI)1097-4636")]
    [InlineData("doi:10.1000/xyz", "10.1000/xyz")]
    [InlineData("10.1000/xyz", "10.1000/xyz")]
    public void Parse_ReadsTheDoiFromEveryResolversLink(string written, string doi) => Assert.Equal(doi, Doi.Parse(written));

    [Theory]
    [InlineData("https://example.org/10.1000/xyz")]
    [InlineData("fg6rf9")]
    public void Parse_OtherLinksAndShortDois_AreNotDois(string written) => Assert.Null(Doi.Parse(written));
}
