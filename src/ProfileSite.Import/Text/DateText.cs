using System.Globalization;
using System.Text.RegularExpressions;

namespace ProfileSite.Import.Text;

/// <summary>
/// Reads the dates people write on AcadHomepage pages into the contract's <see cref="PartialDate"/>
/// and <see cref="DateRange"/>: <c>2024.09</c>, <c>2026.5</c>, <c>2025.11.04</c>, <c>09.2020</c>
/// (month first), <c>2025/04</c>, <c>Sep 2025</c>, <c>Sep. 2019</c>, <c>June. 2021</c>, <c>2024</c>,
/// ranges with <c>-</c>, <c>–</c>, <c>—</c>, <c>~</c> or <c>to</c>, ending in <c>now</c>,
/// <c>present</c>, <c>至今</c>, and the template's <c>2019.06 - 2022.04 (now)</c>.
/// </summary>
internal static partial class DateText
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly string[] OngoingWords = ["now", "present", "today", "current", "至今", "现在", "今", "ongoing"];

    /// <summary>One date: null when <paramref name="text"/> is not a date as a whole.</summary>
    public static PartialDate? Date(string text)
    {
        var t = Clean(text);
        if (t.Length == 0)
        {
            return null;
        }

        Match m;
        if ((m = YearFirst().Match(t)).Success)
        {
            return Make(Int(m.Groups["y"]), m.Groups["m"].Success ? Int(m.Groups["m"]) : null, m.Groups["d"].Success ? Int(m.Groups["d"]) : null);
        }

        if ((m = MonthFirst().Match(t)).Success)
        {
            return Make(Int(m.Groups["y"]), Int(m.Groups["m"]), null);
        }

        if ((m = MonthName().Match(t)).Success && MonthNumber(m.Groups["name"].Value) is { } month)
        {
            return Make(Int(m.Groups["y"]), month, m.Groups["d"].Success ? Int(m.Groups["d"]) : null);
        }

        if ((m = ChineseDate().Match(t)).Success)
        {
            return Make(Int(m.Groups["y"]), m.Groups["m"].Success ? Int(m.Groups["m"]) : null, null);
        }

        return null;
    }

    /// <summary>A date or a range: null when <paramref name="text"/> is not one as a whole.</summary>
    public static DateRange? Range(string text)
    {
        var t = Clean(text);
        // The template's "2019.06 - 2022.04 (now)": the parenthesised word is a leftover, the end date stands.
        t = TrailingParenthesis().Replace(t, "").Trim();
        if (t.Length == 0)
        {
            return null;
        }

        var parts = RangeSeparator().Split(t, 2);
        if (parts.Length == 2 && parts[0].Trim().Length > 0)
        {
            var start = Date(parts[0]);
            var endText = parts[1].Trim().TrimEnd('.', ',', ':', ';');
            if (start is null)
            {
                return null;
            }

            if (OngoingWords.Contains(endText.ToLowerInvariant()))
            {
                return new DateRange(start.Value, null, true);
            }

            var end = Date(endText);
            if (end is null)
            {
                return null;
            }

            return end.Value < start.Value ? null : new DateRange(start.Value, end.Value == start.Value ? null : end, false);
        }

        return Date(t) is { } single ? new DateRange(single, null, false) : null;
    }

    /// <summary>
    /// A list of dates such as <c>2023.05, 2022.05</c> or <c>2025/2023/2021</c>: every date, newest first,
    /// or empty when the text is not such a list.
    /// </summary>
    public static IReadOnlyList<PartialDate> List(string text)
    {
        var t = Clean(text);
        var parts = t.Split([',', '，', ';', '/', '&'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            return [];
        }

        var dates = new List<PartialDate>();
        foreach (var part in parts)
        {
            if (Date(part) is not { } date)
            {
                return [];
            }

            dates.Add(date);
        }

        return [.. dates.OrderDescending()];
    }

    /// <summary>A four-digit year (1950 to 2099) anywhere in <paramref name="text"/>, also in the
    /// venue forms <c>AAAI-24</c>, <c>ICLR'26</c>, <c>ICLR2025</c>; the last one found wins.</summary>
    public static int? YearIn(string text)
    {
        int? year = null;
        foreach (Match m in YearAnywhere().Matches(text))
        {
            year = Int(m.Groups["y"]);
        }

        if (year is not null)
        {
            return year;
        }

        foreach (Match m in ShortYear().Matches(text))
        {
            year = 2000 + Int(m.Groups["yy"]);
        }

        return year;
    }

    private static string Clean(string text) =>
        text.Replace('\u00a0', ' ').Replace('\u2002', ' ').Replace('\u2003', ' ').Replace('\u3000', ' ')
            .Trim().Trim('*', '_', ':', '：', ',', '，', '[', ']', '(', ')').Trim();

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    private static int? MonthNumber(string name)
    {
        var key = name.ToLowerInvariant().TrimEnd('.');
        if (key == "sept")
        {
            return 9;
        }

        for (var i = 0; i < Months.Length; i++)
        {
            if (key.StartsWith(Months[i], StringComparison.Ordinal) && (key.Length == 3 || FullMonth(i).StartsWith(key, StringComparison.Ordinal)))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static string FullMonth(int index) =>
        CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[index].ToLowerInvariant();

    private static PartialDate? Make(int year, int? month, int? day)
    {
        if (year is < 1900 or > 2100 || month is < 1 or > 12)
        {
            return null;
        }

        if (day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(year, month.Value)))
        {
            return null;
        }

        return new PartialDate(year, month, day);
    }

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:\s*[-./]\s*(?<m>[0-9]{1,2})(?:\s*[-./]\s*(?<d>[0-9]{1,2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"^(?<m>[0-9]{1,2})\s*[-./]\s*(?<y>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"^(?:(?<d>[0-9]{1,2})\s+)?(?<name>[A-Za-z]{3,9})\.?,?\s*(?<y>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthName();

    [GeneratedRegex(@"^(?<y>[0-9]{4})\s*年\s*(?:(?<m>[0-9]{1,2})\s*月)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"\s*(?:\s-\s*|\s*-\s|–|—|~|～|\sto\s)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex RangeSeparator();

    [GeneratedRegex(@"\((?:now|present|current)\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingParenthesis();

    [GeneratedRegex(@"(?<![0-9./])(?<y>(?:19[5-9]|20[0-9])[0-9])(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex YearAnywhere();

    [GeneratedRegex(@"[A-Za-z][-'’](?<yy>[0-3][0-9])\b", RegexOptions.CultureInvariant)]
    private static partial Regex ShortYear();
}
