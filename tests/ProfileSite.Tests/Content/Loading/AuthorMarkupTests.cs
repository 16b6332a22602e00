using ProfileSite.Content.Loading;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content.Loading;

public sealed class AuthorMarkupTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private static bool IsAda(string name) => name == "Ada Example";

    [Theory]
    [InlineData("**Ada Example**", "Ada Example")]
    [InlineData("__Ada Example__", "Ada Example")]
    [InlineData("<b>Ada Example</b>", "Ada Example")]
    [InlineData("<STRONG>Ada Example</STRONG>", "Ada Example")]
    [InlineData("**Ada Example**†", "Ada Example†")]
    [InlineData("**Ada Example*†**", "Ada Example*†")]
    [InlineData("**Ada Example***", "Ada Example*")]
    public void Check_OwnerBoldedByHand_IsUnwrappedWithAWarning(string written, string expected)
    {
        var verdict = AuthorMarkup.Check(written, IsAda);

        Assert.Equal(expected, verdict.Name);
        Assert.Contains("bolded automatically", verdict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("**Sam Roe**")]
    [InlineData("<b>Kim Lee</b>")]
    [InlineData("*Sam Roe*")]
    [InlineData("_Sam Roe_")]
    [InlineData("[Sam Roe](https://roe.example.org/)")]
    [InlineData("<a href=\"https://roe.example.org/\">Sam Roe</a>")]
    [InlineData("Sam Roe<sup>1</sup>")]
    [InlineData("Sam&nbsp;Roe")]
    [InlineData("`Sam Roe`")]
    [InlineData("†Sam Roe")]
    [InlineData("Sam ~~Roe~~")]
    [InlineData("M\\\"uller")]
    [InlineData("**Ada Example** and *Sam*")]
    public void Check_OtherMarkup_IsRefused(string written)
    {
        var verdict = AuthorMarkup.Check(written, IsAda);

        Assert.Null(verdict.Name);
        Assert.NotNull(verdict.Message);
    }

    [Theory]
    [InlineData("Sam Roe")]
    [InlineData("Sam Roe*")]
    [InlineData("Sam Roe*†")]
    [InlineData("Sam Roe †")]
    [InlineData("Jean-Luc O'Neil")]
    [InlineData("Doe, Jane")]
    [InlineData("J. R. R. Tolkien")]
    [InlineData("张志强")]
    [InlineData("محمد علي")]
    [InlineData("snake_case_handle")]
    [InlineData("A & B Lab")]
    public void Check_PlainNames_PassAsWritten(string written)
    {
        Assert.Equal(new AuthorMarkup.Verdict(written, null), AuthorMarkup.Check(written, IsAda));
    }

    [Fact]
    public async Task Page_OwnerBoldedByHand_ShowsThePlainNameBoldedOnce_AndSendsItPlainToScholar()
    {
        _content.Write("publications/2024-flows.md", "---\ntitle: Faster Flows\nauthors: [\"**Ada Example***\", \"Bob Coauthor*\"]\nyear: 2024\n---\n");
        await using var site = new SiteFactory(_content);

        var page = await site.GetDocumentAsync("/publications/2024-flows");

        Assert.Equal(["Ada Example", "Bob Coauthor"], page.QuerySelectorAll("meta[name=citation_author]").Select(m => m.GetAttribute("content")));
        var self = Assert.Single(page.QuerySelectorAll("main .author-self"));
        Assert.Equal("Ada Example*", self.TextContent);
        Assert.DoesNotContain("**", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
