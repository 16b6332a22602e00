using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ProfileSite.Content.Bibtex;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Pages.Publications;

/// <summary>The example site's five papers, as shipped: every one listed, with a working page and BibTeX.</summary>
public sealed class ShippedPublicationsTests
{
    private sealed class ShippedSite : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ProfileSite:ContentPath", Path.Combine(Repository.Root, "content"));
            builder.UseSetting("ProfileSite:WebRootPath", Path.Combine(Repository.Root, "wwwroot"));
        }
    }

    [Fact]
    public async Task Shipped_FivePapersAreReachableFromTheListWithWorkingDetailPages()
    {
        await using var site = new ShippedSite();
        using var client = site.CreateClient();
        var parser = new HtmlParser();

        var list = await parser.ParseDocumentAsync(await client.GetStringAsync("/publications"));
        var links = list.QuerySelectorAll(".pub-entry-title a").Select(a => (Title: a.TextContent, Href: a.GetAttribute("href")!)).ToArray();

        Assert.Equal(5, links.Length);
        Assert.Equal(["2024 (4)", "2021 (1)"], list.QuerySelectorAll(".year-group h3").Select(h => h.TextContent));
        foreach (var (title, href) in links)
        {
            var page = await parser.ParseDocumentAsync(await client.GetStringAsync(href));
            Assert.Equal(title, page.QuerySelector("article h2")!.TextContent);
            Assert.Equal(title, page.Head!.QuerySelector("meta[name=citation_title]")!.GetAttribute("content"));
            Assert.Contains("Zhongwang Zhang", page.Head.QuerySelectorAll("meta[name=citation_author]").Select(m => m.GetAttribute("content")));
            Assert.Single(BibtexParser.Parse(page.QuerySelector("pre#bibtex")!.TextContent).Entries);
        }
    }

    [Theory]
    [InlineData("2024-tpami-implicit-regularization-of-dropout", "citation_journal_title", "IEEE Transactions on Pattern Analysis and Machine Intelligence")]
    [InlineData("2024-iclr-stochastic-modified-equations-dropout", "citation_conference_title", "International Conference on Learning Representations (ICLR 2024)")]
    [InlineData("2024-iclr-stochastic-modified-equations-dropout", "citation_pdf_url", "https://openreview.net/pdf?id=Bpkhu2ExxU")]
    [InlineData("2024-arxiv-anchor-function", "citation_arxiv_id", "2401.08309")]
    [InlineData("2024-arxiv-anchor-function", "citation_pdf_url", "https://arxiv.org/pdf/2401.08309")]
    [InlineData("2021-neurips-embedding-principle", "citation_publication_date", "2021")]
    public async Task Shipped_DetailPagesCarryTheRightCitationTags(string slug, string name, string content)
    {
        await using var site = new ShippedSite();
        using var client = site.CreateClient();

        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync($"/publications/{slug}"));

        Assert.Equal([content], page.Head!.QuerySelectorAll($"meta[name={name}]").Select(m => m.GetAttribute("content")));
    }

    [Fact]
    public async Task Shipped_PublicationsBibParsesBackToFiveEntries()
    {
        await using var site = new ShippedSite();
        using var client = site.CreateClient();

        var document = BibtexParser.Parse(await client.GetStringAsync("/publications.bib"));

        Assert.Empty(document.Problems);
        Assert.Equal(
            ["zhang2024initialization", "zhang2024anchor", "zhang2024stochastic", "zhang2024implicit", "zhang2021embedding"],
            document.Entries.Select(e => e.Key));
        Assert.Equal(["inproceedings", "misc", "inproceedings", "article", "inproceedings"], document.Entries.Select(e => e.Type));
        Assert.All(document.Entries, e => Assert.Contains("Zhang, Zhongwang", e.Field("author")!.Raw, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shipped_CopyScriptIsServedFromTheSite()
    {
        await using var site = new ShippedSite();
        using var client = site.CreateClient();

        var response = await client.GetAsync("/js/publication.js");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("navigator.clipboard", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
