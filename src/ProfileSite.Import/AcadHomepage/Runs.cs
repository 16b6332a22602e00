using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ProfileSite.Import.Text;

namespace ProfileSite.Import.AcadHomepage;

/// <summary>How a stretch of text was set on the page; names bolded, underlined or coloured are the owner's way of marking themselves.</summary>
[Flags]
internal enum RunStyle
{
    None = 0,
    Bold = 1,
    Italic = 2,
    Underline = 4,
    Code = 8,
    Sup = 16,
    Highlight = 32,
    Title = 64,
    Badge = 128,
}

/// <summary>
/// An entry's text as one string with, per character, its style and the link it sits in:
/// what the paper parser reads titles, author lists, marks and venues from. <c>&lt;br&gt;</c> and
/// block boundaries become <c>'\n'</c>; images become <c>'\uFFFC'</c>; LaTeX marks such as
/// <c>$^\dagger$</c> become the mark itself, set as a superscript.
/// </summary>
internal sealed partial class Runs
{
    public const char ImageChar = '\uFFFC';

    private readonly StringBuilder _text = new();
    private readonly List<RunStyle> _styles = [];
    private readonly List<IElement?> _links = [];
    private readonly List<IElement?> _images = [];

    public string Text => _text.ToString();

    public int Length => _text.Length;

    public RunStyle StyleAt(int i) => _styles[i];

    public IElement? LinkAt(int i) => _links[i];

    public IElement? ImageAt(int i) => _images[i];

    public static Runs Of(IEnumerable<INode> nodes)
    {
        var runs = new Runs();
        foreach (var node in nodes)
        {
            runs.Walk(node, RunStyle.None, null, inline: false);
        }

        return runs;
    }

    public static Runs Of(INode node) => Of([node]);

    /// <summary>The text of [start, end) without images, collapsed to single spaces.</summary>
    public string Slice(int start, int end) =>
        HtmlToMarkdown.Collapse(_text.ToString(start, Math.Max(0, end - start)).Replace(ImageChar.ToString(), "", StringComparison.Ordinal).Replace('\n', ' ')).Trim();

    private void Walk(INode node, RunStyle style, IElement? link, bool inline)
    {
        switch (node)
        {
            case IText t:
                AppendText(t.Data, style, link);
                return;
            case IElement e when HtmlToMarkdown.IsNoise(e):
                return;
            case IElement e:
                WalkElement(e, style, link, inline);
                return;
        }
    }

    private void WalkElement(IElement e, RunStyle style, IElement? link, bool inline)
    {
        switch (e.LocalName)
        {
            case "br":
                Break();
                return;
            case "img":
                Append(ImageChar, style, link, e);
                return;
            case "a":
                // A script link ("show more") is an interface control, not content.
                if (e.HasAttribute("onclick") && (e.GetAttribute("href") ?? "").Trim() is "" or "#")
                {
                    return;
                }

                link = e;
                break;
        }

        if (e.ClassList.Contains("badge"))
        {
            style |= RunStyle.Badge;
        }

        style |= e.LocalName switch
        {
            "strong" or "b" => RunStyle.Bold,
            "em" or "i" or "cite" => RunStyle.Italic,
            "u" or "ins" => RunStyle.Underline,
            "code" or "kbd" => RunStyle.Code,
            "sup" => RunStyle.Sup,
            "papertitle" or "h2" or "h3" or "h4" or "h5" => RunStyle.Title,
            _ => RunStyle.None,
        };
        if (e.ClassList.Any(c => c is "title" or "paper-title" or "papertitle" or "pub-title"))
        {
            style |= RunStyle.Title;
        }

        if (IsHighlight(e))
        {
            style |= RunStyle.Highlight;
        }

        var block = HtmlToMarkdown.IsBlock(e) && !inline;
        if (block)
        {
            Break();
        }

        var childInline = inline || e.LocalName is "span" or "a" or "strong" or "b" or "em" or "i" or "font" or "u" or "sup" or "sub" or "code";
        foreach (var child in e.ChildNodes)
        {
            Walk(child, style, link, childInline);
        }

        if (block)
        {
            Break();
        }
    }

    /// <summary>Owner highlighting seen in forks: a coloured span or font, or a class naming it.</summary>
    private static bool IsHighlight(IElement e) =>
        (e.LocalName is "span" or "font" or "div" or "mark")
        && (e.HasAttribute("color") || (e.GetAttribute("style") ?? "").Contains("color", StringComparison.OrdinalIgnoreCase)
            || e.ClassList.Any(c => c.Contains("name", StringComparison.OrdinalIgnoreCase) || c.Contains("accent", StringComparison.OrdinalIgnoreCase)
                || c.Contains("highlight", StringComparison.OrdinalIgnoreCase) || c.Contains("me", StringComparison.Ordinal) && c.Length <= 4));

    private void AppendText(string data, RunStyle style, IElement? link)
    {
        var position = 0;
        foreach (Match m in LatexMark().Matches(data))
        {
            AppendPlain(data[position..m.Index], style, link);
            var mark = m.Groups["m"].Value switch
            {
                "dagger" or "†" => '†',
                "ddagger" or "‡" => '‡',
                "#" => '#',
                "§" => '§',
                "¶" => '¶',
                var written when written.StartsWith('✉') => '✉',
                _ => '*',
            };
            Append(mark, style | RunStyle.Sup, link, null);
            position = m.Index + m.Length;
        }

        AppendPlain(data[position..], style, link);
    }

    private void AppendPlain(string text, RunStyle style, IElement? link)
    {
        foreach (var c in text)
        {
            var ch = c is '\n' or '\r' or '\t' or '\u00a0' or '\u2002' or '\u2003' or '\u2009' or '\u3000' ? ' ' : c;
            if (ch == HtmlToMarkdown.LiquidMark || (ch == ' ' && _text.Length > 0 && _text[^1] is ' ' or '\n'))
            {
                continue;
            }

            Append(ch, style, link, null);
        }
    }

    private void Append(char c, RunStyle style, IElement? link, IElement? image)
    {
        _text.Append(c);
        _styles.Add(style);
        _links.Add(link);
        _images.Add(image);
    }

    private void Break()
    {
        if (_text.Length > 0 && _text[^1] != '\n')
        {
            if (_text[^1] == ' ')
            {
                _text.Length--;
                _styles.RemoveAt(_styles.Count - 1);
                _links.RemoveAt(_links.Count - 1);
                _images.RemoveAt(_images.Count - 1);
            }

            Append('\n', RunStyle.None, null, null);
        }
    }

    [GeneratedRegex(@"\$\s*\^\s*\{?\s*\\?(?<m>dagger|ddagger|\*|ast|star|\\#|#|✉\uFE0F?|†|‡|§|¶)\s*\}?\s*\$", RegexOptions.CultureInvariant)]
    private static partial Regex LatexMark();
}
