using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ProfileSite.Content.Markdown;

/// <summary>A link or image in Markdown that the page must not carry, with its 1-based position in the text.</summary>
/// <param name="Line">1-based line in the Markdown text.</param>
/// <param name="Column">1-based column in the Markdown text.</param>
/// <param name="Message">What is wrong and what is expected.</param>
/// <param name="Unrenderable">True when the text cannot be rendered at all (nested beyond Markdig's limit).</param>
public sealed record MarkdownLinkProblem(int Line, int Column, string Message, bool Unrenderable = false);

/// <summary>
/// Checks the links and images written in Markdown: a link goes to an absolute http(s) or
/// mailto: URL or to a path on this site (<c>/cv.pdf</c>, <c>#news</c>); an image is a path
/// under the web root, since the page loads nothing from other hosts.
/// </summary>
public static class MarkdownLinks
{
    private const string TooDeep = "Markdown nested too deeply to render; simplify the nesting of quotes, lists, brackets or emphasis";

    public static IReadOnlyList<MarkdownLinkProblem> Problems(string markdown)
    {
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, MarkdownRenderer.Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses absurd nesting (thousands of '>' or '[') rather than overflow its stack.
            var (line, column) = NestingStart(markdown);
            return [new MarkdownLinkProblem(line, column, TooDeep, Unrenderable: true)];
        }

        var problems = new List<MarkdownLinkProblem>();
        foreach (var inline in document.Descendants<Inline>())
        {
            var (url, isImage) = inline switch
            {
                LinkInline link => (link.Url, link.IsImage),
                AutolinkInline auto when !auto.IsEmail => (auto.Url, false),
                _ => (null, false),
            };
            if (url is null || Check(url.Trim(), isImage) is not { } message)
            {
                continue;
            }

            problems.Add(new MarkdownLinkProblem(inline.Line + 1, inline.Column + 1, message));
        }

        return problems;
    }

    /// <summary>
    /// Where nesting that Markdig refuses starts, as 1-based line and column: the first run of
    /// <see cref="NestingRun"/> or more nesting marks (<c>&gt;</c>, <c>[</c>, <c>(</c>, list markers, emphasis,
    /// in any mix, spaces between) on one line; 1:1 when no such run is found. Markdig stops at about 100 levels.
    /// </summary>
    public static (int Line, int Column) NestingStart(string markdown)
    {
        var lines = markdown.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            for (var i = 0; i < line.Length; i++)
            {
                if (!IsNestingMark(line[i]))
                {
                    continue;
                }

                int count = 0, j = i;
                for (; j < line.Length && (IsNestingMark(line[j]) || line[j] == ' '); j++)
                {
                    count += line[j] == ' ' ? 0 : 1;
                }

                if (count >= NestingRun)
                {
                    return (n + 1, i + 1);
                }

                i = j - 1;
            }
        }

        return (1, 1);
    }

    private static bool IsNestingMark(char c) => c is '>' or '[' or '(' or '-' or '*' or '+' or '_' or '~' or '<';

    private const int NestingRun = 50;

    /// <summary>Null when <paramref name="url"/> is acceptable, else what is wrong with it.</summary>
    public static string? Check(string url, bool isImage)
    {
        if (url.Length == 0)
        {
            return null;
        }

        var hasScheme = HasScheme(url);
        if (isImage)
        {
            return hasScheme || url.StartsWith("//", StringComparison.Ordinal)
                ? $"image '{url}' must be a path under the web root like images/figure.png: the page loads nothing from other hosts"
                : null;
        }

        if (!hasScheme && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return null; // a path or anchor on this site
        }

        return LinkKind.IsAbsoluteHttpUrl(url) || IsMailto(url)
            ? null
            : $"link '{url}' must be an absolute http(s) or mailto: URL, or a path on this site";
    }

    private static bool IsMailto(string url) =>
        url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && url.Length > "mailto:".Length;

    /// <summary>True for <c>scheme:...</c> as RFC 3986 spells a scheme (a letter, then letters, digits, + . -).</summary>
    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(url[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(url[i]) || url[i] is '+' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
