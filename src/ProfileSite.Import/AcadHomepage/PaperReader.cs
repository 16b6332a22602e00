using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ProfileSite.Content.Text;
using ProfileSite.Import.Model;
using ProfileSite.Import.Text;

namespace ProfileSite.Import.AcadHomepage;

/// <summary>
/// Publications from the page's publication parts: every paper box and every list entry that
/// carries an author list, one paper per normalised title (<see cref="MatchKey.Title"/>; a box wins
/// over a list entry, which only fills what the box lacks), years from the venue, the badge, the
/// entry's text, the year heading it sits under, its DOI, or (as a noted guess) the page's date.
/// </summary>
internal sealed partial class PaperReader(PageDom dom, HtmlToMarkdown markdown, Resources resources, ImportNotes notes, Func<string, bool> isOwner)
{
    private readonly List<Found> _found = [];
    private readonly MarkLegend _legend = new();

    /// <summary>A paper as one card or entry gave it.</summary>
    public sealed record Found(PaperEntry Entry, bool IsBox, SourceLine At, string? Badge, string? Image, string? Summary, string? ScholarId, int? HeadingYear, string? Group, bool Highlight);

    public IReadOnlyList<Found> All => _found;

    /// <summary>Every author the page emphasised (bold, underlined, coloured), for the owner's other spellings.</summary>
    public IEnumerable<(WrittenAuthor Author, SourceLine At)> Emphasized =>
        _found.SelectMany(f => f.Entry.Authors.Where(a => a.Emphasized).Select(a => (a, f.At)));

    public void Learn(PagePart part)
    {
        foreach (var node in part.Nodes.OfType<IElement>())
        {
            foreach (var block in node.QuerySelectorAll("p, li, div, em, span").Prepend(node))
            {
                if (block.Children.Any(c => c.LocalName is "p" or "li" or "div" or "ul"))
                {
                    continue;
                }

                var text = HtmlToMarkdown.PlainText(block);
                var runs = Runs.Of(block.ChildNodes);
                if (MarkLegend.IsLegend(runs.Text) && text.Length < 300)
                {
                    _legend.Learn(runs, dom.LineOf(block), notes);
                }
            }
        }
    }

    public void Read(PagePart part, bool highlight)
    {
        var state = new State { Highlight = highlight };
        Walk(part.Nodes, state);
    }

    private sealed class State
    {
        public int? Year { get; set; }

        public string? Group { get; set; }

        public bool Highlight { get; init; }
    }

    private void Walk(IEnumerable<INode> nodes, State state)
    {
        var list = nodes.ToList();
        for (var index = 0; index < list.Count; index++)
        {
            var node = list[index];
            if (node is not IElement e || HtmlToMarkdown.IsNoise(e))
            {
                continue;
            }

            // A paper written as paragraphs outside any box: title, authors, venue, links.
            if (e.LocalName == "p" && ParagraphEntry(list, index, state) is { } consumed)
            {
                index += consumed - 1;
                continue;
            }

            if (PageDom.HeadingLevel(e) > 0)
            {
                var (title, _) = PageDom.HeadingText(e);
                if (PageDom.IsYearHeading(title) && DateText.YearIn(title) is { } year)
                {
                    state.Year = year;
                }
                else if (title.Length > 0)
                {
                    state.Group = title;
                }

                continue;
            }

            if (PaperBoxes.IsBox(e))
            {
                Box(e, state);
                continue;
            }

            if (e.LocalName is "ul" or "ol")
            {
                foreach (var li in e.Children.Where(c => c.LocalName == "li"))
                {
                    if (li.QuerySelector("[class*='paper-box']") is not null)
                    {
                        Walk(li.ChildNodes, state);
                    }
                    else
                    {
                        ListEntry(li, state);
                    }
                }

                continue;
            }

            if (e.LocalName == "p" && e.Children.Length == 1 && e.Children[0].LocalName is "strong" or "b" && HtmlToMarkdown.PlainText(e) == HtmlToMarkdown.PlainText(e.Children[0]))
            {
                state.Group = HtmlToMarkdown.PlainText(e).TrimEnd(':');
                continue;
            }

            if (e.LocalName != "p" && e.QuerySelector("[class*='paper-box'], ul, ol, h1, h2, h3, h4, p, div") is not null)
            {
                Walk(e.ChildNodes, state);
                continue;
            }

            // A whole citation in one paragraph ("[badge](url) Authors, "**Title**". In *Venue*. 2025. [[pdf](...)]")
            // reads like a list entry without the bullet.
            if (e.LocalName == "p" && Entry(e, e.ChildNodes, state))
            {
                continue;
            }

            NotAPaper(e, "text");
        }
    }

    /// <summary>Content of a Publications part that no paper was read from: the visitor saw it, so it is never left out silently.</summary>
    private void NotAPaper(IElement element, string what)
    {
        var text = HtmlToMarkdown.PlainText(element);
        if (text.Length > 0 && !MarkLegend.IsLegend(text))
        {
            notes.Dropped(dom.LineOf(element), $"{what} in Publications is not a paper (no title and author list found): \"{Shorten(text)}\"");
        }
    }

    /// <summary>The paper these nodes name with a title and its authors (two, or the owner or an emphasized name, or one beside a linked title and a dated venue), or null.</summary>
    private PaperEntry? Citation(IEnumerable<INode> nodes)
    {
        var entry = PaperEntryParser.Parse(Runs.Of(nodes));
        if (entry is null || entry.Authors.Count == 0)
        {
            return null;
        }

        // One name that is not the owner's is a paper only when the entry also links its title and names a venue with
        // a year: a team as the author ("``arXiv 2024`` [DeepSeek-V3 Technical Report](url), DeepSeek AI").
        return entry.Authors.Count >= 2 || entry.Authors.Any(a => isOwner(a.Name) || a.Emphasized)
            || entry.Url is not null && entry.Venue is { } venue && DateText.YearIn(venue) is not null ? entry : null;
    }

    /// <summary>Adds the paper a list item or paragraph holds; false when its text is no citation with a title and authors.</summary>
    private bool Entry(IElement element, IEnumerable<INode> nodes, State state)
    {
        if (Citation(nodes) is not { } entry)
        {
            return false;
        }

        // A venue shield with a year ("ICLR 2026") is the badge the visitor saw; a "Code | GitHub" shield is a button.
        var badge = element.QuerySelectorAll("img").Select(i => Resources.ShieldText(i.GetAttribute("src") ?? ""))
            .FirstOrDefault(t => t is not null && DateText.YearIn(t) is not null);
        _found.Add(new Found(entry, false, dom.LineOf(element), badge, null, null, null, state.Year, state.Group, state.Highlight));
        return true;
    }

    private void Box(IElement box, State state)
    {
        var at = dom.LineOf(box);
        var imagePart = PaperBoxes.ImagePart(box);
        var textPart = PaperBoxes.TextPart(box);
        // The badge sits in the image part in the template; some forks put it beside that part, in the box.
        var badge = (imagePart?.QuerySelectorAll(".badge") ?? Enumerable.Empty<IElement>()).Concat(box.QuerySelectorAll(".badge"))
            .Select(b => HtmlToMarkdown.PlainText(b)).FirstOrDefault(b => b.Length > 0);
        var venueElement = textPart.QuerySelector(".venue, .journal, .pub-venue, .conference");
        var runs = Runs.Of(textPart.ChildNodes.Where(n => n is not IElement el || !el.ClassList.Contains("abstract")));
        var entry = PaperEntryParser.Parse(runs, venueElement);
        if (entry is null)
        {
            notes.Dropped(at, "paper box without a title: left out");
            return;
        }

        string? image = null;
        foreach (var img in (imagePart ?? box).QuerySelectorAll("img"))
        {
            var src = img.GetAttribute("src") ?? "";
            if (Resources.IsBadge(src) || (imagePart is null && textPart.Contains(img)) || venueElement?.Contains(img) == true)
            {
                continue;
            }

            image = resources.Image(src, at, $"publication '{entry.Title}'");
            break;
        }

        var scholar = box.QuerySelector(".show_paper_citations")?.GetAttribute("data")?.Trim();
        _found.Add(new Found(entry, true, at, badge, image, Summary(textPart, entry), scholar, state.Year, state.Group, state.Highlight));
    }

    /// <summary>Reads a paper from a title paragraph and the paragraphs after it; returns how many nodes it took, or null.</summary>
    private int? ParagraphEntry(List<INode> nodes, int start, State state)
    {
        var first = (IElement)nodes[start];
        var firstRuns = Runs.Of(first.ChildNodes);
        if (MarkLegend.IsLegend(firstRuns.Text) || first.QuerySelector("[class*='paper-box']") is not null
            || Citation(first.ChildNodes) is not null)
        {
            // A paragraph that is a whole citation stands alone: the paragraphs after it are not its venue or links.
            return null;
        }

        var paragraphs = new List<INode> { first };
        var end = start + 1;
        while (end < nodes.Count && paragraphs.Count < 4)
        {
            if (nodes[end] is IText { Data: var data } && data.Trim().Length == 0 || nodes[end] is IComment)
            {
                end++;
                continue;
            }

            if (nodes[end] is not IElement { LocalName: "p" } next || next.QuerySelector("strong, b, a") is { } && PageDom.HeadingLevel(next) > 0
                || Citation(next.ChildNodes) is not null)
            {
                // A paragraph that is a whole citation by itself is the next paper, not this one's venue line.
                break;
            }

            paragraphs.Add(next);
            end++;
        }

        if (paragraphs.Count < 2)
        {
            return null;
        }

        var runs = Runs.Of(paragraphs.SelectMany(p => ((IElement)p).ChildNodes.Append(p.Owner!.CreateElement("br"))));
        var entry = PaperEntryParser.Parse(runs);
        if (entry is null || entry.Authors.Count == 0 || (entry.Authors.Count < 2 && !entry.Authors.Any(a => isOwner(a.Name) || a.Emphasized))
            || !MatchKey.Title(HtmlToMarkdown.PlainText(first)).Contains(MatchKey.Title(entry.Title), StringComparison.Ordinal))
        {
            return null;
        }

        _found.Add(new Found(entry, false, dom.LineOf(first), null, null, null, null, state.Year, state.Group, state.Highlight));
        return end - start;
    }

    private void ListEntry(IElement li, State state)
    {
        if (!Entry(li, li.ChildNodes.Where(n => n is not IElement { LocalName: "ul" or "ol" }), state))
        {
            NotAPaper(li, "list item");
        }
    }

    /// <summary>The card's other paragraphs and bullets: what is not title, authors, venue, links or legend.</summary>
    private string? Summary(IElement textPart, PaperEntry entry)
    {
        var blocks = new List<IElement>();
        void Collect(IElement parent)
        {
            foreach (var child in parent.Children)
            {
                if (HtmlToMarkdown.IsNoise(child) || child.ClassList.Contains("badge"))
                {
                    continue;
                }

                if (child.LocalName is "ul" or "ol")
                {
                    blocks.AddRange(child.Children.Where(c => c.LocalName == "li"));
                }
                else if (child.LocalName is "div" or "section" && child.Children.Any(c => HtmlToMarkdown.IsBlock(c)) && !child.ClassList.Contains("abstract"))
                {
                    Collect(child);
                }
                else if (HtmlToMarkdown.IsBlock(child))
                {
                    blocks.Add(child);
                }
            }
        }

        Collect(textPart);
        var parts = new List<string>();
        var authorKeys = entry.Authors.Select(a => MatchKey.Name(a.Name)).ToHashSet();
        var titleKey = MatchKey.Title(entry.Title);
        foreach (var block in blocks)
        {
            var text = HtmlToMarkdown.PlainText(block);
            var nonLink = HtmlToMarkdown.PlainText(block.ChildNodes.Where(n => n is not IElement { LocalName: "a" } && !(n is IElement el && el.QuerySelector("a") is not null && HtmlToMarkdown.PlainText(el) == HtmlToMarkdown.PlainText(el.QuerySelector("a")!))));
            var buttons = block.QuerySelectorAll("a").Any(a => PaperReader.KindOf(HtmlToMarkdown.PlainText(a).Trim('[', ']', ' ').ToLowerInvariant(), a.GetAttribute("href") ?? "") is not null);
            if (text.Length == 0 || MatchKey.Title(text).Contains(titleKey, StringComparison.Ordinal) || MarkLegend.IsLegend(text)
                || (buttons && nonLink.Length < 40)
                || nonLink.Trim(' ', '|', '/', '[', ']', '(', ')', '·', ',').Length == 0
                || (entry.Venue is { } venue && MatchKey.Title(text).StartsWith(MatchKey.Title(venue), StringComparison.Ordinal) && text.Length < venue.Length + 30)
                || text.Split(',', '，').Count(p => authorKeys.Contains(MatchKey.Name(p.Trim(' ', '*', '†', '#', '‡', '✉', '.')))) >= Math.Min(2, authorKeys.Count))
            {
                continue;
            }

            var line = markdown.Inline(block.LocalName == "li" ? block.ChildNodes.Where(n => n is not IElement { LocalName: "ul" or "ol" }) : block.ChildNodes);
            if (line.Length > 0)
            {
                parts.Add(line);
            }
        }

        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..57] + "..." : text;

    // ---- drafts -------------------------------------------------------------------------

    /// <summary>One draft per paper, merged by title, in page order; counts of boxes, entries and merges.</summary>
    public (ImmutableArray<PaperDraft> Papers, int Boxes, int Entries, int Merged) Drafts(string? siteUrl, int? fallbackYear, string fallbackWhy)
    {
        var order = new List<string>();
        var byKey = new Dictionary<string, List<Found>>(StringComparer.Ordinal);
        foreach (var found in _found)
        {
            var key = MatchKey.Title(found.Entry.Title);
            if (!byKey.TryGetValue(key, out var list))
            {
                byKey[key] = list = [];
                order.Add(key);
            }

            list.Add(found);
        }

        var anyOutsideHighlights = _found.Any(f => !f.Highlight);
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var drafts = ImmutableArray.CreateBuilder<PaperDraft>();
        foreach (var key in order)
        {
            var group = byKey[key];
            // The box wins; list entries fill what it lacks.
            var ranked = group.OrderByDescending(f => f.IsBox).ToList();
            var main = ranked[0];
            foreach (var other in ranked.Skip(1))
            {
                notes.Warning(other.At, $"'{Shorten(other.Entry.Title)}' appears again ({(other.IsBox ? "box" : "list entry")}); merged with {main.At}");
            }

            drafts.Add(Draft(main, ranked, slugs, siteUrl, fallbackYear, fallbackWhy, anyOutsideHighlights && group.Any(f => f.Highlight)));
        }

        var merged = _found.Count - order.Count;
        return (drafts.ToImmutable(), _found.Count(f => f.IsBox), _found.Count(f => !f.IsBox), merged);
    }

    private PaperDraft Draft(Found main, List<Found> all, HashSet<string> slugs, string? siteUrl, int? fallbackYear, string fallbackWhy, bool selected)
    {
        var entry = main.Entry;
        var authors = (entry.Authors.Count > 0 ? entry.Authors : all.Select(f => f.Entry.Authors).FirstOrDefault(a => a.Count > 0) ?? [])
            .Select(a => a.Name + _legend.Suffix(a.Marks, main.At, notes)).ToImmutableArray();
        if (authors.IsEmpty)
        {
            notes.Warning(main.At, $"no authors found for '{Shorten(entry.Title)}': the owner's name is written as the only author; correct it");
            authors = ["(authors unknown)"];
        }

        var badge = main.Badge is { } b && b.Trim().Length > 0 ? b.Trim() : null;
        // Without a venue line the badge is the venue (the template's boxes often carry it only there).
        var venue = all.Select(f => f.Entry.Venue).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? badge;
        var (year, guess) = Year(all, venue, badge, fallbackYear, fallbackWhy);
        var links = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var bodyLinks = new List<string>();
        foreach (var found in all)
        {
            foreach (var (label, href, element) in found.Entry.Links)
            {
                AddLink(links, bodyLinks, label, href, found.At, siteUrl);
            }

            if (found.Entry.Doi is { } doi && !links.ContainsKey("doi"))
            {
                links["doi"] = doi;
            }
        }

        var url = all.Select(f => f.Entry.Url).FirstOrDefault(u => u is not null);
        if (url is not null && !LinkKind.IsAbsoluteHttpUrl(url))
        {
            if (resources.File(url) is { } path)
            {
                if (siteUrl is not null)
                {
                    url = siteUrl.TrimEnd('/') + "/" + path;
                }
                else
                {
                    bodyLinks.Add($"[Paper](/{path})");
                    notes.Warning(main.At, $"title link '{url}' is a file of the site: copied to wwwroot/{path} and linked from the paper's text (front matter links must be absolute URLs)");
                    url = null;
                }
            }
            else
            {
                notes.Dropped(main.At, $"title link '{url}' of '{Shorten(entry.Title)}' is neither a URL nor a file of the site");
                url = null;
            }
        }

        var scholar = all.Select(f => f.ScholarId).FirstOrDefault(s => !string.IsNullOrEmpty(s));
        if (scholar is not null && scholar.StartsWith("DhtAFkwAAAAJ", StringComparison.Ordinal))
        {
            notes.Dropped(main.At, $"citation id {scholar} is the template placeholder: no scholar_id");
            scholar = null;
        }

        var slug = Slug(year, entry.Title, slugs);
        return new PaperDraft
        {
            Slug = slug,
            Title = entry.Title,
            Authors = authors,
            Venue = venue,
            Badge = badge,
            Year = year,
            YearGuess = guess,
            Url = url,
            Image = all.Select(f => f.Image).FirstOrDefault(i => i is not null),
            Summary = all.Select(f => f.Summary).FirstOrDefault(s => s is not null),
            Selected = selected,
            Links = links.ToImmutable(),
            ScholarId = scholar,
            Type = TypeOf(all, venue),
            Body = bodyLinks.Count > 0 ? string.Join(" · ", bodyLinks) : null,
        };
    }

    private (int Year, string? Guess) Year(List<Found> all, string? venue, string? badge, int? fallbackYear, string fallbackWhy)
    {
        var main = all[0];
        foreach (var text in new[] { venue, badge }.Concat(all.Select(f => f.Entry.Rest)))
        {
            if (text is not null && DateText.YearIn(text) is { } year)
            {
                return (year, null);
            }
        }

        if (all.Select(f => f.HeadingYear).FirstOrDefault(y => y is not null) is { } headingYear)
        {
            return (headingYear, null);
        }

        if (all.Select(f => f.Entry.Doi).FirstOrDefault(d => d is not null) is { } doi && DoiYear().Match(doi) is { Success: true } m)
        {
            var year = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
            notes.Guessed(main.At, $"'{Shorten(main.Entry.Title)}' states no year: {year}, from its DOI");
            return (year, "from the DOI");
        }

        var fallback = fallbackYear ?? 2000;
        notes.Guessed(main.At, $"'{Shorten(main.Entry.Title)}' states no year: {fallback} ({fallbackWhy}); correct it");
        return (fallback, fallbackWhy);
    }

    private void AddLink(ImmutableSortedDictionary<string, string>.Builder links, List<string> body, string label, string href, SourceLine at, string? siteUrl)
    {
        var kind = KindOf(label, href);
        if (kind is null)
        {
            notes.Dropped(at, $"link '{(label.Length > 0 ? label : href)}' ({href}) has no ProfileSite link kind");
            return;
        }

        if (links.ContainsKey(kind))
        {
            return;
        }

        var target = href;
        if (!LinkKind.IsAbsoluteHttpUrl(target))
        {
            if (resources.File(href) is not { } path)
            {
                notes.Dropped(at, $"{kind} link '{href}' is neither a URL nor a file of the site");
                return;
            }

            if (siteUrl is null)
            {
                body.Add($"[{PaperLinkKinds.All[kind].Label}](/{path})");
                notes.Warning(at, $"{kind} link '{href}' is a file of the site: copied to wwwroot/{path} and linked from the paper's text (front matter links must be absolute URLs)");
                return;
            }

            target = siteUrl.TrimEnd('/') + "/" + path;
        }

        if (PaperLinkKinds.All[kind].ToUrl(target) is null)
        {
            notes.Dropped(at, $"{kind} link '{href}' is not a valid URL");
            return;
        }

        links[kind] = target;
    }

    /// <summary>The ProfileSite link kind for a button's text, else for where it points.</summary>
    internal static string? KindOf(string label, string href)
    {
        var l = Regex.Replace(label.ToLowerInvariant(), @"[\[\]\*()]|\s+\(.*\)$", "").Trim();
        var byLabel = l switch
        {
            "paper" or "pdf" or "full text" or "full paper" or "camera-ready" or "camera ready" or "manuscript" or "preprint" or "report" or "论文" => "pdf",
            "code" or "codes" or "github" or "source" or "source code" or "repo" or "repository" or "implementation" or "代码" => "code",
            "project" or "project page" or "website" or "homepage" or "page" or "webpage" or "主页" => "project",
            "video" or "youtube" or "bilibili" or "talk" or "视频" => "video",
            "slides" or "slide" or "ppt" => "slides",
            "poster" => "poster",
            "arxiv" => "arxiv",
            "doi" => "doi",
            "data" or "dataset" or "benchmark" or "数据" => "data",
            "blog" or "post" => "blog",
            "openreview" => "openreview",
            _ => null,
        };
        if (byLabel is not null)
        {
            return byLabel;
        }

        if (l.Length > 0 && !l.Contains("star", StringComparison.Ordinal))
        {
            return null;
        }

        var h = href.ToLowerInvariant();
        return h.Contains("github.com", StringComparison.Ordinal) || h.Contains("gitlab.com", StringComparison.Ordinal) ? "code"
            : h.Contains("arxiv.org", StringComparison.Ordinal) ? "arxiv"
            : h.Contains("doi.org", StringComparison.Ordinal) ? "doi"
            : h.Contains("youtube.com", StringComparison.Ordinal) || h.Contains("youtu.be", StringComparison.Ordinal) || h.Contains("bilibili", StringComparison.Ordinal) ? "video"
            : h.Contains("openreview.net", StringComparison.Ordinal) ? "openreview"
            : h.EndsWith(".pdf", StringComparison.Ordinal) ? "pdf"
            : null;
    }

    private static string? TypeOf(List<Found> all, string? venue)
    {
        var group = all.Select(f => f.Group).FirstOrDefault(g => g is not null)?.ToLowerInvariant() ?? "";
        var v = (venue ?? "").ToLowerInvariant();
        if (group.Contains("preprint", StringComparison.Ordinal) || Preprint().IsMatch(v))
        {
            return "preprint";
        }

        if (v.Contains("technical report", StringComparison.Ordinal) || v.Contains("tech report", StringComparison.Ordinal))
        {
            return "report";
        }

        if (v.Contains("thesis", StringComparison.Ordinal) || v.Contains("dissertation", StringComparison.Ordinal))
        {
            return "thesis";
        }

        if (v.Contains("workshop", StringComparison.Ordinal))
        {
            return "workshop";
        }

        if (group.Contains("journal", StringComparison.Ordinal) || v.Contains("transactions", StringComparison.Ordinal) || v.Contains("journal", StringComparison.Ordinal))
        {
            return "journal";
        }

        return group.Contains("conference", StringComparison.Ordinal) ? "conference" : null;
    }

    private static string Slug(int year, string title, HashSet<string> taken)
    {
        var words = MatchKey.Title(title).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.All(char.IsAsciiLetterOrDigit)).Take(6);
        var stem = string.Join('-', words);
        var baseSlug = stem.Length == 0 ? $"{year}-paper" : $"{year}-{stem}";
        if (baseSlug.Length > 70)
        {
            baseSlug = baseSlug[..70].TrimEnd('-');
        }

        var slug = baseSlug;
        for (var n = 2; !taken.Add(slug); n++)
        {
            slug = $"{baseSlug}-{n}";
        }

        return slug;
    }

    [GeneratedRegex(@"arxiv|preprint|under review|submitted|in submission|under submission", RegexOptions.CultureInvariant)]
    private static partial Regex Preprint();

    [GeneratedRegex(@"[./](?<y>(19[5-9]|20[0-4])[0-9])[./]", RegexOptions.CultureInvariant)]
    private static partial Regex DoiYear();
}
