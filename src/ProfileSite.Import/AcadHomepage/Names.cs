using System.Text.RegularExpressions;
using ProfileSite.Content.Text;

namespace ProfileSite.Import.AcadHomepage;

/// <summary>Author marks as written on the page: the mark and whether it was set as a superscript.</summary>
internal readonly record struct WrittenMark(char Mark, bool Sup);

/// <summary>An author as the page wrote it: name without marks, the marks, and whether it was emphasised (bold, underlined, coloured).</summary>
internal sealed record WrittenAuthor(string Name, IReadOnlyList<WrittenMark> Marks, bool Emphasized);

/// <summary>Telling person names from other text, and the owner's name from its other spellings.</summary>
internal static partial class Names
{
    public const string MarkChars = "*†‡#✉§¶";

    public static readonly System.Buffers.SearchValues<char> Marks = System.Buffers.SearchValues.Create(MarkChars);

    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "de", "van", "der", "von", "da", "di", "la", "le", "du", "dos", "das", "del", "den", "bin", "binti", "al", "el", "ten", "ter", "y", "zu", "st.",
    };

    /// <summary>True when <paramref name="text"/> reads as one person's name (Latin or CJK), not a venue or a sentence.</summary>
    public static bool IsName(string text)
    {
        var t = text.Trim();
        if (t.Length is < 2 or > 60 || t.Any(char.IsDigit) || NotName().IsMatch(t))
        {
            return false;
        }

        if (Cjk().IsMatch(t))
        {
            return CjkName().IsMatch(t);
        }

        var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 1 or > 6 || (words.Length == 1 && !t.Contains('.', StringComparison.Ordinal) && t.Length < 2))
        {
            return false;
        }

        var capitals = 0;
        foreach (var word in words)
        {
            if (Particles.Contains(word))
            {
                continue;
            }

            if (!NameWord().IsMatch(word))
            {
                return false;
            }

            capitals++;
        }

        // One word is a name only as initials-and-name ("K.Asante"); "Interspeech" alone is a venue.
        return capitals >= 1 && (words.Length > 1 || t.Contains('.', StringComparison.Ordinal));
    }

    /// <summary>
    /// True when <paramref name="written"/> is another spelling of <paramref name="owner"/>: initials for
    /// given names (<c>K. Asante</c>, <c>Asante K.</c>), or family name first (<c>Zhang Zhongwang</c>).
    /// </summary>
    public static bool IsSpellingOf(string written, string owner)
    {
        var w = Words(written);
        var o = Words(owner);
        if (w.Count < 2 || o.Count < 2 || MatchKey.Name(written) == MatchKey.Name(owner))
        {
            return false;
        }

        var family = o[^1];
        if (MatchKey.Name(w[^1]) == MatchKey.Name(family) && Initials(w.Take(w.Count - 1), o.Take(o.Count - 1)))
        {
            return true;
        }

        if (MatchKey.Name(w[0]) == MatchKey.Name(family) && Initials(w.Skip(1), o.Take(o.Count - 1)))
        {
            return true;
        }

        return false;
    }

    /// <summary>Edit distance at most 2 on the folded names: a likely typo of the owner's name.</summary>
    public static bool IsNearMiss(string written, string owner)
    {
        var a = MatchKey.Name(written);
        var b = MatchKey.Name(owner);
        return a != b && a.Length > 4 && ProfileSite.Content.Text.EditDistance.Between(a, b) <= 2;
    }

    private static bool Initials(IEnumerable<string> written, IEnumerable<string> given)
    {
        var w = written.Select(x => x.TrimEnd('.')).Where(x => x.Length > 0).ToList();
        var g = given.ToList();
        if (w.Count == 0 || w.Count > g.Count)
        {
            return false;
        }

        for (var i = 0; i < w.Count; i++)
        {
            var part = MatchKey.Name(w[i]);
            var full = MatchKey.Name(g[i]);
            if (part.Length == 0 || full.Length == 0 || !(part == full || (part.Length <= 2 && full.StartsWith(part, StringComparison.Ordinal))))
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> Words(string name) =>
        [.. name.Replace("-", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [GeneratedRegex(@"^(\p{Lu}[\p{L}\p{M}'’\-]*\.?|\p{Lu}\.(\s?\p{Lu}\.)*|\p{Lu}\.-?\p{Lu}\.?|\p{L}[\p{L}\p{M}]*-\p{Lu}[\p{L}\p{M}]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NameWord();

    [GeneratedRegex(@"\b(in|at|on|of|the|for|and|with|accepted|proceedings|conference|journal|transactions|workshop|arxiv|preprint|review|press|university|institute|team|lab|group|vol|pp|no|submitted|letters|symposium|report|technical|oral|spotlight|poster|code|paper|project|video|slides|pdf)\b|https?:|@|\[|\]|\(|\)|""|“|”", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotName();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsHangulSyllables}\p{IsHiragana}\p{IsKatakana}]", RegexOptions.CultureInvariant)]
    private static partial Regex Cjk();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}·•]{2,5}$|^[\p{IsHangulSyllables}]{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex CjkName();
}
