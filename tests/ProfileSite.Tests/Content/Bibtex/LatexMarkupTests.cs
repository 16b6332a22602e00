using ProfileSite.Content.Bibtex;
using ProfileSite.Content.Formulas;

namespace ProfileSite.Tests.Content.Bibtex;

/// <summary>
/// What exporters put in BibTeX values besides plain LaTeX, each on a minimal input in the style of
/// the tool that writes it: NASA ADS's journal macros, Crossref's JATS markup in doi.org's BibTeX,
/// Zotero's escaped tags, ACM's <c>\&amp;amp;</c>, environments pasted into abstracts.
/// </summary>
public sealed class LatexMarkupTests
{
    private static readonly MathConverter Math = new();

    private static string Html(string latex) => LatexRender.Html(LatexMarkup.Parse(latex).Nodes, Math);

    private static string Csl(string latex) => LatexRender.Csl(LatexMarkup.Parse(latex).Nodes, Math);

    // ---- NASA ADS --------------------------------------------------------------------------

    [Theory]
    [InlineData(@"\apj", "ApJ")]
    [InlineData(@"{\aap}", "A&A")]
    [InlineData(@"\mnras", "MNRAS")]
    [InlineData(@"\prl", "Phys. Rev. Lett.")]
    [InlineData(@"\apjl", "ApJL")]
    [InlineData(@"\jcap", "J. Cosmology Astropart. Phys.")]
    public void AasJournalMacro_IsWhatAasMacrosStyPrints(string latex, string expected)
    {
        var document = LatexMarkup.Parse(latex);

        Assert.Equal(expected, LatexRender.Plain(document.Nodes, null));
        Assert.Empty(document.Unknown);
    }

    // ---- Crossref (doi.org BibTeX), Zotero, ACM ---------------------------------------------

    [Fact]
    public void CrossrefJatsMarkup_IsReadAsStylesNotText()
    {
        const string title = "Single-cell <scp>RNA</scp> sequencing of <i>Arabidopsis thaliana</i> roots";

        Assert.Equal("Single-cell RNA sequencing of Arabidopsis thaliana roots", LatexText.ToUnicode(title));
        Assert.Equal("Single-cell <span class=\"small-caps\">RNA</span> sequencing of <em>Arabidopsis thaliana</em> roots", Html(title));
        Assert.Equal("Single-cell <span style=\"font-variant:small-caps;\">RNA</span> sequencing of <i>Arabidopsis thaliana</i> roots", Csl(title));
    }

    [Theory]
    [InlineData("Effect of H<sub>2</sub>O on the 2D material &amp; its stability", "Effect of H₂O on the 2D material & its stability")]
    [InlineData("Knowledge Discovery \\&amp; Data Mining", "Knowledge Discovery & Data Mining")]
    [InlineData("<jats:title>Abstract</jats:title><jats:p>We find <jats:italic>x</jats:italic>.</jats:p>", "Abstract We find x.")]
    [InlineData("Na<sup>+</sup>/K<sup>+</sup>-ATPase &#8211; a review &#x2014; part&nbsp;2", "Na⁺/K⁺-ATPase – a review — part\u00A02")]
    [InlineData("p < 0.05 when x<y and a & b", "p < 0.05 when x<y and a & b")]
    [InlineData("line<br/>break", "line break")]
    [InlineData("when n<b and c>d holds", "when n<b and c>d holds")]
    [InlineData("<span class=\"x\" lang='en'>kept</span> as text", "kept as text")]
    public void HtmlMarkupAndCharacterReferences_BecomeText(string value, string expected)
    {
        Assert.Equal(expected, LatexText.ToUnicode(value));
    }

    [Fact]
    public void ZoteroEscapedTags_AreReadAsTheTagsTheyEscape()
    {
        // Zotero's BibTeX export writes a rich-text title's <i> as {\textless}i{\textgreater}.
        const string title = @"{\textless}i{\textgreater}Drosophila{\textless}/i{\textgreater} genes at p {\textless} 0.05";

        Assert.Equal("<em>Drosophila</em> genes at p &lt; 0.05", Html(title));
    }

    [Fact]
    public void UnbalancedTags_NeitherLeakNorSwallowTheGroupAround()
    {
        Assert.Equal("<em>open to the end</em>", Html("<i>open to the end"));
        Assert.Equal("<em>A</em> B", Html("{<i>A} B</i>"));
    }

    [Fact]
    public void AbstractParagraphsFromJats_BecomeHtmlParagraphs()
    {
        var nodes = LatexMarkup.Parse("<jats:p>First.</jats:p>\n<jats:p>Second with <jats:sup>2</jats:sup>.</jats:p>").Nodes;

        Assert.Equal("<p>First.</p>\n<p>Second with <sup>2</sup>.</p>", LatexRender.HtmlParagraphs(nodes, Math));
    }

    // ---- environments, accents, empty styles -------------------------------------------------

    [Fact]
    public void TextEnvironments_PrintNoNameAndItemsGetTheirOwnParagraphs()
    {
        var document = LatexMarkup.Parse("We show\n\\begin{itemize}\n\\item one,\n\\item[(b)] two.\n\\end{itemize}\nand more.");

        Assert.Empty(document.Unknown);
        Assert.Equal("<p>We show</p>\n<p>• one,</p>\n<p>(b) two.</p>\n<p>and more.</p>", LatexRender.HtmlParagraphs(document.Nodes, Math));
    }

    [Theory]
    [InlineData(@"so \begin{equation} E = mc^2 \end{equation} holds", "so E = mc² holds")]
    [InlineData(@"\begin{align*} a &= b \\ c &= d \end{align*}", "a = b; c = d")]
    [InlineData(@"inline \begin{math}x_1\end{math}", "inline x₁")]
    public void MathEnvironments_AreFormulas(string latex, string expectedPlain)
    {
        var document = LatexMarkup.Parse(latex);

        var formula = Assert.Single(LatexRender.Formulas(document.Nodes));
        Assert.True(Math.Convert(formula.Tex, formula.Display).IsValid, formula.Tex);
        Assert.Equal(expectedPlain, LatexRender.Plain(document.Nodes, Math));
        Assert.Contains("<math", Html(latex), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"\'{}", "´")]
    [InlineData(@"\~{} and \^{}", "~ and ^")]
    [InlineData(@"\v{}", "ˇ")]
    public void AccentWithNothingUnderIt_IsItsSpacingForm(string latex, string expected)
    {
        Assert.Equal(expected, LatexText.ToUnicode(latex));
    }

    [Fact]
    public void EmptyStyleCommand_WritesNoEmptyElement()
    {
        Assert.Equal("a b", Csl(@"a \emph{} b"));
        Assert.Equal("a b", Html(@"a \textbf{} b"));
    }
}
