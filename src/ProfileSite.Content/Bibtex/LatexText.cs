using System.Collections.Frozen;
using System.Text;

namespace ProfileSite.Content.Bibtex;

/// <summary>
/// LaTeX as found in BibTeX values, to and from plain Unicode: accents (<c>{\"u}</c>, <c>\'e</c>,
/// <c>\v{c}</c>), special letters (<c>\ss</c>, <c>\o</c>), escaped specials (<c>\&amp;</c>,
/// <c>\%</c>), dashes (<c>--</c>), ties (<c>~</c>), quotes and font commands (<c>\emph{..}</c>).
/// </summary>
public static class LatexText
{
    // Accent commands and the combining mark each adds to its argument.
    private static readonly FrozenDictionary<string, char> Accents = new Dictionary<string, char>
    {
        ["`"] = '\u0300', ["'"] = '\u0301', ["^"] = '\u0302', ["~"] = '\u0303', ["="] = '\u0304',
        ["u"] = '\u0306', ["."] = '\u0307', ["\""] = '\u0308', ["r"] = '\u030A', ["H"] = '\u030B',
        ["v"] = '\u030C', ["d"] = '\u0323', ["c"] = '\u0327', ["k"] = '\u0328', ["b"] = '\u0331',
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Symbols = new Dictionary<string, string>
    {
        ["&"] = "&", ["%"] = "%", ["$"] = "$", ["#"] = "#", ["_"] = "_", ["{"] = "{", ["}"] = "}",
        [" "] = " ", ["\\"] = " ", [","] = "\u2009", [";"] = " ", ["/"] = "", ["-"] = "",
        ["ss"] = "ß", ["o"] = "ø", ["O"] = "Ø", ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ",
        ["aa"] = "å", ["AA"] = "Å", ["l"] = "ł", ["L"] = "Ł", ["i"] = "ı", ["j"] = "ȷ", ["dh"] = "ð", ["DH"] = "Ð",
        ["th"] = "þ", ["TH"] = "Þ", ["ng"] = "ŋ", ["NG"] = "Ŋ",
        ["textendash"] = "–", ["textemdash"] = "—", ["textasciitilde"] = "~", ["textasciicircum"] = "^",
        ["textbackslash"] = "\\", ["textquoteleft"] = "‘", ["textquoteright"] = "’", ["textquotedblleft"] = "“",
        ["textquotedblright"] = "”", ["textbar"] = "|", ["textless"] = "<", ["textgreater"] = ">",
        ["textunderscore"] = "_", ["textdagger"] = "†", ["dag"] = "†", ["textdaggerdbl"] = "‡", ["ddag"] = "‡",
        ["S"] = "§", ["P"] = "¶", ["copyright"] = "©", ["textregistered"] = "®", ["texttrademark"] = "™",
        ["euro"] = "€", ["pounds"] = "£", ["ldots"] = "…", ["dots"] = "…", ["textellipsis"] = "…",
        ["LaTeX"] = "LaTeX", ["TeX"] = "TeX", ["BibTeX"] = "BibTeX", ["guillemotleft"] = "«", ["guillemotright"] = "»",
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ε", ["lambda"] = "λ",
        ["mu"] = "μ", ["pi"] = "π", ["sigma"] = "σ", ["theta"] = "θ", ["ell"] = "ℓ", ["infty"] = "∞",
        ["times"] = "×", ["cdot"] = "·", ["pm"] = "±", ["leq"] = "≤", ["geq"] = "≥", ["to"] = "→",
        ["em"] = "", ["it"] = "", ["bf"] = "", ["sc"] = "", ["rm"] = "", ["sf"] = "", ["tt"] = "", ["relax"] = "",
        ["protect"] = "", ["noopsort"] = "", ["hskip"] = "", ["xspace"] = "",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Commands whose argument is kept as text (the formatting is dropped).
    private static readonly FrozenSet<string> TextCommands = new[]
    {
        "emph", "textit", "textbf", "textsc", "texttt", "textrm", "textsf", "textsl", "textup", "textnormal",
        "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathcal", "mathbb", "text", "mbox", "hbox", "url",
        "uppercase", "lowercase", "MakeUppercase", "MakeLowercase", "ensuremath", "textsuperscript", "textsubscript",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Decodes a LaTeX value to plain Unicode text with single spaces.</summary>
    public static string ToUnicode(string latex)
    {
        if (string.IsNullOrEmpty(latex))
        {
            return "";
        }

        var output = new StringBuilder(latex.Length);
        Decode(latex, output);
        return Collapse(output.ToString());
    }

    private static void Decode(string s, StringBuilder output)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '{' or '}' or '$':
                    // Grouping and math shifts carry no text.
                    break;
                case '~':
                    output.Append('\u00A0');
                    break;
                case '-' when Next(s, i) == '-':
                    if (Next(s, i + 1) == '-')
                    {
                        output.Append('—');
                        i += 2;
                    }
                    else
                    {
                        output.Append('–');
                        i++;
                    }

                    break;
                case '`' when Next(s, i) == '`':
                    output.Append('“');
                    i++;
                    break;
                case '\'' when Next(s, i) == '\'':
                    output.Append('”');
                    i++;
                    break;
                case '\\':
                    i = Command(s, i, output);
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }
    }

    /// <summary>Decodes the command at <paramref name="i"/> (a backslash); returns the index of its last character.</summary>
    private static int Command(string s, int i, StringBuilder output)
    {
        if (i + 1 >= s.Length)
        {
            return i;
        }

        string name;
        var end = i + 1;
        if (char.IsAsciiLetter(s[end]))
        {
            while (end < s.Length && char.IsAsciiLetter(s[end]))
            {
                end++;
            }

            name = s[(i + 1)..end];
        }
        else
        {
            name = s[end].ToString();
            end++;
        }

        if (Accents.TryGetValue(name, out var mark))
        {
            var (argument, next) = Argument(s, end, letterCommand: char.IsAsciiLetter(name[0]));
            if (argument is not null)
            {
                var decoded = new StringBuilder();
                Decode(argument, decoded);
                // A dotless i or j under an accent is how LaTeX writes í; Unicode wants the plain letter.
                var text = decoded.ToString().Replace('ı', 'i').Replace('ȷ', 'j');
                // The mark goes on the first letter: {\"u} and \"{u} and \"u all give ü.
                if (text.Length == 0)
                {
                    output.Append(mark);
                }
                else if (LatinLetters.Compose(text[0], mark) is { } composed)
                {
                    output.Append(composed).Append(text.AsSpan(1));
                }
                else
                {
                    output.Append(text[0]).Append(mark).Append(text.AsSpan(1));
                }

                return next - 1;
            }
        }

        if (TextCommands.Contains(name))
        {
            var (argument, next) = Argument(s, end, letterCommand: true);
            if (argument is not null)
            {
                Decode(argument, output);
                return next - 1;
            }
        }

        if (name == "href")
        {
            var (_, afterUrl) = Argument(s, end, letterCommand: true);
            var (text, next) = Argument(s, afterUrl, letterCommand: true);
            if (text is not null)
            {
                Decode(text, output);
                return next - 1;
            }
        }

        if (Symbols.TryGetValue(name, out var symbol))
        {
            output.Append(symbol);
            // A letter command eats the spaces after it (\ss a -> ßa); "\ss{}" ends it explicitly.
            if (char.IsAsciiLetter(name[0]))
            {
                if (Peek(s, end) == '{' && Peek(s, end + 1) == '}')
                {
                    return end + 1;
                }

                while (end < s.Length && s[end] is ' ')
                {
                    end++;
                }
            }

            return end - 1;
        }

        // Unknown command: keep its name so nothing silently disappears.
        output.Append(name);
        return end - 1;
    }

    /// <summary>The argument of a command: a braced group, a command like <c>\i</c>, or one character.</summary>
    private static (string? Argument, int Next) Argument(string s, int start, bool letterCommand)
    {
        var i = start;
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        if (i >= s.Length || (!letterCommand && i > start && s[i] != '{'))
        {
            return (null, start);
        }

        if (s[i] == '{')
        {
            var depth = 0;
            for (var j = i; j < s.Length; j++)
            {
                if (s[j] == '\\')
                {
                    j++;
                    continue;
                }

                if (s[j] == '{')
                {
                    depth++;
                }
                else if (s[j] == '}' && --depth == 0)
                {
                    return (s[(i + 1)..j], j + 1);
                }
            }

            return (s[(i + 1)..], s.Length);
        }

        if (s[i] == '\\' && i + 1 < s.Length && char.IsAsciiLetter(s[i + 1]))
        {
            var j = i + 1;
            while (j < s.Length && char.IsAsciiLetter(s[j]))
            {
                j++;
            }

            return (s[i..j], j);
        }

        return s[i] == '}' ? (null, start) : (s[i].ToString(), i + 1);
    }

    private static char Next(string s, int i) => i + 1 < s.Length ? s[i + 1] : '\0';

    private static char Peek(string s, int i) => i < s.Length ? s[i] : '\0';

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
}
