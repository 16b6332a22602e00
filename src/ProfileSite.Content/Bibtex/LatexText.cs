using System.Text;

namespace ProfileSite.Content.Bibtex;

/// <summary>
/// LaTeX as found in BibTeX values, to and from plain Unicode: <see cref="ToUnicode"/> reads a
/// value through <see cref="LatexMarkup"/> (accents, special letters, text commands, dashes, ties,
/// quotes; math decoded symbol by symbol), <see cref="Verbatim"/> reads biblatex's verbatim fields
/// (url, doi, eprint), and <see cref="Escape"/> writes plain text back as a BibTeX value.
/// </summary>
public static class LatexText
{
    /// <summary>Decodes a LaTeX value to plain Unicode text with single spaces.</summary>
    public static string ToUnicode(string latex) =>
        string.IsNullOrEmpty(latex) ? "" : LatexRender.Plain(LatexMarkup.Parse(latex).Nodes, null);

    /// <summary>
    /// A verbatim field (biblatex manual §2.2.1 "verbatim": <c>url</c>, <c>doi</c>, <c>eprint</c>):
    /// taken as written, except the escapes exporters add anyway (<c>\_</c>, <c>\%</c>,
    /// <c>{\textunderscore}</c>) and braces; whitespace (a line break in a long URL) is dropped.
    /// </summary>
    public static string Verbatim(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\\' && i + 1 < raw.Length)
            {
                if (raw[i + 1] is '_' or '%' or '&' or '#' or '$' or '~' or '{' or '}')
                {
                    builder.Append(raw[++i]);
                    continue;
                }

                foreach (var (name, text) in new[] { ("textunderscore", "_"), ("textasciitilde", "~"), ("textbackslash", "\\"), ("slash", "/") })
                {
                    if (string.CompareOrdinal(raw, i + 1, name, 0, name.Length) == 0)
                    {
                        builder.Append(text);
                        i += name.Length;
                        break;
                    }
                }

                continue;
            }

            if (c is '{' or '}' || char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Escapes plain text for a BibTeX value: LaTeX specials become commands, braces are escaped,
    /// everything else (including non-ASCII letters) stays as UTF-8.
    /// </summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&' or '%' or '$' or '#' or '_' or '{' or '}':
                    builder.Append('\\').Append(c);
                    break;
                case '\\':
                    builder.Append("\\textbackslash{}");
                    break;
                case '~':
                    builder.Append("\\textasciitilde{}");
                    break;
                case '^':
                    builder.Append("\\textasciicircum{}");
                    break;
                case '\u00A0':
                    builder.Append('~');
                    break;
                case '-' when Next(text, i) == '-':
                    // Keep a literal double hyphen from turning into a dash.
                    builder.Append("-{}");
                    break;
                case '`' or '\'' when Next(text, i) == c:
                    builder.Append(c).Append("{}");
                    break;
                case '\n' or '\r' or '\t':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static char Next(string s, int i) => i + 1 < s.Length ? s[i + 1] : '\0';
}
