using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ProfileSite.Import.Model;
using ProfileSite.Import.Text;

namespace ProfileSite.Import.AcadHomepage;

/// <summary>What a top-level part of the page holds, decided from its heading (in any language) and anchor.</summary>
internal enum PartKind
{
    About,
    News,
    Publications,
    Section,
}

/// <summary>A top-level part of the page: the heading and the nodes up to the next top-level heading.</summary>
internal sealed record PagePart(PartKind Kind, string Title, string? Icon, string? Anchor, IElement? Heading, List<INode> Nodes, SourceLine At);

/// <summary>
/// The page parsed by AngleSharp, with every node's source line (from the marker comments
/// <see cref="KramdownHtml"/> left) and the page cut into parts at its top-level headings:
/// headings inside cards do not cut, wrapper <c>&lt;div&gt;</c>s around headings are looked through,
/// and year headings (<c># 2024</c>, <c># 2021 and Prior</c>) continue the part they are in.
/// </summary>
internal sealed partial class PageDom
{
    private readonly PageSource _source;
    private readonly Dictionary<INode, int> _order = [];
    private readonly List<INode> _nodes = [];

    private PageDom(PageSource source, IElement body)
    {
        _source = source;
        Body = body;
        foreach (var node in body.GetDescendants())
        {
            _order[node] = _nodes.Count;
            _nodes.Add(node);
        }
    }

    public IElement Body { get; }

    public static PageDom Parse(PageSource source)
    {
        var html = KramdownHtml.ToHtml(source.Lines);
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        return new PageDom(source, document.Body!);
    }

    /// <summary>The source line of a node: its first line marker, else the nearest one before it.</summary>
    public SourceLine LineOf(INode node)
    {
        if (!_order.TryGetValue(node, out var index))
        {
            return SourceLine.None;
        }

        var end = index + Math.Max(1, node.GetDescendants().Count() + 1);
        for (var i = index; i < end && i < _nodes.Count; i++)
        {
            if (_nodes[i] is IComment c && KramdownHtml.MarkerLine(c.Data) is { } line)
            {
                return _source.Origin(line);
            }
        }

        for (var i = index - 1; i >= 0; i--)
        {
            if (_nodes[i] is IComment c && KramdownHtml.MarkerLine(c.Data) is { } line)
            {
                return _source.Origin(line);
            }
        }

        return SourceLine.None;
    }

    /// <summary>Cuts the page into parts. Content before the first heading is the About part.</summary>
    public List<PagePart> Parts(IReadOnlyDictionary<string, string> navigationTitles)
    {
        var level = TopLevel();
        var sequence = new List<INode>();
        Flatten(Body, level, sequence);

        var parts = new List<PagePart>();
        var nodes = new List<INode>();
        IElement? heading = null;
        string? pendingAnchor = null;
        void Close()
        {
            var anchor = pendingAnchor;
            if (heading is null)
            {
                if (nodes.Any(HasContent))
                {
                    parts.Add(new PagePart(PartKind.About, navigationTitles.GetValueOrDefault("about-me") ?? "About Me", null, "about-me", null, [.. nodes], nodes.Count > 0 ? LineOf(nodes.First(HasContent)) : SourceLine.None));
                }
            }
            else
            {
                var (title, icon) = HeadingText(heading);
                // An anchor right after the heading (some forks put it there) names this part too.
                anchor ??= nodes.Select(AnchorOf).FirstOrDefault(a => a is not null);
                parts.Add(new PagePart(Classify(title, anchor ?? heading.Id, nodes, parts.Count == 0), title, icon, anchor, heading, [.. nodes], LineOf(heading)));
            }

            nodes.Clear();
        }

        foreach (var node in sequence)
        {
            if (node is IElement e && HeadingLevel(e) == level && !IsYearHeading(HeadingText(e).Title))
            {
                // The anchor span just before a heading belongs to the heading, not to the part before it.
                var anchor = TrailingAnchor(nodes);
                Close();
                pendingAnchor = anchor;
                heading = e;
                continue;
            }

            nodes.Add(node);
        }

        Close();
        return parts;
    }

    /// <summary>The level that cuts the page: 1 when any real <c>&lt;h1&gt;</c> exists outside cards, else the smallest found.</summary>
    private int TopLevel()
    {
        for (var level = 1; level <= 3; level++)
        {
            if (Body.QuerySelectorAll("h" + level.ToString(CultureInfo.InvariantCulture)).Any(h => !InsideCard(h) && HeadingText(h).Title.Length > 0))
            {
                return level;
            }
        }

        return 1;
    }

    /// <summary>Cards (paper boxes, item cards, details) keep their headings; plain wrappers are looked through.</summary>
    public static bool InsideCard(IElement element)
    {
        for (var parent = element.ParentElement; parent is not null && parent.LocalName != "body"; parent = parent.ParentElement)
        {
            if (IsCard(parent))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsCard(IElement e) =>
        e.LocalName is "li" or "table" or "details" or "blockquote"
        || e.ClassList.Any(c => c.Contains("paper", StringComparison.OrdinalIgnoreCase) || c.Contains("item", StringComparison.OrdinalIgnoreCase)
            || c.Contains("card", StringComparison.OrdinalIgnoreCase) || c.Contains("block", StringComparison.OrdinalIgnoreCase)
            || c.Contains("news", StringComparison.OrdinalIgnoreCase) || c.Contains("entry", StringComparison.OrdinalIgnoreCase));

    private static void Flatten(IElement parent, int level, List<INode> sequence)
    {
        foreach (var child in parent.ChildNodes)
        {
            if (child is IElement e && e.LocalName is "div" or "section" or "article" or "main" or "center" or "font" or "span"
                && !IsCard(e) && e.Children.Any(c => HeadingLevel(c) == level || (c.LocalName is "div" or "section" && c.QuerySelector("h" + level.ToString(CultureInfo.InvariantCulture)) is { } h && !InsideCard(h))))
            {
                Flatten(e, level, sequence);
            }
            else
            {
                sequence.Add(child);
            }
        }
    }

    public static int HeadingLevel(IElement e) =>
        e.LocalName.Length == 2 && e.LocalName[0] == 'h' && e.LocalName[1] is >= '1' and <= '6' ? e.LocalName[1] - '0' : 0;

    /// <summary>A heading's text without icons and markers, and its leading emoji as the icon.</summary>
    public static (string Title, string? Icon) HeadingText(IElement heading)
    {
        var text = HtmlToMarkdown.PlainText(heading.ChildNodes);
        return Emoji.SplitLeading(text);
    }

    private static bool HasContent(INode node) => node switch
    {
        IText t => t.Data.Trim().Length > 0,
        IComment => false,
        IElement e => !HtmlToMarkdown.IsNoise(e) && AnchorOf(e) is null && (HtmlToMarkdown.PlainText(e).Length > 0 || e.QuerySelector("img") is not null),
        _ => false,
    };

    /// <summary>The id of an AcadHomepage anchor (<c>&lt;span class='anchor' id='-news'&gt;</c>), alone or alone in a paragraph.</summary>
    public static string? AnchorOf(INode node)
    {
        if (node is not IElement e)
        {
            return null;
        }

        if (e.LocalName == "span" && e.ClassList.Contains("anchor"))
        {
            return e.Id;
        }

        if (e.LocalName == "p" && HtmlToMarkdown.PlainText(e).Length == 0 && e.Children.Length == 1 && e.Children[0] is { LocalName: "span" } span && span.ClassList.Contains("anchor"))
        {
            return span.Id;
        }

        return null;
    }

    private static string? TrailingAnchor(List<INode> nodes)
    {
        for (var i = nodes.Count - 1; i >= 0; i--)
        {
            if (AnchorOf(nodes[i]) is { } anchor)
            {
                return anchor;
            }

            if (HasContent(nodes[i]))
            {
                return null;
            }
        }

        return null;
    }

    private static PartKind Classify(string title, string? anchor, List<INode> nodes, bool first)
    {
        var t = title.ToLowerInvariant();
        var a = (anchor ?? "").ToLowerInvariant().Trim('-');
        // The anchor names the part whatever its heading says: '<h1 id="about-me">Hi! I am ...</h1>' opens the About text.
        if (AboutWords().IsMatch(t) || a is "about-me" or "about")
        {
            return PartKind.About;
        }

        if (NewsWords().IsMatch(t) || (t.Length == 0 && a.Contains("news", StringComparison.Ordinal)))
        {
            return PartKind.News;
        }

        if (ProjectWords().IsMatch(t))
        {
            return PartKind.Section;
        }

        if (PublicationWords().IsMatch(t) || a.Contains("publication", StringComparison.Ordinal) || a.Contains("paper", StringComparison.Ordinal))
        {
            return PartKind.Publications;
        }

        // A part made of paper boxes is part of the publications, whatever its heading says: "Highlights",
        // "Selected work", or a research topic under its own top-level heading ("📚 Retrieval/RAG").
        if (nodes.OfType<IElement>().Any(e => PaperBoxes.IsBox(e) || e.QuerySelector("[class*='paper-box']") is not null))
        {
            return PartKind.Publications;
        }

        _ = first;
        return PartKind.Section;
    }

    /// <summary>True for a heading that only names a year group inside a list (<c>2024</c>, <c>2021 and Prior</c>, <c>Before 2020</c>).</summary>
    public static bool IsYearHeading(string title) => YearHeading().IsMatch(title.Trim());

    public static bool IsHighlightTitle(string title) => HighlightWords().IsMatch(title.ToLowerInvariant());

    [GeneratedRegex(@"^(about( me| us)?|关于我|关于|个人简介|简介|自我介绍|bio|biography|introduction|who am i)$", RegexOptions.CultureInvariant)]
    private static partial Regex AboutWords();

    [GeneratedRegex(@"\bnews\b|新闻|动态|消息|近况|\bupdates?\b|what'?s new|announcements?|noticias|actualités", RegexOptions.CultureInvariant)]
    private static partial Regex NewsWords();

    [GeneratedRegex(@"\bpublications?\b|\bpapers?\b|\bpreprints?\b|论文|发表|著作|学术成果|研究成果|publikationen|\bworks\b", RegexOptions.CultureInvariant)]
    private static partial Regex PublicationWords();

    [GeneratedRegex(@"\bprojects?\b|项目", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectWords();

    [GeneratedRegex(@"highlight|selected|representative|featured|代表作|代表性", RegexOptions.CultureInvariant)]
    private static partial Regex HighlightWords();

    [GeneratedRegex(@"^((before|prior to|earlier than)\s+)?(19|20)\d\d(\s*(and|&|or)?\s*(prior|before|earlier|older)|\s*[-–]\s*(19|20)\d\d)?$|^(earlier|older|before)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearHeading();
}

/// <summary>Emoji at the start of a heading, which AcadHomepage uses as the section's icon.</summary>
internal static class Emoji
{
    public static (string Text, string? Icon) SplitLeading(string text)
    {
        var elements = StringInfo.GetTextElementEnumerator(text.Trim());
        var icon = new System.Text.StringBuilder();
        var rest = text.Trim();
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (element.Trim().Length == 0 && icon.Length > 0)
            {
                continue;
            }

            if (!IsEmoji(element))
            {
                rest = text.Trim()[elements.ElementIndex..];
                break;
            }

            icon.Append(element);
            rest = "";
        }

        return (rest.Trim(), icon.Length > 0 ? icon.ToString() : null);
    }

    public static bool IsEmoji(string element)
    {
        if (element.Length == 0)
        {
            return false;
        }

        var rune = System.Text.Rune.GetRuneAt(element, 0).Value;
        return rune is >= 0x1F000 and <= 0x1FAFF || rune is >= 0x2600 and <= 0x27BF || rune is >= 0x2B00 and <= 0x2BFF
            || rune is >= 0x2300 and <= 0x23FF || rune is 0x3030 or 0x303D or 0x00A9 or 0x00AE or 0x2122 or 0x2139 or 0x24C2 or 0x2934 or 0x2935;
    }
}
