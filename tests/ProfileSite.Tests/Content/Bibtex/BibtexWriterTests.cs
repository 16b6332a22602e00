using ProfileSite.Content.Bibtex;

namespace ProfileSite.Tests.Content.Bibtex;

/// <summary>What our BibTeX writes reads back as one entry with the same fields, whatever the value ends with.</summary>
public sealed class BibtexWriterTests
{
    [Theory]
    [InlineData(@"Doe, Jane and Roe\")]
    [InlineData(@"Doe, Jane and Roe\\\")]
    [InlineData(@"Doe, Jane and Roe\\")]
    public void ValueEndingInABackslash_StillClosesItsBrace(string author)
    {
        var entry = BibtexParser.Parse("@article{k, title = {T}, year = 2020}\n").Entries[0];
        var written = BibtexWriter.FromEntry(entry with { Fields = [.. entry.Fields, new BibtexField("author", author, 1, 1)] });

        var again = BibtexParser.Parse(written);

        Assert.True(again.Problems.IsEmpty, written + "\n" + string.Join("\n", again.Problems.Select(p => p.Message)));
        var read = Assert.Single(again.Entries);
        Assert.Equal("2020", read.Field("year")!.Raw.Trim());
        Assert.Equal(author, read.Field("author")!.Raw.TrimEnd());
    }
}
