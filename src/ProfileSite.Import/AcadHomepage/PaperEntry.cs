using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ProfileSite.Import.Text;

namespace ProfileSite.Import.AcadHomepage;

/// <summary>A paper as one card or list entry states it, before marks are mapped and duplicates merged.</summary>
internal sealed class PaperEntry
{
    public required string Title { get; init; }

    public string? Url { get; init; }

    public IElement? TitleLink { get; init; }

    public required List<WrittenAuthor> Authors { get; init; }

    public string? Venue { get; set; }

    public int? Year { get; set; }

    /// <summary>Link text (lower-case, without brackets) or kind, and target, in page order; the title link excluded.</summary>
    public List<(string Label, string Href, IElement Element)> Links { get; } = [];

    public string? Doi { get; set; }

    /// <summary>The text outside title and authors (venue lines, notes), for years and types.</summary>
    public string Rest { get; init; } = "";

    /// <summary>Indices in the entry's text that the parser used (title, authors, venue).</summary>
    public required HashSet<int> Used { get; init; }
}

/// <summary>
/// Reads one paper from the text of a paper-box card or a list entry, whatever the fork's
/// layout: the title as the first title-like link, a <c>&lt;papertitle&gt;</c> or <c>.title</c>,
/// a quoted title (IEEE style) or a leading bold phrase; the authors as the run of person names
/// after the title (or before it, IEEE style), split at commas, <c>and</c>, and where emphasis
/// changes between two names; the venue from a <c>.venue</c>/<c>.journal</c> element, an italic or
/// bold run after the authors, a code span (<c>``ICLR 2025``</c>) or a bracket label (<c>[ICLR'26]</c>).
/// </summary>
internal static partial class PaperEntryParser
{
    public static PaperEntry? Parse(Runs runs, IElement? venueElement = null)
    {
        var text = runs.Text;
        if (FindTitle(runs) is not var (titleStart, titleEnd, link) || titleEnd <= titleStart)
        {
            return null;
        }

        var title = CleanTitle(runs.Slice(titleStart, titleEnd));
        if (title.Length < 3)
        {
            return null;
        }

        var used = new HashSet<int>(Enumerable.Range(titleStart, titleEnd - titleStart));
        // The authors follow the title (on its line or the next), or precede it (IEEE style).
        var after = ZoneAfter(text, titleEnd);
        var afterUsed = new HashSet<int>(used);
        var namesFirst = false;
        var (authors, stop) = ReadAuthors(runs, after.Start, after.End, afterUsed);
        if (authors.Count < 2)
        {
            // Names before the title ("Authors, "Title". *Venue*, 2025."): the one italic word after the title
            // ("*Information Fusion*") reads like a name too, so the longer list wins.
            var lineStart = AfterLeadingButtons(runs, text.LastIndexOf('\n', Math.Max(0, titleStart - 1)) + 1, titleStart);
            var beforeUsed = new HashSet<int>(used);
            var (before, _) = ReadAuthors(runs, lineStart, titleStart, beforeUsed);
            if (before.Count > authors.Count)
            {
                (authors, stop, afterUsed, namesFirst) = (before, titleEnd, beforeUsed, true);
            }
        }

        if (authors.Count < 2 && !namesFirst)
        {
            // A card that puts the venue and notes between title and names ("*TGRS, 2024*", "🏆 **Highly Cited**",
            // then "Keyan Chen, **Owner**, ..."): a later line that is a list with the owner's emphasis holds them.
            // The venue keeps being looked for from the first line after the title.
            for (var lineStart = after.End + 1; lineStart < text.Length && lineStart <= after.End + 600;)
            {
                var lineEnd = text.IndexOf('\n', lineStart);
                lineEnd = lineEnd < 0 ? text.Length : lineEnd;
                var laterUsed = new HashSet<int>(used);
                var (later, _) = ReadAuthors(runs, lineStart, lineEnd, laterUsed);
                if (later.Count >= 2 && later.Any(a => a.Emphasized))
                {
                    (authors, afterUsed) = (later, laterUsed);
                    break;
                }

                lineStart = lineEnd + 1;
            }
        }

        used.UnionWith(afterUsed);

        var href = link?.GetAttribute("href")?.Trim();
        var entry = new PaperEntry
        {
            Title = title,
            Url = string.IsNullOrEmpty(href) ? null : href,
            TitleLink = link,
            Authors = authors,
            Used = used,
            Rest = Rest(runs, used),
        };

        entry.Venue = Venue(runs, venueElement, stop, used, namesFirst);
        foreach (var (element, label) in LinksOf(runs, link))
        {
            entry.Links.Add((label, element.GetAttribute("href")!.Trim(), element));
        }

        if (Doi().Match(text) is { Success: true } doi)
        {
            entry.Doi = doi.Groups["doi"].Value.TrimEnd('.', ',', ')');
        }

        return entry;
    }

    private static (int Start, int End) ZoneAfter(string text, int titleEnd)
    {
        var start = titleEnd;
        // Skip what closes the title ('.', ',', quotes, spaces) and at most one line break.
        while (start < text.Length && (text[start] is ' ' or ',' or '.' or '"' or '”' or '’' or ':' or Runs.ImageChar))
        {
            start++;
        }

        if (start < text.Length && text[start] == '\n')
        {
            start++;
            while (start < text.Length && text[start] is ' ' or '\n')
            {
                start++;
            }
        }

        var end = text.IndexOf('\n', start);
        return (start, end < 0 ? text.Length : end);
    }

    private static (int, int, IElement?)? FindTitle(Runs runs)
    {
        var text = runs.Text;
        // 1. An element that says it is the title.
        for (var i = 0; i < text.Length; i++)
        {
            if (runs.StyleAt(i).HasFlag(RunStyle.Title) && !char.IsWhiteSpace(text[i]) && text[i] != '\n')
            {
                var end = i;
                while (end < text.Length && runs.StyleAt(end).HasFlag(RunStyle.Title) && text[end] != '\n')
                {
                    end++;
                }

                if (Letters(runs.Slice(i, end)) >= 3)
                {
                    return (i, end, runs.LinkAt(i) ?? LinkInside(runs, i, end));
                }
            }
        }

        // 2. The first link whose text reads like a title rather than a button.
        for (var i = 0; i < text.Length; i++)
        {
            if (runs.LinkAt(i) is not { } link || (i > 0 && runs.LinkAt(i - 1) == link))
            {
                continue;
            }

            var end = i;
            while (end < text.Length && runs.LinkAt(end) == link)
            {
                end++;
            }

            var label = runs.Slice(i, end);
            if (IsTitleLike(label) && !runs.StyleAt(i).HasFlag(RunStyle.Badge))
            {
                var start = i;
                while (start < end && (text[start] is ' ' or '\n' or Runs.ImageChar))
                {
                    start++;
                }

                // A star shield before a <br> inside the link is not part of the title.
                var lastBreak = text.LastIndexOf('\n', end - 1, end - start);
                if (lastBreak >= start)
                {
                    start = lastBreak + 1;
                }

                return (start, end, link);
            }
        }

        // 3. A quoted title, IEEE style: "Title," in Venue.
        if (Quoted().Match(text) is { Success: true } quoted)
        {
            var group = quoted.Groups["t"];
            return (group.Index, group.Index + group.Length, null);
        }

        // 4. A leading bold phrase that is not a name.
        for (var i = 0; i < text.Length && i < 40; i++)
        {
            if (!runs.StyleAt(i).HasFlag(RunStyle.Bold) || char.IsWhiteSpace(text[i]))
            {
                continue;
            }

            var end = i;
            while (end < text.Length && runs.StyleAt(end).HasFlag(RunStyle.Bold) && text[end] != '\n')
            {
                end++;
            }

            var phrase = runs.Slice(i, end);
            if (IsTitleLike(phrase) && !Names.IsName(phrase.TrimEnd('.', ',')) && phrase.Split(' ').Length >= 3)
            {
                return (i, end, null);
            }

            break;
        }

        // 5. "Authors. Title. Venue" with the title in plain text: the sentence after a list of names.
        if (SentenceAfterNames(runs) is { } sentence)
        {
            return (sentence.Start, sentence.End, null);
        }

        // 6. A plain first line on its own, with a list of names on the next one (a card's title paragraph).
        if (LineBeforeNames(runs) is { } line)
        {
            return (line.Start, line.End, null);
        }

        return null;
    }

    /// <summary>
    /// The title of a names-first citation (APA and many CVs: <c>Authors. Title. Venue, Year.</c>): two or more names
    /// (or one emphasised) ending with a full stop open the first line, after any leading buttons or a
    /// <c>[VENUE]</c> tag; the title runs to the next full stop before a space, the line's end, or a link.
    /// </summary>
    private static (int Start, int End)? SentenceAfterNames(Runs runs)
    {
        var text = runs.Text;
        var start = 0;
        while (start < text.Length && text[start] is ' ' or '\n' or Runs.ImageChar)
        {
            start++;
        }

        var lineEnd = text.IndexOf('\n', start);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd;
        if (start >= lineEnd)
        {
            return null;
        }

        var namesStart = AfterLeadingButtons(runs, start, lineEnd);
        // The names end at the first full stop that ends a sentence ("Kai Zheng. Fusing Local and Global ..."):
        // read up to there only, so that a title with "and" in it is not taken for more names.
        var dot = namesStart;
        while (dot < lineEnd - 1 && !(text[dot] == '.' && text[dot + 1] == ' ' && (EndsSentence(text, namesStart, dot) || text[dot - 1] == '+')))
        {
            dot++;
        }

        if (dot >= lineEnd - 1)
        {
            return null;
        }

        var (names, stop) = ReadAuthors(runs, namesStart, dot, []);
        if (stop < dot || names.Count < 2 && !(names.Count == 1 && names[0].Emphasized))
        {
            return null;
        }

        var titleStart = dot + 1;
        while (titleStart < lineEnd && text[titleStart] == ' ')
        {
            titleStart++;
        }

        var titleEnd = titleStart;
        while (titleEnd < lineEnd && runs.LinkAt(titleEnd) is null && text[titleEnd] != '['
            && !(text[titleEnd] is '.' or '?' or '!' && (titleEnd + 1 == lineEnd || text[titleEnd + 1] == ' ')))
        {
            titleEnd++;
        }

        if (titleEnd < lineEnd && text[titleEnd] is '?' or '!')
        {
            titleEnd++;
        }

        var title = runs.Slice(titleStart, titleEnd);
        return IsTitleLike(title) && !Names.IsName(title.Trim().TrimEnd('.')) ? (titleStart, titleEnd) : null;
    }

    /// <summary>
    /// A card's title written as a plain paragraph (no link, no bold): the first line, when it reads like a title
    /// and not like names, and the next line is a list of two or more names (or one emphasised).
    /// </summary>
    private static (int Start, int End)? LineBeforeNames(Runs runs)
    {
        var text = runs.Text;
        var start = 0;
        while (start < text.Length && text[start] is ' ' or '\n' or Runs.ImageChar)
        {
            start++;
        }

        var lineEnd = start < text.Length ? text.IndexOf('\n', start) : -1;
        if (lineEnd <= start)
        {
            return null;
        }

        var line = runs.Slice(start, lineEnd);
        if (!IsTitleLike(line) || ReadAuthors(runs, start, lineEnd, []).Item1.Count >= 2)
        {
            return null;
        }

        var next = lineEnd + 1;
        while (next < text.Length && text[next] is ' ' or '\n')
        {
            next++;
        }

        if (next >= text.Length)
        {
            return null;
        }

        var nextEnd = text.IndexOf('\n', next);
        var (names, _) = ReadAuthors(runs, next, nextEnd < 0 ? text.Length : nextEnd, []);
        return names.Count >= 2 || names.Count == 1 && names[0].Emphasized ? (start, lineEnd) : null;
    }

    /// <summary>
    /// Where the names start on a line that opens with buttons: a linked venue shield
    /// (<c>[![Paper](https://img.shields.io/badge/ICLR-2026-blue)](url)</c>) or a <c>[Paper](url)</c> link
    /// before "Authors, "Title". Venue" is no author.
    /// </summary>
    private static int AfterLeadingButtons(Runs runs, int start, int end)
    {
        var text = runs.Text;
        var i = start;
        while (i < end)
        {
            if (text[i] is ' ' or '[' or ']' or '|' or Runs.ImageChar)
            {
                i++;
                continue;
            }

            if (runs.LinkAt(i) is not { } link)
            {
                // "[CIKM 2026] Authors. Title.": a bracketed venue tag before the names is no author.
                if (i > 0 && text[i - 1] == '[' && text.IndexOf(']', i, Math.Min(42, end - i)) is var close and > 0
                    && Enumerable.Range(i, close - i).All(k => runs.LinkAt(k) is null) && !text.AsSpan(i, close - i).Contains(',')
                    && close + 1 < end)
                {
                    i = close + 1;
                    continue;
                }

                break;
            }

            var linkEnd = i;
            while (linkEnd < end && runs.LinkAt(linkEnd) == link)
            {
                linkEnd++;
            }

            var label = Slice(text, i, linkEnd).Trim(' ', '[', ']', Runs.ImageChar);
            if (label.Length > 0 && !LinkLabel().IsMatch(label))
            {
                break;
            }

            i = linkEnd;
        }

        return i;
    }

    private static IElement? LinkInside(Runs runs, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (runs.LinkAt(i) is { } link)
            {
                return link;
            }
        }

        return null;
    }

    private static bool IsTitleLike(string label)
    {
        var t = label.Trim().Trim('[', ']', '*', ' ');
        if (t.Length == 0 || LinkLabel().IsMatch(t) || t.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words >= 3 || Letters(t) >= 14 || CjkCount(t) >= 5;
    }

    private static int Letters(string text) => text.Count(char.IsLetter);

    private static int CjkCount(string text) => text.Count(c => c >= 0x3040 && c <= 0x9FFF);

    public static string CleanTitle(string title)
    {
        var t = title.Trim().Trim('"', '“', '”', '\'', '‘', '’', ' ').Trim();
        t = t.TrimEnd(',', '.', ';', ':', '，', '。').Trim().Trim('"', '“', '”').Trim();
        return HtmlToMarkdown.Collapse(t);
    }

    /// <summary>Reads the names in [start, end); returns them and where the name list stopped.</summary>
    private static (List<WrittenAuthor>, int Stop) ReadAuthors(Runs runs, int start, int end, HashSet<int> used)
    {
        var text = runs.Text;
        var authors = new List<WrittenAuthor>();
        var pieceStart = start;
        var stop = start;
        for (var i = start; i <= end; i++)
        {
            var atEnd = i == end;
            var c = atEnd ? ',' : text[i];
            var cut = atEnd || c is ',' or '，' or '、' or ';' or '；' or '|' || c == Runs.ImageChar
                || (c == ' ' && IsAndWord(text, i))
                || (c == '.' && i + 1 < end && text[i + 1] == ' ' && EndsSentence(text, pieceStart, i))
                || (c == ' ' && EmphasisChanges(runs, i, pieceStart));
            if (!cut)
            {
                if (runs.LinkAt(i) is { } nameLink && !runs.StyleAt(i).HasFlag(RunStyle.Sup) && authors.Count > 0 && nameLink != runs.LinkAt(Math.Max(start, i - 1))
                    && !IsLinkedName(runs, i, nameLink))
                {
                    // A link after the names (a [Code] button) ends the list.
                    cut = true;
                }
                else
                {
                    continue;
                }
            }

            // A bold run holding a year is a venue ("**NeurIPS Datasets and Benchmarks 2025**"), not names joined by 'and'.
            if (authors.Count > 0 && BoldRunWithYear(runs, pieceStart, i))
            {
                return (authors, pieceStart);
            }

            var piece = Piece(runs, pieceStart, i);
            var skip = c == ' ' && IsAndWord(text, i) ? 4 : 1;
            if (piece is null)
            {
                if (Slice(text, pieceStart, i).Trim(' ', '.', '*', '†', '‡', '#', '✉').Length > 0 && !EtAl(Slice(text, pieceStart, i)))
                {
                    stop = pieceStart;
                    return (authors, authors.Count > 0 ? stop : start);
                }
            }
            else
            {
                authors.Add(piece);
                for (var k = pieceStart; k < i; k++)
                {
                    used.Add(k);
                }
            }

            if (runs.LinkAt(Math.Min(i, text.Length - 1)) is not null && cut && !atEnd && text[i] is not (',' or '，' or ' ' or '.'))
            {
                return (authors, i);
            }

            pieceStart = i + skip;
            i = pieceStart - 1;
            stop = pieceStart;
        }

        return (authors, Math.Min(stop, end));
    }

    /// <summary>
    /// True when the link starting at <paramref name="i"/> is a co-author's name linked to a homepage
    /// ("[Xiang Chen](https://...)"), which continues the list; a [Code] button or a title ends it.
    /// </summary>
    private static bool IsLinkedName(Runs runs, int i, IElement link)
    {
        var end = i;
        while (end < runs.Length && runs.LinkAt(end) == link)
        {
            end++;
        }

        var label = runs.Slice(i, end).Trim(' ', '[', ']');
        var name = label.TrimEnd(Names.MarkChars.ToCharArray()).Trim();
        return name.Length > 0 && !LinkLabel().IsMatch(name) && Names.IsName(name);
    }

    private static bool BoldRunWithYear(Runs runs, int start, int end)
    {
        var first = start;
        while (first < end && runs.Text[first] is ' ' or ',')
        {
            first++;
        }

        if (first >= end || !runs.StyleAt(first).HasFlag(RunStyle.Bold))
        {
            return false;
        }

        var last = first;
        while (last < runs.Length && runs.StyleAt(last).HasFlag(RunStyle.Bold) && runs.Text[last] != '\n')
        {
            last++;
        }

        return DateText.YearIn(runs.Text[first..last]) is not null;
    }

    private static bool EtAl(string text) => EtAlPattern().IsMatch(text.Trim());

    private static string Slice(string text, int start, int end) => start >= end ? "" : text[start..Math.Min(end, text.Length)];

    private static bool IsAndWord(string text, int i) =>
        i + 4 < text.Length && (text.AsSpan(i, 5).Equals(" and ", StringComparison.Ordinal) || text.AsSpan(i, 3).Equals(" & ", StringComparison.Ordinal) && false);

    private static bool EndsSentence(string text, int pieceStart, int dot)
    {
        // "Helena Vogt. **Venue**" ends the list; "K. Asante" does not.
        var wordStart = dot;
        while (wordStart > pieceStart && !char.IsWhiteSpace(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        return word.Length >= 2 && (char.IsLower(word[^1]) || Names.MarkChars.Contains(word[^1], StringComparison.Ordinal) || word[^1] == ')');
    }

    /// <summary>"Xiaoyu Fang **Siyuan Chen**": emphasis starting between two words of one comma piece marks a missing comma.</summary>
    private static bool EmphasisChanges(Runs runs, int space, int pieceStart)
    {
        if (space <= pieceStart || space + 1 >= runs.Length)
        {
            return false;
        }

        const RunStyle emphasis = RunStyle.Bold | RunStyle.Underline | RunStyle.Highlight;
        var before = runs.StyleAt(space - 1) & emphasis;
        var after = runs.StyleAt(space + 1) & emphasis;
        if (before == after || !char.IsLetter(runs.Text[space - 1]) || !char.IsLetter(runs.Text[space + 1]))
        {
            return false;
        }

        // Both sides must be names of their own, not one name half emphasised.
        var left = runs.Slice(pieceStart, space);
        var rightEnd = space + 1;
        while (rightEnd < runs.Length && (runs.StyleAt(rightEnd) & emphasis) == after && runs.Text[rightEnd] is not (',' or '\n'))
        {
            rightEnd++;
        }

        var right = runs.Slice(space + 1, rightEnd);
        return left.Contains(' ', StringComparison.Ordinal) && right.Contains(' ', StringComparison.Ordinal) && Names.IsName(left) && Names.IsName(right.TrimEnd('*', '†', '#'));
    }

    private static WrittenAuthor? Piece(Runs runs, int start, int end)
    {
        var text = runs.Text;
        var name = new StringBuilder();
        var marks = new List<WrittenMark>();
        var emphasized = false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            var style = runs.StyleAt(i);
            // '+' marks co-first authors on some pages ("Yan Zhao+", "Banglie Yang<sup>+</sup>"); it is no name letter.
            if (Names.MarkChars.Contains(c, StringComparison.Ordinal) || c == '+')
            {
                marks.Add(new WrittenMark(c, style.HasFlag(RunStyle.Sup)));
                continue;
            }

            if (c == '\uFE0F')
            {
                continue;
            }

            if (style.HasFlag(RunStyle.Sup) && char.IsDigit(c))
            {
                continue; // affiliation numbers
            }

            if (char.IsLetter(c) && (style & (RunStyle.Bold | RunStyle.Underline | RunStyle.Highlight)) != 0)
            {
                emphasized = true;
            }

            name.Append(c);
        }

        var written = HtmlToMarkdown.Collapse(name.ToString().Replace('\n', ' ')).Trim().Trim(':', '：').Trim();
        // "Jie Zhang [the corresponding author]", "(equal contribution)", "(supervisor)": a role in words.
        if (Role().Match(written) is { Success: true } role)
        {
            var words = role.Groups["role"].Value;
            if (words.Contains("correspond", StringComparison.OrdinalIgnoreCase) || words.Contains("通讯", StringComparison.Ordinal))
            {
                marks.Add(new WrittenMark('✉', false));
            }
            else if (words.Contains("equal", StringComparison.OrdinalIgnoreCase) || words.Contains("first", StringComparison.OrdinalIgnoreCase))
            {
                marks.Add(new WrittenMark('*', false));
            }

            written = written[..role.Index].Trim();
        }

        if (written.StartsWith("and ", StringComparison.Ordinal))
        {
            written = written[4..].Trim();
        }

        if (written.EndsWith('.') && written.Length > 2 && !char.IsUpper(written[^2]))
        {
            written = written[..^1];
        }

        return Names.IsName(written) ? new WrittenAuthor(written, marks, emphasized) : null;
    }

    // namesFirst: the authors came before the title, so an italic "*Information Fusion*" after it is no name.
    private static string? Venue(Runs runs, IElement? venueElement, int stop, HashSet<int> used, bool namesFirst)
    {
        if (venueElement is not null)
        {
            return CleanVenue(HtmlToMarkdown.PlainText(venueElement));
        }

        var text = runs.Text;
        // "[CIKM 2026] Authors. Title. **(Best Paper Award)**": a bracketed tag opening a names-first entry is its venue.
        if (namesFirst && LeadingTag().Match(text) is { Success: true } tag && runs.LinkAt(tag.Groups["v"].Index) is null
            && CleanVenue(tag.Groups["v"].Value) is { Length: >= 2 } tagged && !LinkLabel().IsMatch(tagged))
        {
            Mark(used, tag.Index, tag.Index + tag.Length);
            return tagged;
        }

        // Italic, then bold, after the authors; then code spans and bracket labels anywhere; then plain text after the authors.
        foreach (var style in new[] { RunStyle.Italic, RunStyle.Bold })
        {
            for (var i = stop; i < text.Length; i++)
            {
                if (used.Contains(i) || !runs.StyleAt(i).HasFlag(style) || runs.LinkAt(i) is not null || char.IsWhiteSpace(text[i]) || runs.StyleAt(i).HasFlag(RunStyle.Badge))
                {
                    continue;
                }

                var end = i;
                while (end < text.Length && runs.StyleAt(end).HasFlag(style) && text[end] != '\n' && runs.LinkAt(end) is null)
                {
                    end++;
                }

                var candidate = CleanVenue(runs.Slice(i, end));
                if (candidate.Length >= 2 && (namesFirst || !Names.IsName(candidate)) && !LegendLike().IsMatch(candidate) && !candidate.StartsWith("TLDR", StringComparison.OrdinalIgnoreCase) && candidate.Length < 120
                    && !LinkLabel().IsMatch(candidate.Trim('[', ']', ' ')) && !candidate.Contains("coming soon", StringComparison.OrdinalIgnoreCase))
                {
                    Mark(used, i, end);
                    return candidate;
                }

                i = end;
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!used.Contains(i) && runs.StyleAt(i).HasFlag(RunStyle.Code))
            {
                var end = i;
                while (end < text.Length && runs.StyleAt(end).HasFlag(RunStyle.Code))
                {
                    end++;
                }

                // "`Chaowei Cui`": some forks set the owner's name in code, which is no venue.
                var candidate = CleanVenue(runs.Slice(i, end));
                if (candidate.Length >= 2 && !Names.IsName(candidate))
                {
                    Mark(used, i, end);
                    return candidate;
                }
            }
        }

        if (BracketLabel().Match(text) is { Success: true } label && !used.Contains(label.Index))
        {
            return CleanVenue(label.Groups["v"].Value);
        }

        if (stop < text.Length)
        {
            var lineEnd = text.IndexOf('\n', stop);
            var rest = runs.Slice(stop, lineEnd < 0 ? text.Length : lineEnd);
            rest = rest.Split(['[', '|', '(']).FirstOrDefault() ?? "";
            if (rest.Trim(' ', '.', ',').Length == 0 && lineEnd >= 0)
            {
                // Nothing after the names on their line: the venue is often the next line on its own.
                var nextEnd = text.IndexOf('\n', lineEnd + 1);
                var next = runs.Slice(lineEnd + 1, nextEnd < 0 ? text.Length : nextEnd);
                if (runs.LinkAt(Math.Min(lineEnd + 1, text.Length - 1)) is null && next.Length is > 1 and < 100 && !next.Contains("http", StringComparison.Ordinal))
                {
                    rest = next.Split(['[', '|', '(']).FirstOrDefault() ?? "";
                }
            }

            var candidate = CleanVenue(rest);
            if (candidate.Length >= 3 && candidate.Any(char.IsLetter) && !Names.IsName(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void Mark(HashSet<int> used, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            used.Add(k);
        }
    }

    /// <summary>"Interspeech, 2025. Rotterdam, Netherlands" -> "Interspeech 2025"; "AAAI-24" -> "AAAI 2024"; rank tags dropped.</summary>
    public static string CleanVenue(string venue)
    {
        var v = HtmlToMarkdown.Collapse(venue).Trim().Trim(',', '.', ';', ':', '*', ' ', '[', ']', '，').Trim();
        v = RankTag().Replace(v, "").Trim();
        if (v.StartsWith("in ", StringComparison.OrdinalIgnoreCase))
        {
            v = v[3..].Trim();
        }

        if (VenueYearPlace().Match(v) is { Success: true } m)
        {
            v = m.Groups["n"].Value.Trim() + " " + m.Groups["y"].Value;
        }

        v = ShortYearVenue().Replace(v, m => m.Groups["n"].Value + " 20" + m.Groups["yy"].Value);
        v = GluedYear().Replace(v, "${n} ${y}");
        return v.Trim().Trim(',', '.').Trim();
    }

    private static IEnumerable<(IElement Link, string Label)> LinksOf(Runs runs, IElement? titleLink)
    {
        var seen = new HashSet<IElement>();
        for (var i = 0; i < runs.Length; i++)
        {
            if (runs.LinkAt(i) is { } link && link != titleLink && seen.Add(link) && !string.IsNullOrWhiteSpace(link.GetAttribute("href")))
            {
                var label = HtmlToMarkdown.PlainText(link).Trim('[', ']', '*', ' ', '(', ')').ToLowerInvariant();
                yield return (link, label);
            }
        }
    }

    private static string Rest(Runs runs, HashSet<int> used)
    {
        var text = new StringBuilder();
        for (var i = 0; i < runs.Length; i++)
        {
            if (!used.Contains(i) && runs.LinkAt(i) is null)
            {
                text.Append(runs.Text[i]);
            }
        }

        return HtmlToMarkdown.Collapse(text.ToString().Replace('\n', ' '));
    }

    [GeneratedRegex(@"(?<![\w])[“""](?<t>[^”""\n]{10,}?)(?:[”""]|(?=,?\s+in\s))", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^(paper|pdf|code|codes|github|project|project page|website|homepage|page|video|slides?|poster|arxiv|doi|data|dataset|demo|blog|bibtex|bib|abstract|supp|supplementary|appendix|talk|openreview|preprint|report|benchmark|challenge|hugging ?face|model|models|weights|link|html|ieee|acm|springer|full text|camera[- ]ready|code \(coming soon\))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkLabel();

    [GeneratedRegex(@"(?i)\b(?:doi:\s*|doi\.org/|DOI\s*:\s*)(?<doi>10\.\d{4,9}/[^\s,;""'<>|]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Doi();

    [GeneratedRegex(@"\((CCF|CORE|Core|JCR|SCI|EI|Q[1-4])[^)]*\)|\b(CCF|CORE)[- ]?[ABC]\*?\b", RegexOptions.CultureInvariant)]
    private static partial Regex RankTag();

    [GeneratedRegex(@"^(?<n>[^,]{2,80}),\s*(?<y>(19|20)\d\d)\.\s+\S.*$", RegexOptions.CultureInvariant)]
    private static partial Regex VenueYearPlace();

    [GeneratedRegex(@"(?<n>\b[A-Za-z][A-Za-z&. ]*?)\s?[-'’](?<yy>[0-3]\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ShortYearVenue();

    [GeneratedRegex(@"(?<n>[A-Za-z])(?<y>(19|20)\d\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GluedYear();

    [GeneratedRegex(@"\[(?<v>[A-Za-z][^\]\n]{1,40}?['’]?\d{2,4})\]", RegexOptions.CultureInvariant)]
    private static partial Regex BracketLabel();

    [GeneratedRegex(@"^[\s\uFFFC]*\[(?<v>[A-Za-z][^\]\[\n,]{1,40})\]", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingTag();

    [GeneratedRegex(@"equal contribution|co-first|corresponding|contributed equally|co-senior|co-supervis", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LegendLike();

    [GeneratedRegex(@"\s*[\[(（]\s*(?<role>[^\[\]()（）]{3,40})\s*[\])）]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Role();

    [GeneratedRegex(@"^et\.?\s*al\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EtAlPattern();
}
