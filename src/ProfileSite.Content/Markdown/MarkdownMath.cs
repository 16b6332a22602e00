using System.Net;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using ProfileSite.Content.Formulas;

namespace ProfileSite.Content.Markdown;

/// <summary>An invalid formula in Markdown.</summary>
/// <param name="Line">1-based line within the Markdown text.</param>
/// <param name="Column">1-based column within the Markdown text.</param>
/// <param name="Message">What is wrong, with the source.</param>
public sealed record MarkdownMathProblem(int Line, int Column, string Message);

/// <summary>
/// Math in the owner's Markdown (<c>$...$</c> inline, <c>$$...$$</c> display; Markdig's
/// mathematics extension finds them, with pandoc's rules: no space inside the dollars, no digit
/// right after the closing one, so "$5 and $10" stays text) rendered as MathML by a
/// <see cref="MathConverter"/>. Without a converter the formula is written back as its source.
/// An invalid formula is shown as code and reported.
/// </summary>
internal static class MarkdownMath
{
    /// <summary>Puts our math renderers in place of Markdig's (which write <c>\(...\)</c> for a script to find).</summary>
    public static void Use(HtmlRenderer renderer, MathConverter? math, ICollection<MarkdownMathProblem>? problems)
    {
        renderer.ObjectRenderers.RemoveAll(r => r is HtmlMathInlineRenderer or HtmlMathBlockRenderer);
        renderer.ObjectRenderers.Insert(0, new InlineRenderer(math, problems));
        renderer.ObjectRenderers.Insert(0, new BlockRenderer(math, problems));
    }

    private static void Write(HtmlRenderer renderer, string tex, bool display, int line, int column, MathConverter? math, ICollection<MarkdownMathProblem>? problems)
    {
        var delimiter = display ? "$$" : "$";
        if (math is null)
        {
            renderer.WriteEscape(delimiter + tex + delimiter);
            return;
        }

        var result = math.Convert(tex, display);
        if (result.MathMl is { } mathMl)
        {
            renderer.Write(mathMl);
            return;
        }

        problems?.Add(new MarkdownMathProblem(line + 1, column + 1, $"invalid math {delimiter}{Shorten(tex)}{delimiter}: {result.Error}; it is shown as its source"));
        renderer.Write("<code class=\"math-error\">").Write(WebUtility.HtmlEncode(delimiter + tex + delimiter)).Write("</code>");
    }

    private static string Shorten(string tex) => tex.Length > 60 ? tex[..60] + "…" : tex;

    private sealed class InlineRenderer(MathConverter? math, ICollection<MarkdownMathProblem>? problems) : HtmlObjectRenderer<MathInline>
    {
        protected override void Write(HtmlRenderer renderer, MathInline obj) =>
            MarkdownMath.Write(renderer, obj.Content.ToString(), obj.DelimiterCount >= 2, obj.Line, obj.Column, math, problems);
    }

    private sealed class BlockRenderer(MathConverter? math, ICollection<MarkdownMathProblem>? problems) : HtmlObjectRenderer<MathBlock>
    {
        protected override void Write(HtmlRenderer renderer, MathBlock obj)
        {
            renderer.EnsureLine();
            MarkdownMath.Write(renderer, obj.Lines.ToString(), true, obj.Line, obj.Column, math, problems);
            renderer.WriteLine();
        }
    }
}
