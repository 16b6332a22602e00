using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ProfileSite.Import.Text;

/// <summary>What the converter does with a link or image target it met; the reader decides (copy, drop, keep).</summary>
internal interface IResourceResolver
{
    /// <summary>The target to write for a link, or null to keep only the link's text.</summary>
    string? Link(string href, IElement element);

    /// <summary>The web-root path to write for an image, or null to leave the image out.</summary>
    string? Image(string src, IElement element);
}

/// <summary>
/// Turns an HTML fragment (AngleSharp nodes) into the Markdown the content contract holds:
/// <c>**bold**</c>, <c>*italic*</c>, links, images, lists, with everything the page may not
/// carry left out: scripts, styles, icon fonts, <c>style=""</c>, <c>&lt;font&gt;</c>. Superscripts
/// stay as <c>&lt;sup&gt;</c>, which the contract's Markdown allows.
/// </summary>
internal sealed partial class HtmlToMarkdown(IResourceResolver resources)
{
    /// <summary>Replaces Liquid output the importer could not evaluate; text holding it is dropped.</summary>
    public const char LiquidMark = '\uE000';

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "link", "meta", "noscript", "iframe", "svg", "button", "input", "form", "template", "object", "embed", "canvas", "video", "audio", "head", "title",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "details", "summary", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "tr", "td", "th", "thead", "tbody", "pre", "hr", "center", "figure", "figcaption", "header", "footer", "main", "aside", "nav", "dl", "dt", "dd", "body",
    };

    public static bool IsBlock(INode node) => node is IElement e && BlockTags.Contains(e.LocalName);

    /// <summary>True for elements that never carry content: scripts, styles, icon-font <c>&lt;i class="fa ..."&gt;</c>.</summary>
    public static bool IsNoise(INode node) =>
        node is IElement e && (Dropped.Contains(e.LocalName) || IsIcon(e) || IsHidden(e));

    /// <summary>Shown only by a script (<c>style="display:none"</c>, <c>hidden</c>): not part of the page a visitor reads.</summary>
    private static bool IsHidden(IElement e) =>
        e.HasAttribute("hidden") || (e.GetAttribute("style") ?? "").Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase);

    public static bool IsIcon(IElement e) =>
        (e.LocalName is "i" or "span") && e.ClassList.Any(c => c.StartsWith("fa", StringComparison.Ordinal) || c.StartsWith("ai", StringComparison.Ordinal) || c.StartsWith("bi", StringComparison.Ordinal) || c.Contains("icon", StringComparison.Ordinal))
        && string.IsNullOrWhiteSpace(e.TextContent);

    /// <summary>One line of Markdown for the nodes: line breaks and blocks become spaces.</summary>
    public string Inline(IEnumerable<INode> nodes)
    {
        var text = new StringBuilder();
        foreach (var node in nodes)
        {
            AppendInline(text, node);
        }

        return Tidy(text.ToString());
    }

    public string Inline(INode node) => Inline([node]);

    /// <summary>Markdown paragraphs, lists and headings for block content (the About text).</summary>
    /// <param name="nodes">Block and inline nodes, in order.</param>
    /// <param name="headingShift">Added to each heading level, so the page's own section heading stays the only h2.</param>
    public string Blocks(IEnumerable<INode> nodes, int headingShift = 1)
    {
        var blocks = new List<string>();
        AppendBlocks(blocks, nodes, headingShift);
        return string.Join("\n\n", blocks.Where(b => b.Trim().Length > 0)).Trim();
    }

    private void AppendBlocks(List<string> blocks, IEnumerable<INode> nodes, int headingShift)
    {
        var inline = new List<INode>();
        void Flush()
        {
            if (inline.Count > 0)
            {
                var line = Inline(inline);
                if (line.Length > 0)
                {
                    blocks.Add(line);
                }

                inline.Clear();
            }
        }

        foreach (var node in nodes)
        {
            if (IsNoise(node) || node is IComment)
            {
                continue;
            }

            if (node is IElement e && e.LocalName == "br")
            {
                Flush();
                continue;
            }

            if (!IsBlock(node))
            {
                inline.Add(node);
                continue;
            }

            Flush();
            var element = (IElement)node;
            switch (element.LocalName)
            {
                case "ul":
                case "ol":
                    blocks.Add(List(element, 0));
                    break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    var level = Math.Min(6, element.LocalName[1] - '0' + headingShift);
                    var heading = Inline(element.ChildNodes);
                    if (heading.Length > 0)
                    {
                        blocks.Add(new string('#', level) + " " + heading);
                    }

                    break;
                case "blockquote":
                    var quoted = Blocks(element.ChildNodes, headingShift);
                    if (quoted.Length > 0)
                    {
                        blocks.Add(string.Join("\n", quoted.Split('\n').Select(l => "> " + l)));
                    }

                    break;
                case "pre":
                    blocks.Add("```\n" + element.TextContent.TrimEnd() + "\n```");
                    break;
                case "hr":
                    break;
                case "p" or "summary" or "dt" or "dd" or "figcaption" or "td" or "th":
                    var paragraph = Inline(element.ChildNodes);
                    if (paragraph.Length > 0)
                    {
                        blocks.Add(paragraph);
                    }

                    break;
                default:
                    AppendBlocks(blocks, element.ChildNodes, headingShift);
                    break;
            }
        }

        Flush();
    }

    private string List(IElement list, int depth)
    {
        var lines = new List<string>();
        var number = 1;
        foreach (var item in list.Children.Where(c => c.LocalName == "li"))
        {
            var marker = list.LocalName == "ol" ? $"{number++}." : "-";
            var own = Inline(item.ChildNodes.Where(n => n is not IElement { LocalName: "ul" or "ol" }));
            if (own.Length > 0)
            {
                lines.Add(new string(' ', depth * 3) + marker + " " + own);
            }

            foreach (var nested in item.Children.Where(c => c.LocalName is "ul" or "ol"))
            {
                lines.Add(List(nested, depth + 1));
            }
        }

        return string.Join("\n", lines.Where(l => l.Trim().Length > 0));
    }

    private void AppendInline(StringBuilder text, INode node)
    {
        switch (node)
        {
            case IText t:
                text.Append(Escape(t.Data));
                return;
            case IComment:
                return;
            case IElement e when IsNoise(e):
                return;
            case IElement e:
                AppendElement(text, e);
                return;
        }
    }

    private void AppendElement(StringBuilder text, IElement e)
    {
        switch (e.LocalName)
        {
            case "br":
            case "hr":
                text.Append(' ');
                return;
            case "strong" or "b":
                Wrap(text, "**", e);
                return;
            case "em" or "i" or "cite":
                Wrap(text, "*", e);
                return;
            case "del" or "s" or "strike":
                Wrap(text, "~~", e);
                return;
            case "code" or "kbd" or "tt":
                var code = Collapse(e.TextContent).Trim();
                if (code.Length > 0)
                {
                    var fence = code.Contains('`', StringComparison.Ordinal) ? "`` " : "`";
                    text.Append(fence).Append(code).Append(fence.Trim() == "``" ? " ``" : "`");
                }

                return;
            case "sup" or "sub":
                var inner = Inline(e.ChildNodes);
                if (inner.Length > 0)
                {
                    text.Append('<').Append(e.LocalName).Append('>').Append(inner).Append("</").Append(e.LocalName).Append('>');
                }

                return;
            case "img":
                var src = e.GetAttribute("src") ?? "";
                if (resources.Image(src, e) is { } path)
                {
                    text.Append("![").Append(Escape(e.GetAttribute("alt") ?? "")).Append("](").Append(path).Append(')');
                }

                return;
            case "a":
                var label = Inline(e.ChildNodes);
                var href = e.GetAttribute("href")?.Trim() ?? "";
                if (label.Length == 0)
                {
                    return;
                }

                if (href.Length > 0 && resources.Link(href, e) is { } target)
                {
                    text.Append('[').Append(label).Append("](").Append(target.Replace(" ", "%20", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)).Append(')');
                }
                else
                {
                    text.Append(label);
                }

                return;
            default:
                if (IsBlock(e))
                {
                    text.Append(' ');
                }

                foreach (var child in e.ChildNodes)
                {
                    AppendInline(text, child);
                }

                if (IsBlock(e))
                {
                    text.Append(' ');
                }

                return;
        }
    }

    private void Wrap(StringBuilder text, string mark, IElement e)
    {
        var inner = Inline(e.ChildNodes);
        if (inner.Length == 0)
        {
            return;
        }

        // Emphasis delimiters must touch the text: keep surrounding spaces outside them.
        var raw = new StringBuilder();
        foreach (var child in e.ChildNodes)
        {
            AppendInline(raw, child);
        }

        var before = raw.Length > 0 && char.IsWhiteSpace(raw[0]) ? " " : "";
        var after = raw.Length > 0 && char.IsWhiteSpace(raw[^1]) ? " " : "";
        if (inner.StartsWith(mark, StringComparison.Ordinal) && inner.EndsWith(mark, StringComparison.Ordinal) && mark == "**")
        {
            text.Append(before).Append(inner).Append(after);
            return;
        }

        text.Append(before).Append(mark).Append(inner).Append(mark).Append(after);
    }

    /// <summary>Collapses white space (including no-break and en/em spaces) and drops Liquid leftovers.</summary>
    public static string Collapse(string text) =>
        Spaces().Replace(text.Replace(LiquidMark.ToString(), "", StringComparison.Ordinal), " ");

    /// <summary>The visible text of nodes, collapsed to one line; icons, scripts and comments left out.</summary>
    public static string PlainText(IEnumerable<INode> nodes)
    {
        var text = new StringBuilder();
        foreach (var node in nodes)
        {
            AppendPlain(text, node);
        }

        return Collapse(text.ToString()).Trim();
    }

    public static string PlainText(INode node) => PlainText([node]);

    private static void AppendPlain(StringBuilder text, INode node)
    {
        switch (node)
        {
            case IText t:
                text.Append(t.Data);
                break;
            case IElement e when IsNoise(e):
                break;
            case IElement { LocalName: "br" }:
                text.Append(' ');
                break;
            case IElement e:
                var block = IsBlock(e);
                if (block)
                {
                    text.Append(' ');
                }

                foreach (var child in e.ChildNodes)
                {
                    AppendPlain(text, child);
                }

                if (block)
                {
                    text.Append(' ');
                }

                break;
        }
    }

    private static string Tidy(string text)
    {
        var t = Collapse(text).Trim();
        // What is left where a badge or icon stood: "()" or "[]".
        t = EmptyBrackets().Replace(t, "");
        return Collapse(t).Trim();
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '`' or '<' or '>')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\s*(\(\s*\)|\[\s*\])", RegexOptions.CultureInvariant)]
    private static partial Regex EmptyBrackets();

    [GeneratedRegex(@"[\s\u00a0\u2002\u2003\u2009\u3000]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
