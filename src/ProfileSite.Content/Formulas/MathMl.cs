using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ProfileSite.Content.Formulas;

/// <summary>
/// MathML as Temml writes it, made fit for our pages (no <c>style</c> attributes, which a strict
/// CSP refuses) and read back as plain Unicode for places that take text only: <c>&lt;title&gt;</c>,
/// <c>citation_*</c> tags, Atom titles, generated keys. Scripts become Unicode super- and
/// subscripts where every character has one (<c>ℓ₁</c>, <c>μ⁺</c>), else <c>x_(ab)</c>; fractions
/// <c>a/b</c>; roots <c>√s</c>; accents combining marks (<c>x̂</c>).
/// </summary>
public static partial class MathMl
{
    // Accents Temml writes as <mover accent="true"> and the combining mark each becomes.
    private static readonly FrozenDictionary<string, char> Accents = new Dictionary<string, char>
    {
        ["^"] = '\u0302', ["ˆ"] = '\u0302', ["¯"] = '\u0304', ["‾"] = '\u0304', ["→"] = '\u20d7', ["⃗"] = '\u20d7',
        ["~"] = '\u0303', ["˜"] = '\u0303', ["˙"] = '\u0307', ["¨"] = '\u0308', ["ˇ"] = '\u030c', ["˘"] = '\u0306',
        ["´"] = '\u0301', ["`"] = '\u0300', ["˚"] = '\u030a',
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Operators written with a space either side in running text: relations and arrows.
    private static readonly FrozenSet<string> SpacedOperators = new[]
    {
        "=", "≠", "<", ">", "≤", "≥", "≈", "≃", "≅", "∼", "≡", "∝", "≪", "≫", "∈", "∉", "⊂", "⊆", "⊃", "⊇",
        "→", "←", "↔", "⇒", "⇐", "⇔", "⟶", "⟵", "⟷", "⟹", "⟸", "⟺", "↦", "⟼", "≺", "≻", "⪯", "⪰", "∣", "∥", ":=", "≔",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Drops <c>style</c> attributes (a strict CSP refuses them and the console says so) and marks display math with <c>display="block"</c>, which MathML Core lays out the same way.</summary>
    public static string Sanitize(string mathMl, bool display)
    {
        var clean = StyleAttribute().Replace(mathMl, "");
        if (display && !clean.Contains("display=\"block\"", StringComparison.Ordinal))
        {
            clean = clean.Replace("<math", "<math display=\"block\"", StringComparison.Ordinal);
        }

        return clean;
    }

    /// <summary>A <c>&lt;math&gt;</c> element as readable Unicode text; its text content when it is not well-formed XML.</summary>
    public static string ToText(string mathMl)
    {
        XElement root;
        try
        {
            root = XElement.Parse(mathMl, LoadOptions.PreserveWhitespace);
        }
        catch (System.Xml.XmlException)
        {
            return Collapse(WebUtilityDecode(TagPattern().Replace(mathMl, "")));
        }

        return Collapse(Text(root, inScript: false)).Replace('ϕ', 'φ');
    }

    /// <summary>Replaces every <c>&lt;math&gt;...&lt;/math&gt;</c> in an HTML fragment by its Unicode text (HTML-escaped), so stripping tags afterwards leaves readable text.</summary>
    public static string ReplaceWithText(string html) =>
        html.Contains("<math", StringComparison.Ordinal)
            ? MathElement().Replace(html, m => System.Net.WebUtility.HtmlEncode(ToText(m.Value)))
            : html;

    private static string Text(XElement element, bool inScript)
    {
        var name = element.Name.LocalName;
        var children = element.Elements().ToList();
        switch (name)
        {
            case "annotation" or "annotation-xml":
                return "";
            case "mi" or "mn" or "mtext" or "ms":
                return element.Value;
            case "mo":
                var op = element.Value;
                if (op is "\u2061" or "\u2062" or "\u2063" or "\u2064")
                {
                    return "";
                }

                return !inScript && SpacedOperators.Contains(op) ? $" {op} " : op;
            case "mspace":
                return Width(element.Attribute("width")?.Value) > 0.1 ? " " : "";
            case "msub" when children.Count == 2:
                return Text(children[0], inScript) + Script(children[1], UnicodeScripts.Sub, "_");
            case "msup" when children.Count == 2:
                return Text(children[0], inScript) + Script(children[1], UnicodeScripts.Super, "^");
            case "msubsup" when children.Count == 3:
                return Text(children[0], inScript) + Script(children[2], UnicodeScripts.Super, "^") + Script(children[1], UnicodeScripts.Sub, "_");
            case "munder" when children.Count == 2:
                return Text(children[0], inScript) + Under(children[1]);
            case "mover" when children.Count == 2:
                return Over(children[0], children[1], inScript);
            case "munderover" when children.Count == 3:
                return Text(children[0], inScript) + Script(children[2], UnicodeScripts.Super, "^") + Script(children[1], UnicodeScripts.Sub, "_");
            case "mfrac" when children.Count == 2:
                return Grouped(Text(children[0], true)) + "/" + Grouped(Text(children[1], true));
            case "msqrt":
                return "√" + Grouped(string.Concat(children.Select(c => Text(c, true))));
            case "mroot" when children.Count == 2:
                var index = Text(children[1], true);
                var radical = index switch { "3" => "∛", "4" => "∜", _ => Script(children[1], UnicodeScripts.Super, "^") + "√" };
                return radical + Grouped(Text(children[0], true));
            case "mtable":
                return string.Join("; ", children.Select(row => Text(row, inScript).Trim()));
            case "mtr" or "mlabeledtr":
                return Cells([.. row(children)]);
            default:
                return string.Concat(children.Select(c => Text(c, inScript)));
        }

        IEnumerable<string> row(List<XElement> cells) => cells.Select(c => Text(c, inScript).Trim());
    }

    /// <summary>
    /// A table row's cells: a matrix's with commas (<c>a, b</c>); an alignment's (<c>a &amp;= b</c>,
    /// where a cell starts with a relation) as the one expression they are (<c>a = b</c>).
    /// </summary>
    private static string Cells(List<string> cells)
    {
        var text = new StringBuilder();
        foreach (var cell in cells.Where(c => c.Length > 0))
        {
            if (text.Length > 0)
            {
                text.Append(SpacedOperators.Any(op => cell.StartsWith(op, StringComparison.Ordinal)) ? " " : ", ");
            }

            text.Append(cell);
        }

        return text.ToString();
    }

    private static string Over(XElement body, XElement over, bool inScript)
    {
        var mark = over.Value;
        var text = Text(body, inScript);
        if (Accents.TryGetValue(mark, out var combining) && text.Length > 0)
        {
            // The mark goes on the last character: \hat{x} gives x̂, \vec{AB} gives AB⃗; precomposed where Unicode has it (Õ).
            return Bibtex.LatinLetters.Compose(text[^1], combining) is { } composed ? text[..^1] + composed : text + combining;
        }

        return text + Script(over, UnicodeScripts.Super, "^");
    }

    private static string Under(XElement under)
    {
        var mark = under.Value;
        return mark is "_" or "‾" or "¯" ? "" : Script(under, UnicodeScripts.Sub, "_");
    }

    /// <summary>A super- or subscript in Unicode when every character has a form, else <c>^x</c> / <c>_(ab)</c>.</summary>
    private static string Script(XElement script, FrozenDictionary<char, char> forms, string marker)
    {
        var text = Text(script, inScript: true).Trim();
        if (text.Length == 0)
        {
            return "";
        }

        if (text == "′" || text == "″" || text == "‴")
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!forms.TryGetValue(c, out var form))
            {
                // Always in parentheses, so "k_(B)T" does not read as a subscript "BT".
                return $"{marker}({text})";
            }

            builder.Append(form);
        }

        return builder.ToString();
    }

    /// <summary>A MathML length in em (<c>0.1667em</c>, <c>3pt</c>); 0 when it cannot be read.</summary>
    private static double Width(string? length)
    {
        if (string.IsNullOrEmpty(length))
        {
            return 0;
        }

        var number = new string([.. length.TakeWhile(c => char.IsAsciiDigit(c) || c is '.' or '-')]);
        if (!double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return 0;
        }

        return length.EndsWith("pt", StringComparison.Ordinal) ? value / 10 : length.EndsWith("mu", StringComparison.Ordinal) ? value / 18 : value;
    }

    /// <summary>Parentheses around what is more than one symbol: <c>(a+b)/2</c>, <c>√(xy)</c>.</summary>
    private static string Grouped(string text)
    {
        var trimmed = text.Trim();
        var single = trimmed.EnumerateRunes().Count() == 1
            || trimmed.All(char.IsAsciiDigit)
            || trimmed.All(char.IsAsciiLetter) && trimmed.Length <= 1;
        return single || (trimmed.StartsWith('(') && trimmed.EndsWith(')')) ? trimmed : $"({trimmed})";
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    private static string WebUtilityDecode(string text) => System.Net.WebUtility.HtmlDecode(text);

    [GeneratedRegex("""\s+style="[^"]*"|\s+style='[^']*'""")]
    private static partial Regex StyleAttribute();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("<math[\\s>].*?</math>", RegexOptions.Singleline)]
    private static partial Regex MathElement();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>Unicode's superscript and subscript characters (U+2070-U+209F, modifier letters), for plain-text math.</summary>
internal static class UnicodeScripts
{
    private const string Superscripts = "0⁰1¹2²3³4⁴5⁵6⁶7⁷8⁸9⁹+⁺-⁻−⁻=⁼(⁽)⁾a\u1d43b\u1d47c\u1d9cd\u1d48e\u1d49f\u1da0g\u1d4dh\u02b0i\u2071j\u02b2k\u1d4fl\u02e1m\u1d50n\u207fo\u1d52p\u1d56r\u02b3s\u02e2t\u1d57u\u1d58v\u1d5bw\u02b7x\u02e3y\u02b8z\u1dbbA\u1d2cB\u1d2eD\u1d30E\u1d31G\u1d33H\u1d34I\u1d35J\u1d36K\u1d37L\u1d38M\u1d39N\u1d3aO\u1d3cP\u1d3eR\u1d3fT\u1d40U\u1d41V\u2c7dW\u1d42β\u1d5dγ\u1d5eδ\u1d5fφ\u1d60χ\u1d61θ\u1dbf";

    private const string Subscripts = "0₀1₁2₂3₃4₄5₅6₆7₇8₈9₉+₊-₋−₋=₌(₍)₎a\u2090e\u2091h\u2095i\u1d62j\u2c7ck\u2096l\u2097m\u2098n\u2099o\u2092p\u209ar\u1d63s\u209bt\u209cu\u1d64v\u1d65x\u2093β\u1d66γ\u1d67ρ\u1d68φ\u1d69χ\u1d6a";

    public static readonly FrozenDictionary<char, char> Super = Pairs(Superscripts);
    public static readonly FrozenDictionary<char, char> Sub = Pairs(Subscripts);

    /// <summary>The text in super- or subscript characters when every character has one (<c>2</c> gives <c>²</c>), else null.</summary>
    public static string? TryWrite(string text, bool superscript)
    {
        var forms = superscript ? Super : Sub;
        if (text.Length == 0)
        {
            return null;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!forms.TryGetValue(c, out var form))
            {
                return null;
            }

            builder.Append(form);
        }

        return builder.ToString();
    }

    private static FrozenDictionary<char, char> Pairs(string table)
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < table.Length; i += 2)
        {
            map.TryAdd(table[i], table[i + 1]);
        }

        return map.ToFrozenDictionary();
    }
}
