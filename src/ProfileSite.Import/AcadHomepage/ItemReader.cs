using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ProfileSite.Import.Model;
using ProfileSite.Import.Text;

namespace ProfileSite.Import.AcadHomepage;

/// <summary>
/// News items and section items from a part of the page: list items (nested bullets folded into
/// their parent), item cards (<c>news-item</c>, <c>internship-item</c>, paper boxes in a Projects
/// part) and plain paragraphs; sub-headings and bold pseudo-headings (<c>**Teaching**</c>) flattened
/// into a label before their items. The date is the leading date however it is set
/// (<c>*2024.09*</c>, <c>&lt;strong&gt;2025.06&lt;/strong&gt;:</c>, <c>2025.11.04:</c>, a <c>.badge</c>),
/// or, after a label, the first emphasised date (<c>**Ph.D.**: *Sep. 2019 - Jun. 2024*</c>).
/// </summary>
internal sealed partial class ItemReader(PageDom dom, HtmlToMarkdown markdown)
{
    /// <summary>One item as read: where it is, its date if any, its Markdown text.</summary>
    public sealed record Item(SourceLine At, DateRange? Date, IReadOnlyList<PartialDate> MoreDates, string Text, bool OnlyImage);

    public List<Item> Read(IEnumerable<INode> nodes, bool flattenLabels)
    {
        var items = new List<Item>();
        Collect(nodes, items, label: null, flattenLabels);
        return items;
    }

    private void Collect(IEnumerable<INode> nodes, List<Item> items, string? label, bool flattenLabels)
    {
        foreach (var node in nodes)
        {
            if (node is not IElement e || HtmlToMarkdown.IsNoise(e) || PageDom.AnchorOf(e) is not null)
            {
                continue;
            }

            switch (e.LocalName)
            {
                case "ul" or "ol":
                    foreach (var li in e.Children.Where(c => c.LocalName == "li"))
                    {
                        if (FromListItem(li, label) is { } item)
                        {
                            items.Add(item);
                        }
                    }

                    continue;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    var heading = markdown.Inline(e.ChildNodes).Trim();
                    var (plain, _) = Emoji.SplitLeading(heading);
                    label = flattenLabels && plain.Length > 0 ? plain : null;
                    continue;
                case "p":
                    if (PseudoHeading(e) is { } pseudo)
                    {
                        label = flattenLabels ? pseudo : null;
                        continue;
                    }

                    if (FromBlock(e, label) is { } paragraph)
                    {
                        items.Add(paragraph);
                    }

                    continue;
                case "details":
                    Collect(e.ChildNodes.Where(c => c is not IElement { LocalName: "summary" }), items, label, flattenLabels);
                    continue;
                case "summary":
                    continue;
            }

            if (PageDom.IsCard(e) && (HtmlToMarkdown.PlainText(e).Length > 0))
            {
                if (FromBlock(e, label) is { } card)
                {
                    items.Add(card);
                }

                continue;
            }

            Collect(e.ChildNodes, items, label, flattenLabels);
        }
    }

    /// <summary>A paragraph that is only a bold or italic phrase (optionally ending in ':'): a sub-heading.</summary>
    private static string? PseudoHeading(IElement p)
    {
        var elements = p.Children.Where(c => !HtmlToMarkdown.IsNoise(c)).ToList();
        var text = HtmlToMarkdown.PlainText(p).TrimEnd(':', '：').Trim();
        if (elements.Count == 1 && elements[0].LocalName is "strong" or "b" && HtmlToMarkdown.PlainText(elements[0]).TrimEnd(':', '：').Trim() == text && text.Length is > 0 and < 60)
        {
            return text;
        }

        return null;
    }

    private Item? FromListItem(IElement li, string? label)
    {
        // A loose list wraps each item's text in <p>: look through it.
        var own = li.ChildNodes.Where(n => n is not IElement { LocalName: "ul" or "ol" })
            .SelectMany(n => n is IElement { LocalName: "p" } p ? p.ChildNodes.Append(li.Owner!.CreateTextNode(" ")) : [n]).ToList();
        var nested = li.Children.Where(c => c.LocalName is "ul" or "ol").SelectMany(l => l.Children.Where(c => c.LocalName == "li")).ToList();
        var ownText = HtmlToMarkdown.PlainText(own);
        if (ownText.Length == 0 && nested.Count == 1)
        {
            // "- * 2022.09 - now ..." opens a nested bullet: the nested item is the item.
            return FromListItem(nested[0], label);
        }

        var item = FromNodes(own, li, label, card: false);
        if (item is null)
        {
            return null;
        }

        if (nested.Count > 0)
        {
            var children = nested.Select(n => markdown.Inline(n.ChildNodes.Where(c => c is not IElement { LocalName: "ul" or "ol" }))).Where(t => t.Length > 0).ToList();
            var joined = string.Join("; ", children);
            var text = item.Text.TrimEnd();
            text = text.EndsWith(':') || text.EndsWith('：') ? text + " " + joined : text + ": " + joined;
            item = item with { Text = text.Trim() };
        }

        return item;
    }

    private Item? FromBlock(IElement block, string? label) => FromNodes(block.ChildNodes.ToList(), block, label, card: block.LocalName != "p");

    private Item? FromNodes(List<INode> nodes, IElement at, string? label, bool card)
    {
        var where = dom.LineOf(at);
        var onlyImage = HtmlToMarkdown.PlainText(nodes).Trim().Length == 0 || VisitorRow(nodes);
        DateRange? date = null;
        IReadOnlyList<PartialDate> more = [];

        // A date element: a badge, <time> or emphasised date near the start, or anywhere in a card.
        foreach (var element in DateCandidates(nodes, card))
        {
            var text = HtmlToMarkdown.PlainText(element);
            if (DateText.Range(text) is { } range)
            {
                date = range;
            }
            else if (DateText.List(text) is { Count: > 0 } list)
            {
                date = new DateRange(list[0], null, false);
                more = list;
            }
            else
            {
                continue;
            }

            element.Remove();
            nodes = [.. nodes.Where(n => n != element)];
            break;
        }

        var body = markdown.Inline(nodes);
        if (date is null && LeadingDate().Match(HtmlToMarkdown.Collapse(body)) is { Success: true } lead)
        {
            var candidate = lead.Groups["d"].Value;
            if (DateText.Range(candidate) is { } range)
            {
                date = range;
                body = body.Trim()[lead.Length..];
            }
            else if (DateText.List(candidate) is { Count: > 0 } list)
            {
                date = new DateRange(list[0], null, false);
                more = list;
                body = body.Trim()[lead.Length..];
            }
        }

        body = Tidy(body);
        if (more.Count > 1)
        {
            body += " (" + string.Join(", ", more.Select(d => d.ToDisplayString())) + ")";
        }

        if (label is not null && body.Length > 0)
        {
            body = label + ": " + body;
        }

        if (body.Length == 0 && date is null)
        {
            return null;
        }

        return new Item(where, date, more, body, onlyImage);
    }

    private static bool VisitorRow(List<INode> nodes) =>
        HtmlToMarkdown.PlainText(nodes).Trim().Trim('*').Trim() is "Now" or "now" or "Visitors" or ""
        && nodes.OfType<IElement>().Any(e => e.LocalName == "img" || e.QuerySelector("img") is not null);

    private static IEnumerable<IElement> DateCandidates(List<INode> nodes, bool card)
    {
        // Leading emphasised elements (skipping a label such as **Ph.D.**:) ...
        var seen = 0;
        var textBefore = 0;
        foreach (var node in nodes)
        {
            if (node is IText t)
            {
                textBefore += t.Data.Trim().Trim(':', '：', ',', '-', '–').Length;
                if (textBefore > 0)
                {
                    break;
                }

                continue;
            }

            if (node is not IElement e || HtmlToMarkdown.IsNoise(e) || node is IComment)
            {
                continue;
            }

            if (e.LocalName is "em" or "i" or "strong" or "b" or "code" or "time" or "span" or "div" or "font")
            {
                yield return e;
                if (++seen >= 2)
                {
                    break;
                }

                continue;
            }

            break;
        }

        // ... and in cards, an element that says it is a date.
        if (!card)
        {
            yield break;
        }

        foreach (var node in nodes.OfType<IElement>())
        {
            foreach (var e in node.QuerySelectorAll(".badge, .date, time, em").Prepend(node))
            {
                if (e.ClassList.Contains("badge") || e.ClassList.Contains("date") || e.LocalName is "time" or "em")
                {
                    yield return e;
                }
            }
        }
    }

    private static string Tidy(string text)
    {
        var t = text.Trim();
        t = SeparatorAfterLabel().Replace(t, "$1: ");
        t = LeadingSeparator().Replace(t, "");
        return t.Trim();
    }

    [GeneratedRegex(@"^\s*(?:\\?[\[(【]\s*)?\\?\*?\s*(?<d>(?:\d{4}(?:[./-]\d{1,2}){0,2}|\d{1,2}[./]\d{4}|[A-Z][a-z]{2,8}\.?,?\s+\d{4})(?:\s*[-–—~]\s*(?:\d{4}(?:[./-]\d{1,2}){0,2}|\d{1,2}[./]\d{4}|[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[Nn]ow|[Pp]resent|至今|[Tt]oday)|(?:\s*[,/]\s*\d{4}(?:[./]\d{1,2})?)+)?(?:\s*\((?:now|present)\))?)\s*(?:\\?[\])】]\s*)?(?:[:：,，\-–|]|\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingDate();

    [GeneratedRegex(@"^\s*(?:[:：,，;\-–—|]\s*)+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingSeparator();

    [GeneratedRegex(@"^(\*\*[^*]+\*\*|\*[^*]+\*)\s*[:：]?\s*[:：,，]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatorAfterLabel();
}
