using AngleSharp.Html.Dom;
using ProfileSite.Content;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Pages.Publications;

/// <summary>
/// How papers from a <c>.bib</c> file and math in the owner's Markdown look on the served pages:
/// LaTeX formatting as HTML, formulas as MathML (no script), plain Unicode where only text fits,
/// editors marked "(Ed.)", and undated entries under a last "Undated" heading.
/// </summary>
public sealed class BibliographyDisplayTests : IDisposable
{
    private readonly TestContent _content = new();

    public BibliographyDisplayTests()
    {
        _content.Write("publications/refs.bib", """
            @article{rare2021,
              author = {Doe, Jane and De Witt, Anna},
              title = {Measurement of \(B_s^0 \to \phi \mu^+ \mu^-\) in \emph{Drosophila} H\textsubscript{2}O},
              journaltitle = {Journal of Things},
              date = {2021-07},
              abstract = {We find $\ell_1$ works.

            A second paragraph with $$\frac{a}{b}$$.},
            }
            @book{edited2011, editor = {Editor, Edna}, title = {Handbook}, year = {2011}}
            @misc{someday, author = {Doe, Jane}, title = {Forthcoming Work}, year = {forthcoming}}
            """);
    }

    public void Dispose() => _content.Dispose();

    private async Task<IHtmlDocument> GetAsync(string path)
    {
        await using var site = new SiteFactory(_content);
        return await site.GetDocumentAsync(path);
    }

    [Fact]
    public async Task Detail_TitleIsHtmlWithMathMlAndTheHeadHasUnicode()
    {
        var page = await GetAsync("/publications/rare2021");

        var title = page.QuerySelector("#paper-title")!;
        Assert.NotNull(title.QuerySelector("math msubsup"));
        Assert.Equal("Drosophila", title.QuerySelector("em")!.TextContent);
        Assert.Equal("2", title.QuerySelector("sub")!.TextContent);
        Assert.StartsWith("Measurement of B⁰ₛ → φμ⁺μ⁻ in Drosophila H₂O - ", page.Title, StringComparison.Ordinal);
        Assert.Equal("Measurement of B⁰ₛ → φμ⁺μ⁻ in Drosophila H₂O", page.QuerySelector("meta[name=citation_title]")!.GetAttribute("content"));
        Assert.Equal("Journal of Things", page.QuerySelector("meta[name=citation_journal_title]")!.GetAttribute("content"));
        Assert.Equal(["Jane Doe", "Anna De Witt"], page.QuerySelectorAll("meta[name=citation_author]").Select(m => m.GetAttribute("content")));
        Assert.Equal(2, page.QuerySelectorAll(".paper-abstract p").Length);
        Assert.NotNull(page.QuerySelector(".paper-abstract math[display=block] mfrac"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json']):not([src])"));
    }

    [Fact]
    public async Task Detail_EditedVolume_ShowsTheEditorMarkedEd()
    {
        var page = await GetAsync("/publications/edited2011");

        Assert.Equal("Edna Editor (Ed.)", page.QuerySelector(".paper-authors")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("meta[name=citation_author]"));
    }

    [Fact]
    public async Task List_UndatedEntriesComeLastUnderUndated()
    {
        var page = await GetAsync("/publications");

        var headings = page.QuerySelectorAll(".year-group h3").Select(h => h.TextContent).ToList();
        Assert.Equal("Undated (1)", headings[^1]);
        Assert.Equal("Forthcoming Work", page.QuerySelector("#year-undated ~ ol .pub-entry-title a")!.TextContent);
        Assert.Equal("forthcoming", page.QuerySelector("#year-undated ~ ol .pub-date")!.TextContent);
        Assert.NotNull(page.QuerySelector("#year-undated"));
        Assert.Contains(page.QuerySelectorAll("#filter-year option"), o => o.GetAttribute("value") == "undated");
        var filtered = await GetAsync("/publications?year=undated");
        Assert.Equal(["Forthcoming Work"], filtered.QuerySelectorAll(".pub-entry-title a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Feed_TitlesAreUnicodeText()
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        var feed = await client.GetStringAsync(new Uri("/feed.xml", UriKind.Relative));

        var titles = System.Xml.Linq.XDocument.Parse(feed).Descendants().Where(e => e.Name.LocalName == "title").Select(e => e.Value).ToList();
        Assert.Contains("Measurement of B⁰ₛ → φμ⁺μ⁻ in Drosophila H₂O", titles);
        Assert.DoesNotContain("Forthcoming Work", titles);
    }

    [Fact]
    public async Task About_MarkdownMath_IsMathMlAndInvalidMathIsAWarningShownAsCode()
    {
        _content.Write("about.md", "---\ntitle: About Me\n---\nI study $\\ell_1$ norms, not $5 or $10 prices.\n\n$$\\sum_{i=1}^n x_i$$\n\nBroken: $\\frac{a}$.\n");
        _content.Write("news.yaml", "- date: 2024-01\n  text: Proved $e^{i\\pi} + 1 = 0$ again.\n");

        var result = _content.Load();
        var page = await GetAsync("/");

        var warning = Assert.Single(result.Problems, p => p.File == "content/about.md");
        Assert.StartsWith("content/about.md:8:9: warning: invalid math $\\frac{a}$: ", warning.ToString(), StringComparison.Ordinal);
        var about = page.QuerySelector("#about-me")!;
        Assert.NotNull(about.QuerySelector("math msub"));
        Assert.NotNull(about.QuerySelector("math[display=block]"));
        Assert.Contains("not $5 or $10 prices", about.TextContent, StringComparison.Ordinal);
        Assert.Equal("$\\frac{a}$", about.QuerySelector("code.math-error")!.TextContent);
        Assert.NotNull(page.QuerySelector("#news math msup"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }
}
