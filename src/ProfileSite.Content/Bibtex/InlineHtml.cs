namespace ProfileSite.Content.Bibtex;

/// <summary>
/// The inline markup that reaches BibTeX values from publishers' metadata: Crossref keeps the
/// JATS face markup of titles (<c>&lt;i&gt;</c>, <c>&lt;b&gt;</c>, <c>&lt;sup&gt;</c>,
/// <c>&lt;sub&gt;</c>, <c>&lt;scp&gt;</c>, JATS 1.3 "Formatting elements") and doi.org's BibTeX
/// passes it on, with MathML (<c>&lt;mml:math&gt;</c>) now and then. Each element is read as the
/// LaTeX style it stands for; elements without one keep their text and lose their tags.
/// </summary>
internal static class InlineHtml
{
    /// <summary>The style of an element by its name (any case, a <c>jats:</c> prefix allowed), or null when it is not one we read.</summary>
    public static LatexStyle? Style(string name)
    {
        var local = name.StartsWith("jats:", StringComparison.OrdinalIgnoreCase) ? name[5..] : name;
        if (name.StartsWith("mml:", StringComparison.OrdinalIgnoreCase))
        {
            // MathML's text (mi, mn, mo) is kept; its layout is not ours to redo here.
            return LatexStyle.None;
        }

        return local.ToLowerInvariant() switch
        {
            "i" or "em" or "italic" or "cite" or "var" => LatexStyle.Italic,
            "b" or "strong" or "bold" => LatexStyle.Bold,
            "sup" => LatexStyle.Superscript,
            "sub" => LatexStyle.Subscript,
            "sc" or "scp" or "small-caps" => LatexStyle.SmallCaps,
            "tt" or "code" or "monospace" or "kbd" => LatexStyle.Monospace,
            "u" or "underline" => LatexStyle.Underline,
            "span" or "p" or "br" or "title" or "inline-formula" or "roman" or "sans-serif" or "math" or "abbr" => LatexStyle.None,
            _ => null,
        };
    }

    /// <summary>A paragraph element: its start and end break the text into paragraphs.</summary>
    public static bool IsBlock(string name) => LocalName(name) is "p" or "title";

    /// <summary>An element that has no end tag (<c>&lt;br&gt;</c>): a space.</summary>
    public static bool IsVoid(string name) => LocalName(name) is "br";

    private static string LocalName(string name) =>
        (name.StartsWith("jats:", StringComparison.OrdinalIgnoreCase) ? name[5..] : name).ToLowerInvariant();
}
