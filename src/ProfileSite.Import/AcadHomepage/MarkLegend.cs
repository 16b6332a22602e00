using System.Text;
using System.Text.RegularExpressions;
using ProfileSite.Import.Model;

namespace ProfileSite.Import.AcadHomepage;

/// <summary>What a site says one of its author marks means.</summary>
internal enum MarkMeaning
{
    EqualContribution,
    Corresponding,
    Other,
}

/// <summary>
/// The site's own legend for its author marks (<c>(* equal contribution, # corresponding)</c>,
/// <c>† equal contribution  * corresponding author</c>, <c>the superscript * marks the corresponding
/// author</c>), learned clause by clause; a superscript mark and the same mark in plain text can
/// mean different things. Marks map to ProfileSite's <c>*</c> (equal contribution) and <c>†</c>
/// (corresponding) only where the legend says so; <c>✉</c> is corresponding everywhere.
/// </summary>
internal sealed partial class MarkLegend
{
    private readonly Dictionary<(char Mark, bool Sup), MarkMeaning> _exact = [];
    private readonly Dictionary<char, MarkMeaning> _any = [];
    private readonly HashSet<string> _told = [];

    public bool IsEmpty => _any.Count == 0;

    /// <summary>True when the text reads like a legend: a mark and a meaning.</summary>
    public static bool IsLegend(string text) =>
        text.Length < 300 && text.AsSpan().ContainsAny(Names.Marks) && Meaning(text) is not null;

    public void Learn(Runs runs, SourceLine at, ImportNotes notes)
    {
        var text = runs.Text;
        var clauseStart = 0;
        var carrySup = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length || text[i] is ';' or ',' or '(' or ')' or '（' or '）' or '；' or '，' or '\n' or '.' or '。'
                || (text[i] == ' ' && i + 5 <= text.Length && text.AsSpan(i, 5).Equals(" and ", StringComparison.Ordinal))
                || (Names.MarkChars.Contains(text[i], StringComparison.Ordinal) && Meaning(text[clauseStart..i]) is not null);
            if (!end)
            {
                continue;
            }

            var clause = text[clauseStart..i];
            var superscript = carrySup || clause.Contains("superscript", StringComparison.OrdinalIgnoreCase) || clause.Contains("上标", StringComparison.Ordinal);
            var marks = new List<(char, bool)>();
            for (var k = clauseStart; k < i; k++)
            {
                if (Names.MarkChars.Contains(text[k], StringComparison.Ordinal))
                {
                    marks.Add((text[k], superscript || runs.StyleAt(k).HasFlag(RunStyle.Sup)));
                }
            }

            carrySup = marks.Count == 0 && clause.TrimEnd().EndsWith("superscript", StringComparison.OrdinalIgnoreCase);
            if (Meaning(clause) is { } meaning && marks.Select(m => m.Item1).Distinct().Count() == 1)
            {
                var (mark, sup) = marks[0];
                _exact[(mark, sup)] = meaning;
                _any.TryAdd(mark, meaning);
                notes.Guessed(at, $"mark '{mark}'{(sup ? " (superscript)" : "")} means {Describe(meaning)}, from the page's legend");
            }

            clauseStart = i < text.Length && Names.MarkChars.Contains(text[i], StringComparison.Ordinal) ? i : i + 1;
        }
    }

    /// <summary>ProfileSite's suffix for an author's marks: "*", "†", "*†" or "", with notes for marks that have no meaning here.</summary>
    public string Suffix(IReadOnlyList<WrittenMark> marks, SourceLine at, ImportNotes notes)
    {
        bool equal = false, corresponding = false;
        foreach (var (mark, sup) in marks)
        {
            MarkMeaning? meaning = _exact.TryGetValue((mark, sup), out var exact) ? exact : _any.TryGetValue(mark, out var any) ? any : null;
            if (meaning is null)
            {
                switch (mark)
                {
                    case '✉':
                        meaning = MarkMeaning.Corresponding;
                        Once($"✉", () => notes.Guessed(at, "mark '✉' read as corresponding author (†)"));
                        break;
                    case '*':
                        meaning = MarkMeaning.EqualContribution;
                        Once("*", () => notes.Warning(at, "author marks '*' without a legend on the page: kept as '*' (equal contribution in ProfileSite); check them"));
                        break;
                    case '†':
                        meaning = MarkMeaning.Corresponding;
                        Once("†", () => notes.Warning(at, "author marks '†' without a legend on the page: kept as '†' (corresponding in ProfileSite); check them"));
                        break;
                    default:
                        Once(mark.ToString(), () => notes.Dropped(at, $"author mark '{mark}': the page does not say what it means and ProfileSite has no such mark"));
                        continue;
                }
            }

            switch (meaning)
            {
                case MarkMeaning.EqualContribution:
                    equal = true;
                    break;
                case MarkMeaning.Corresponding:
                    corresponding = true;
                    break;
                default:
                    Once("other" + mark, () => notes.Dropped(at, $"author mark '{mark}' ({MeaningText(mark)}): ProfileSite has only '*' (equal contribution) and '†' (corresponding)"));
                    break;
            }
        }

        return (equal ? "*" : "") + (corresponding ? "†" : "");
    }

    private readonly Dictionary<char, string> _otherText = [];

    private string MeaningText(char mark) => _otherText.GetValueOrDefault(mark, "as the page's legend says");

    private void Once(string key, Action action)
    {
        if (_told.Add(key))
        {
            action();
        }
    }

    private static string Describe(MarkMeaning meaning) => meaning switch
    {
        MarkMeaning.EqualContribution => "equal contribution (written '*')",
        MarkMeaning.Corresponding => "corresponding author (written '†')",
        _ => "something ProfileSite has no mark for (left out)",
    };

    private static MarkMeaning? Meaning(string text)
    {
        if (Equal().IsMatch(text))
        {
            return MarkMeaning.EqualContribution;
        }

        if (Corresponding().IsMatch(text))
        {
            return MarkMeaning.Corresponding;
        }

        return OtherMeaning().IsMatch(text) ? MarkMeaning.Other : null;
    }

    [GeneratedRegex(@"equal(ly)?\s+contribut|co-?\s?first|contributed\s+equally|joint\s+first|共同第一|共同一作|同等贡献", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Equal();

    [GeneratedRegex(@"correspond|通讯|通信作者", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Corresponding();

    [GeneratedRegex(@"senior|supervis|advis|mentor|student|intern|last\s+author", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherMeaning();
}
