using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;

namespace ProfileSite.Import.AcadHomepage;

/// <summary>
/// Turns the page's mix of Markdown and HTML into one HTML string the way kramdown (Jekyll's
/// Markdown) does for AcadHomepage pages: an HTML block element that starts a line runs to its
/// matching close tag and stays raw HTML, blank lines and indentation inside it included, except
/// the content of an element marked <c>markdown="1"</c>, which is Markdown again; everything else is
/// Markdown, rendered by Markdig (CommonMark, which kramdown's GFM input mostly agrees with).
/// Each source line leaves a marker comment <c>&lt;!--L12--&gt;</c> where it ends outside a tag,
/// so the DOM remembers which line every element came from.
/// </summary>
internal static partial class KramdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .Build();

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "section", "article", "details", "ul", "ol", "table", "p", "h1", "h2", "h3", "h4", "h5", "h6", "center", "blockquote",
        "figure", "script", "style", "dl", "pre", "nav", "header", "footer", "aside", "main", "form", "iframe", "noscript", "video", "link", "meta", "hr", "object", "embed",
    };

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase) { "link", "meta", "hr", "embed", "br", "img", "input" };

    /// <summary>The marker left for line <paramref name="index"/> (0-based in the assembled page).</summary>
    public static string Marker(int index) => "<!--L" + index.ToString(CultureInfo.InvariantCulture) + "-->";

    /// <summary>The line number a marker comment's data names, or null for other comments.</summary>
    public static int? MarkerLine(string commentData) =>
        commentData.Length > 1 && commentData[0] == 'L' && int.TryParse(commentData.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var line) ? line : null;

    public static string ToHtml(IReadOnlyList<string> lines) => Convert(lines, 0, lines.Count, 0);

    private static string Convert(IReadOnlyList<string> lines, int from, int to, int depth)
    {
        var html = new StringBuilder();
        var markdown = new StringBuilder();
        var inFence = false;

        void Flush()
        {
            if (markdown.Length > 0)
            {
                html.Append(Markdown.ToHtml(markdown.ToString(), Pipeline)).Append('\n');
                markdown.Clear();
            }
        }

        var i = from;
        while (i < to)
        {
            var line = lines[i];
            if (Fence().IsMatch(line))
            {
                inFence = !inFence;
            }

            var open = inFence || depth > 16 ? Match.Empty : BlockStart().Match(line);
            if (open.Success && BlockElements.Contains(open.Groups["tag"].Value) && PreviousIsBoundary(lines, from, i, markdown))
            {
                Flush();
                var end = RegionEnd(lines, i, to, open.Groups["tag"].Value);
                html.Append(Region(lines, i, end, depth)).Append('\n');
                i = end + 1;
                continue;
            }

            if (!inFence && BreakInParagraph(lines, i, to) && WithoutHardBreak(line) is { } broken)
            {
                // kramdown breaks the line at a trailing "\\" or two spaces (the template's "[Title](url) \\" above
                // the authors); the line marker would hide both from Markdig, so the break is written out.
                line = broken + "<br />";
            }

            if (!inFence && BlockAttributes().IsMatch(line))
            {
                // A block attribute list on its own line ("{: .no_toc}") styles the block above it; kramdown shows nothing.
                i++;
                continue;
            }

            if (!inFence && HeaderAttributes().Match(line) is { Success: true } attributes)
            {
                // kramdown's header id "# About Me {#about-me}" (or "{: #id .class}") names the heading; it is not its text.
                line = line[..attributes.Index];
            }

            // kramdown reads "<sup>*</sup>" as a star in a superscript; CommonMark would pair the stars into emphasis.
            markdown.Append(inFence ? line : SupStar().Replace(line, m => m.Value.Replace("*", "&#42;", StringComparison.Ordinal)));
            if (!inFence && WantsMarker(line))
            {
                markdown.Append(Marker(i));
            }

            markdown.Append('\n');
            i++;
        }

        Flush();
        return html.ToString();
    }

    /// <summary>kramdown starts an HTML block after a blank line or another block, not inside a paragraph.</summary>
    private static bool PreviousIsBoundary(IReadOnlyList<string> lines, int from, int i, StringBuilder markdown)
    {
        if (i == from || markdown.Length == 0)
        {
            return true;
        }

        var previous = lines[i - 1].Trim();
        return previous.Length == 0 || previous.StartsWith('#') || previous.StartsWith('<') || previous.EndsWith('>');
    }

    /// <summary>True when line <paramref name="i"/> is paragraph text continued on the next line, where a hard break can stand.</summary>
    private static bool BreakInParagraph(IReadOnlyList<string> lines, int i, int to) =>
        i + 1 < to && lines[i + 1].Trim().Length > 0 && !lines[i].TrimStart().StartsWith('#') && !BlockMarker().IsMatch(lines[i + 1]);

    /// <summary>
    /// The line without its trailing hard break, or null when it has none: kramdown's <c>\\</c> or two spaces, and
    /// CommonMark's single <c>\</c>, which forks write meaning the same (kramdown syntax, "Line Breaks").
    /// </summary>
    private static string? WithoutHardBreak(string line)
    {
        var text = line.TrimEnd(' ', '\t');
        if (text.EndsWith('\\'))
        {
            var slashes = text.Length - text.TrimEnd('\\').Length;
            return slashes <= 2 ? text[..^slashes].TrimEnd() : null;
        }

        return line.Length - text.Length >= 2 && text.Trim().Length > 0 ? text : null;
    }

    private static bool WantsMarker(string line)
    {
        var t = line.TrimEnd();
        return t.Trim().Length > 0
            && !t.EndsWith('\\')
            // "[Paper](" with the URL on the next line: kramdown strips the space around a link's URL, so it is one
            // link; a marker between them would end it.
            && !t.EndsWith("](", StringComparison.Ordinal)
            && !SetextOrBreak().IsMatch(t)
            && !ReferenceDefinition().IsMatch(t)
            && !TableDelimiter().IsMatch(t);
    }

    /// <summary>The last line of the element opened on line <paramref name="start"/>: where its tag closes, else the next blank line.</summary>
    private static int RegionEnd(IReadOnlyList<string> lines, int start, int to, string tag)
    {
        if (VoidElements.Contains(tag))
        {
            return start;
        }

        var depth = 0;
        var opener = new Regex($@"<(/?){Regex.Escape(tag)}(?=[\s>/])[^>]*?(/?)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        for (var i = start; i < to; i++)
        {
            foreach (Match m in opener.Matches(lines[i]))
            {
                if (m.Groups[1].Value == "/")
                {
                    depth--;
                }
                else if (m.Groups[2].Value != "/")
                {
                    depth++;
                }

                if (depth <= 0)
                {
                    return i;
                }
            }
        }

        // Never closed: end it like CommonMark does, at the next blank line.
        for (var i = start; i < to; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                return Math.Max(start, i - 1);
            }
        }

        return to - 1;
    }

    /// <summary>Raw HTML lines [start, end], with the content of <c>markdown="1"</c> elements converted again.</summary>
    private static string Region(IReadOnlyList<string> lines, int start, int end, int depth)
    {
        var html = new StringBuilder();
        var inTag = false;
        var i = start;
        while (i <= end)
        {
            var line = lines[i];
            var markdownOpen = MarkdownAttribute().Match(line);
            if (markdownOpen.Success && !line[(markdownOpen.Index + markdownOpen.Length)..].Contains('<', StringComparison.Ordinal))
            {
                var tag = markdownOpen.Groups["tag"].Value;
                var close = RegionEnd(lines, i, end + 1, tag);
                var openTag = line[..(markdownOpen.Index + markdownOpen.Length)];
                html.Append(MarkdownAttributeOnly().Replace(openTag, "")).Append(Marker(i)).Append('\n');
                if (close > i)
                {
                    html.Append(Convert(lines, i + 1, close, depth + 1));
                    html.Append(lines[close]).Append(Marker(close)).Append('\n');
                    i = close + 1;
                }
                else
                {
                    i++;
                }

                continue;
            }

            html.Append(line);
            inTag = EndsInsideTag(line, inTag);
            if (!inTag && line.Trim().Length > 0)
            {
                html.Append(Marker(i));
            }

            html.Append('\n');
            i++;
        }

        return html.ToString();
    }

    private static bool EndsInsideTag(string line, bool inTag)
    {
        var quote = '\0';
        foreach (var c in line)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (inTag && c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
            }
        }

        return inTag || quote != '\0';
    }

    /// <summary>A line that starts a new block rather than continuing a paragraph: a list item, heading, quote or fence.</summary>
    /// <summary>kramdown's header id or attribute list ending an ATX heading: <c>{#id}</c>, <c>{: #id .class}</c>
    /// (kramdown syntax, "Specifying a Header ID" and "Inline Attribute Lists").</summary>
    [GeneratedRegex(@"(?<=^ {0,3}#{1,6}[ \t].*?)[ \t]*\{(:[^{}]*|#[A-Za-z][\w:.-]*([ \t][^{}]*)?)\}[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderAttributes();

    /// <summary>A block inline attribute list alone on its line: <c>{: .class #id key="value"}</c> (kramdown syntax,
    /// "Block Inline Attribute Lists"); <c>{::options}</c> extensions too.</summary>
    [GeneratedRegex(@"^ {0,3}\{:[^{}]*\}[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BlockAttributes();

    [GeneratedRegex(@"^\s{0,3}([-*+]\s|\d{1,3}[.)]\s|#|>|```|~~~)", RegexOptions.CultureInvariant)]
    private static partial Regex BlockMarker();

    [GeneratedRegex(@"<sup>[^<]*</sup>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SupStar();

    [GeneratedRegex(@"^\s{0,8}<(?<tag>[a-zA-Z][a-zA-Z0-9]*)(?=[\s>/]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"<(?<tag>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*\bmarkdown\s*=\s*[""']?(1|block|span)[""']?[^>]*>\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownAttribute();

    [GeneratedRegex(@"\s+markdown\s*=\s*[""']?(1|block|span)[""']?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownAttributeOnly();

    [GeneratedRegex(@"^\s{0,3}(`{3,}|~{3,})", RegexOptions.CultureInvariant)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s{0,3}(=+|-+|\*+|_+|(\*\s*){3,}|(-\s*){3,})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SetextOrBreak();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TableDelimiter();
}
