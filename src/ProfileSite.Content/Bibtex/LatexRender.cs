using System.Collections.Immutable;
using System.Net;
using System.Text;
using ProfileSite.Content.Formulas;

namespace ProfileSite.Content.Bibtex;

/// <summary>
/// Writes <see cref="LatexMarkup"/> nodes out three ways: plain Unicode text (page titles,
/// <c>citation_*</c> tags, feeds, keys), HTML for our pages (<c>&lt;em&gt;</c>,
/// <c>&lt;strong&gt;</c>, <c>&lt;sup&gt;</c>, small caps, links, MathML), and CSL-JSON's rich-text
/// subset (<c>&lt;i&gt;</c>, <c>&lt;b&gt;</c>, <c>&lt;sup&gt;</c>, <c>&lt;sub&gt;</c>, the small-caps
/// span and <c>&lt;span class="nocase"&gt;</c> for braces that protect case; CSL 1.0.2 spec,
/// "Rich text"). Math goes through a <see cref="MathConverter"/> when one is given; without one
/// (a quick decode of a field nobody displays) its symbols are decoded as text.
/// </summary>
public static class LatexRender
{
    /// <summary>Plain text with single spaces.</summary>
    public static string Plain(ImmutableArray<LatexNode> nodes, MathConverter? math)
    {
        var builder = new StringBuilder();
        Plain(nodes, math, builder);
        return Collapse(builder.ToString());
    }

    /// <summary>HTML of inline content (no paragraphs: a break becomes a space).</summary>
    public static string Html(ImmutableArray<LatexNode> nodes, MathConverter? math)
    {
        var builder = new StringBuilder();
        Html(nodes, math, builder);
        return Collapse(builder.ToString());
    }

    /// <summary>HTML paragraphs (<c>&lt;p&gt;</c> per blank line or <c>\par</c>), for abstracts.</summary>
    public static string HtmlParagraphs(ImmutableArray<LatexNode> nodes, MathConverter? math)
    {
        var paragraphs = new List<string>();
        var current = ImmutableArray.CreateBuilder<LatexNode>();
        foreach (var node in nodes.Append(new LatexParagraphBreak()))
        {
            if (node is LatexParagraphBreak)
            {
                var html = Html(current.ToImmutable(), math);
                if (html.Length > 0)
                {
                    paragraphs.Add($"<p>{html}</p>");
                }

                current.Clear();
            }
            else
            {
                current.Add(node);
            }
        }

        return string.Join("\n", paragraphs);
    }

    /// <summary>CSL-JSON rich text.</summary>
    public static string Csl(ImmutableArray<LatexNode> nodes, MathConverter? math)
    {
        var builder = new StringBuilder();
        Csl(nodes, math, builder);
        return Collapse(builder.ToString());
    }

    /// <summary>Every formula in the nodes, in order (for warnings about invalid ones).</summary>
    public static IEnumerable<LatexMath> Formulas(ImmutableArray<LatexNode> nodes)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case LatexMath formula:
                    yield return formula;
                    break;
                case LatexGroup group:
                    foreach (var inner in Formulas(group.Children))
                    {
                        yield return inner;
                    }

                    break;
                case LatexLink link:
                    foreach (var inner in Formulas(link.Children))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    private static void Plain(ImmutableArray<LatexNode> nodes, MathConverter? math, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case LatexString text:
                    output.Append(text.Text);
                    break;
                case LatexGroup { Style: LatexStyle.Superscript or LatexStyle.Subscript } script:
                    var inner = Plain(script.Children, math);
                    output.Append(UnicodeScripts.TryWrite(inner, script.Style == LatexStyle.Superscript) ?? inner);
                    break;
                case LatexGroup { Style: LatexStyle.Quoted } quoted:
                    output.Append('“');
                    Plain(quoted.Children, math, output);
                    output.Append('”');
                    break;
                case LatexGroup group:
                    Plain(group.Children, math, output);
                    break;
                case LatexMath formula:
                    output.Append(MathText(formula, math));
                    break;
                case LatexLink link:
                    Plain(link.Children, math, output);
                    break;
                case LatexParagraphBreak:
                    output.Append(' ');
                    break;
            }
        }
    }

    private static void Html(ImmutableArray<LatexNode> nodes, MathConverter? math, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case LatexString text:
                    output.Append(WebUtility.HtmlEncode(text.Text));
                    break;
                case LatexGroup group:
                    var (open, close) = group.Style switch
                    {
                        LatexStyle.Italic => ("<em>", "</em>"),
                        LatexStyle.Bold => ("<strong>", "</strong>"),
                        LatexStyle.SmallCaps => ("<span class=\"small-caps\">", "</span>"),
                        LatexStyle.Monospace => ("<code>", "</code>"),
                        LatexStyle.Superscript => ("<sup>", "</sup>"),
                        LatexStyle.Subscript => ("<sub>", "</sub>"),
                        LatexStyle.Underline => ("<u>", "</u>"),
                        LatexStyle.Quoted => ("“", "”"),
                        _ => ("", ""),
                    };
                    output.Append(open);
                    Html(group.Children, math, output);
                    output.Append(close);
                    break;
                case LatexMath formula:
                    var result = math?.Convert(formula.Tex, formula.Display);
                    if (result is { MathMl: { } mathMl })
                    {
                        output.Append(mathMl);
                    }
                    else if (result is not null)
                    {
                        // Invalid math: the source as code, so the owner sees what to fix (and is warned).
                        var delimiter = formula.Display ? "$$" : "$";
                        output.Append("<code class=\"math-error\">").Append(WebUtility.HtmlEncode(delimiter + formula.Tex + delimiter)).Append("</code>");
                    }
                    else
                    {
                        output.Append(WebUtility.HtmlEncode(FallbackText(formula.Tex)));
                    }

                    break;
                case LatexLink link:
                    if (LinkKind.IsAbsoluteHttpUrl(link.Url))
                    {
                        output.Append("<a href=\"").Append(WebUtility.HtmlEncode(link.Url)).Append("\">");
                        Html(link.Children, math, output);
                        output.Append("</a>");
                    }
                    else
                    {
                        Html(link.Children, math, output);
                    }

                    break;
                case LatexParagraphBreak:
                    output.Append(' ');
                    break;
            }
        }
    }

    private static void Csl(ImmutableArray<LatexNode> nodes, MathConverter? math, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case LatexString text:
                    output.Append(text.Text);
                    break;
                case LatexGroup group:
                    var (open, close) = group.Style switch
                    {
                        LatexStyle.Italic => ("<i>", "</i>"),
                        LatexStyle.Bold => ("<b>", "</b>"),
                        LatexStyle.SmallCaps => ("<span style=\"font-variant:small-caps;\">", "</span>"),
                        LatexStyle.Superscript => ("<sup>", "</sup>"),
                        LatexStyle.Subscript => ("<sub>", "</sub>"),
                        LatexStyle.Quoted => ("“", "”"),
                        LatexStyle.None when group.Protected && HasUpperCase(group.Children) => ("<span class=\"nocase\">", "</span>"),
                        _ => ("", ""),
                    };
                    output.Append(open);
                    Csl(group.Children, math, output);
                    output.Append(close);
                    break;
                case LatexMath formula:
                    output.Append(MathText(formula, math));
                    break;
                case LatexLink link:
                    Csl(link.Children, math, output);
                    break;
                case LatexParagraphBreak:
                    output.Append(' ');
                    break;
            }
        }
    }

    private static bool HasUpperCase(ImmutableArray<LatexNode> nodes) => Plain(nodes, null).Any(char.IsUpper);

    private static string MathText(LatexMath formula, MathConverter? math) =>
        math?.Convert(formula.Tex, formula.Display) is { IsValid: true } result ? result.Text : FallbackText(formula.Tex);

    /// <summary>
    /// Math read without a converter, or when the converter refused it: symbol commands decoded,
    /// braces dropped, one-character scripts as Unicode (<c>\ell_1</c> gives <c>ℓ₁</c>).
    /// </summary>
    public static string FallbackText(string tex)
    {
        var output = new StringBuilder();
        for (var i = 0; i < tex.Length; i++)
        {
            var c = tex[i];
            if (c == '\\' && i + 1 < tex.Length)
            {
                var start = i + 1;
                var end = start;
                while (end < tex.Length && char.IsAsciiLetter(tex[end]))
                {
                    end++;
                }

                var name = end == start ? tex[start].ToString() : tex[start..end];
                i = (end == start ? start + 1 : end) - 1;
                if (LatexMarkup.Symbols.TryGetValue(name, out var symbol))
                {
                    output.Append(symbol);
                }
                else if (name is "sqrt")
                {
                    output.Append('√');
                }

                continue;
            }

            if (c is '^' or '_' && i + 1 < tex.Length)
            {
                var (argument, next) = tex[i + 1] == '{' && tex.IndexOf('}', i + 1) is var close and > 0
                    ? (FallbackText(tex[(i + 2)..close]), close)
                    : (tex[i + 1].ToString(), i + 1);
                output.Append(UnicodeScripts.TryWrite(argument, c == '^') ?? c + argument);
                i = next;
                continue;
            }

            if (c is not ('{' or '}' or '$'))
            {
                output.Append(c);
            }
        }

        return Collapse(output.ToString());
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
