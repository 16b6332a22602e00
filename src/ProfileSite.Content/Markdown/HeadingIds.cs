using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ProfileSite.Content.Markdown;

/// <summary>A heading whose generated id the page itself uses, and the id it got instead (1-based line and column of the heading).</summary>
public sealed record HeadingIdChange(int Line, int Column, string Id, string NewId);

/// <summary>
/// Keeps the ids Markdig gives headings (GitHub style: <c>## News</c> is <c>#news</c>) apart from the ids of the
/// page around the text: a heading <c>## News</c> in about.md would otherwise be a second <c>id="news"</c>, and the
/// top bar's News link, the skip link (<c>#main</c>) or a paper's <c>#bibtex</c> would jump to it (HTML requires ids
/// to be unique in a document: WHATWG HTML §3.2.6.1). Such a heading takes the next free <c>-1</c>, <c>-2</c> suffix,
/// as Markdig numbers its own duplicates; one under an id pattern the page claims (<c>year-*</c>) takes
/// <c>heading-year-2024-1</c>.
/// </summary>
public static class HeadingIds
{
    /// <summary>Renames the headings of <paramref name="document"/> whose id <paramref name="reserved"/> claims; returns what changed.</summary>
    public static IReadOnlyList<HeadingIdChange> Avoid(MarkdownDocument document, Func<string, bool> reserved)
    {
        var headings = document.Descendants<HeadingBlock>().Where(h => h.GetAttributes().Id is { Length: > 0 }).ToList();
        var used = headings.Select(h => h.GetAttributes().Id!).ToHashSet(StringComparer.Ordinal);
        var changes = new List<HeadingIdChange>();
        foreach (var heading in headings)
        {
            var attributes = heading.GetAttributes();
            var id = attributes.Id!;
            if (!reserved(id))
            {
                continue;
            }

            // The page claims some ids by pattern (paper-*, year-*, filter-*, *-title), and then every numbered form of
            // the id is claimed too: counting up would never end (a heading "## Year 2024" hung the load). Such an id
            // takes the stem "heading-", which no pattern claims, so the count ends at the first free number.
            var stem = reserved($"{id}-1") && reserved($"{id}-2") ? "heading-" + id : id;
            var n = 1;
            while (used.Contains($"{stem}-{n}") || reserved($"{stem}-{n}"))
            {
                n++;
            }

            attributes.Id = $"{stem}-{n}";
            used.Add(attributes.Id);
            changes.Add(new HeadingIdChange(heading.Line + 1, heading.Column + 1, id, attributes.Id));
        }

        return changes;
    }
}
