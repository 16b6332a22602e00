using System.Xml.Linq;
using ProfileSite.Content.Formulas;

namespace ProfileSite.Tests.Content.Formulas;

/// <summary>Temml through Jint on formulas from real titles and abstracts: MathML Core for pages, Unicode for plain text.</summary>
public sealed class MathConverterTests
{
    // One converter for the class, as one load has one: the memo and the engine are shared by its formulas.
    private static readonly MathConverter Converter = new();

    [Theory]
    [InlineData(@"\ell_1", "ℓ₁", "msub")]
    [InlineData(@"\sqrt{s}", "√s", "msqrt")]
    [InlineData(@"\frac{o}{a}", "o/a", "mfrac")]
    [InlineData(@"\eta", "η", "mi")]
    [InlineData(@"B_s^0 \to \phi \mu^+ \mu^-", "B⁰ₛ → φμ⁺μ⁻", "msubsup")]
    [InlineData(@"x^2 + y^2 = z^2", "x²+y² = z²", "msup")]
    [InlineData(@"O(n \log n)", "O(n log n)", "mi")]
    [InlineData(@"\mathcal{O}(1/\epsilon^2)", "𝒪(1/ϵ²)", "msup")]
    [InlineData(@"\sum_{i=1}^n i", "∑ⁿᵢ₌₁i", "msubsup")]
    [InlineData(@"\int_0^\infty e^{-x^2}\,dx", "∫^(∞)₀e^(−x²) dx", "msubsup")]
    [InlineData(@"\mathbb{R}^d", "ℝᵈ", "msup")]
    [InlineData(@"\alpha\beta\gamma", "αβγ", "mi")]
    [InlineData(@"\hat{\theta}", "θ̂", "mover")]
    [InlineData(@"\vec{v}", "v⃗", "mover")]
    [InlineData(@"\bar{x}", "x̄", "mover")]
    [InlineData(@"\tilde{O}(\sqrt{T})", "Õ(√T)", "msqrt")]
    [InlineData(@"\|x\|_2", "‖x‖₂", "msub")]
    [InlineData(@"p < 0.05", "p < 0.05", "mn")]
    [InlineData(@"\mathrm{SU}(3)", "SU(3)", "mi")]
    [InlineData(@"\sqrt[3]{x}", "∛x", "mroot")]
    [InlineData(@"e^{i\pi} + 1 = 0", "e^(iπ)+1 = 0", "msup")]
    [InlineData(@"\binom{n}{k}", "(n/k)", "mfrac")]
    [InlineData(@"H_2O", "H₂O", "msub")]
    [InlineData(@"\mathrm{CO}_2", "CO₂", "msub")]
    [InlineData(@"10^{-3}", "10⁻³", "msup")]
    [InlineData(@"f: X \to Y", "f:X → Y", "mo")]
    [InlineData(@"\langle x, y \rangle", "⟨x,y⟩", "mo")]
    [InlineData(@"\lim_{n\to\infty} a_n", "lim_(n→∞) aₙ", "msub")]
    [InlineData(@"\nabla \cdot \mathbf{E}", "∇⋅𝐄", "mi")]
    [InlineData(@"x \leq y \neq z", "x ≤ y ≠ z", "mo")]
    [InlineData(@"a \approx b", "a ≈ b", "mo")]
    [InlineData(@"\Delta t", "Δt", "mi")]
    [InlineData(@"\left( \frac{a}{b} \right)^2", "(a/b)²", "mfrac")]
    [InlineData(@"\text{if } x > 0", "if x > 0", "mtext")]
    [InlineData(@"\begin{pmatrix} a & b \\ c & d \end{pmatrix}", "(a, b; c, d)", "mtable")]
    [InlineData(@"\begin{aligned} x &= 1 \\ y &\le 2 \end{aligned}", "x = 1; y ≤ 2", "mtable")]
    [InlineData(@"\operatorname{softmax}(z)", "softmax(z)", "mi")]
    [InlineData(@"x'", "x′", "msup")]
    [InlineData(@"\mathsf{P} \neq \mathsf{NP}", "𝖯 ≠ 𝖭𝖯", "mi")]
    [InlineData(@"k_{\mathrm{B}} T", "k_(B)T", "msub")]
    [InlineData(@"\pm 1\%", "±1%", "mo")]
    [InlineData(@"\sigma^2_{ij}", "σ²ᵢⱼ", "msubsup")]
    [InlineData(@"\Omega(n^{3/2})", "Ω(n^(3/2))", "msup")]
    public void Convert_ValidFormula_GivesMathMlAndReadableText(string tex, string text, string element)
    {
        var result = Converter.Convert(tex);

        Assert.True(result.IsValid, result.Error);
        var math = XElement.Parse(result.MathMl!);
        Assert.Equal("math", math.Name.LocalName);
        Assert.Contains(math.DescendantsAndSelf(), e => e.Name.LocalName == element);
        // No style attribute (a strict CSP refuses it); MathML's own displaystyle stays.
        Assert.DoesNotContain(math.DescendantsAndSelf(), e => e.Attribute("style") is not null);
        Assert.Equal(text, result.Text);
    }

    [Theory]
    [InlineData(@"x^{2")]
    [InlineData(@"\frac{a}")]
    [InlineData(@"\begin{matrix} a")]
    [InlineData(@"a}b")]
    [InlineData(@"\left( x")]
    [InlineData(@"x^^2")]
    [InlineData("")]
    public void Convert_InvalidFormula_SaysWhyAndKeepsTheSource(string tex)
    {
        var result = Converter.Convert(tex);

        Assert.False(result.IsValid);
        Assert.Null(result.MathMl);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Equal(tex, result.Text);
    }

    [Fact]
    public void Convert_DisplayMath_IsABlockWithoutAStyleAttribute()
    {
        var result = Converter.Convert(@"\frac{a}{b}", display: true);

        Assert.StartsWith("<math display=\"block\"", result.MathMl, StringComparison.Ordinal);
        var math = XElement.Parse(result.MathMl!);
        // No style attribute (a strict CSP refuses it); MathML's own displaystyle stays.
        Assert.DoesNotContain(math.DescendantsAndSelf(), e => e.Attribute("style") is not null);
    }

    [Fact]
    public void Convert_UntrustedCommands_AreRefused()
    {
        // trust is off: \href and \htmlClass could put links or classes from a .bib file into the page.
        var result = Converter.Convert(@"\href{javascript:alert(1)}{x}");

        Assert.DoesNotContain("javascript:", result.MathMl ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_SameFormulaTwice_ConvertsOnce()
    {
        var converter = new MathConverter();

        var first = converter.Convert(@"\alpha + \beta");
        var second = converter.Convert(@"  \alpha + \beta ");

        Assert.Same(first, second);
        Assert.Equal(1, converter.Conversions);
    }

    // DBLP writes superscripts in titles as \({}^{\mbox{1}}\) ("Arithmetizing Classes Around NC¹");
    // \mbox is LaTeX's text box in math, which Temml knows as \text.
    [Theory]
    [InlineData(@"{}^{\mbox{1}}", "¹")]
    [InlineData(@"\mbox{AC}^0", "AC⁰")]
    public void Convert_Mbox_IsTextAsInLatex(string tex, string text)
    {
        var result = Converter.Convert(tex);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal((tex, text), (result.Tex, result.Text));
        Assert.Contains("<mtext", result.MathMl, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_WhenFormulasRunOutOfTime_ReportsTheFormulaAndNeverFailsTheLoad()
    {
        // A machine so loaded that every formula exceeds its time: Temml's own set-up must still
        // finish (it once ran under the formula limit and threw, which stopped the start), and each
        // formula is an invalid one with a reason, shown as its source.
        var converter = new MathConverter(TimeSpan.FromTicks(1));

        var first = converter.Convert(@"\frac{a}{b}");
        var second = converter.Convert(@"\sqrt{s}");

        Assert.Equal(("formula too complex to convert", @"\frac{a}{b}"), (first.Error, first.Text));
        Assert.Equal("formula too complex to convert", second.Error);
    }

    [Fact]
    public void ReplaceWithText_TurnsMathInHtmlIntoUnicode()
    {
        var html = $"<p>The {Converter.Convert(@"\ell_1").MathMl} norm &amp; more</p>";

        Assert.Equal("<p>The ℓ₁ norm &amp; more</p>", MathMl.ReplaceWithText(html));
    }
}
