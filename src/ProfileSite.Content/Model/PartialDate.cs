using System.Globalization;
using System.Text.RegularExpressions;

namespace ProfileSite.Content;

/// <summary>
/// A date as academics write it: a year, a year and month, or a full date.
/// Accepts <c>2024</c>, <c>2024-01</c>, <c>2024-01-15</c> and the AcadHomepage style <c>2024.01</c>.
/// </summary>
public readonly partial record struct PartialDate(int Year, int? Month, int? Day) : IComparable<PartialDate>
{
    private static readonly string[] MonthNames =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>No date at all: a bibliography entry without a year. Sorts before every real date (so last in newest-first lists).</summary>
    public static PartialDate Unknown => default;

    /// <summary>True for <see cref="Unknown"/>.</summary>
    public bool IsUnknown => Year == 0 && Month is null && Day is null;

    /// <summary>The forms the owner may write, for error messages.</summary>
    public const string Expected = "YYYY, YYYY-MM or YYYY-MM-DD";

    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = DatePattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        int? month = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : null;
        int? day = match.Groups["d"].Success ? int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture) : null;
        if (month is < 1 or > 12 || (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value))))
        {
            return false;
        }

        date = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>ISO 8601 form for <c>&lt;time datetime&gt;</c>: <c>2024</c>, <c>2024-01</c> or <c>2024-01-15</c>.</summary>
    public string ToIsoString() =>
        Month is null ? $"{Year:D4}"
        : Day is null ? $"{Year:D4}-{Month:D2}"
        : $"{Year:D4}-{Month:D2}-{Day:D2}";

    /// <summary>The dotted form AcadHomepage readers know: <c>2024.09</c>.</summary>
    public string ToDisplayString() =>
        Month is null ? $"{Year:D4}"
        : Day is null ? $"{Year:D4}.{Month:D2}"
        : $"{Year:D4}.{Month:D2}.{Day:D2}";

    /// <summary>A long form for detail pages: <c>Sep 2024</c>.</summary>
    public string ToLongString() =>
        Month is null ? $"{Year:D4}"
        : Day is null ? $"{MonthNames[Month.Value - 1]} {Year:D4}"
        : $"{Day} {MonthNames[Month.Value - 1]} {Year:D4}";

    public int CompareTo(PartialDate other)
    {
        if (IsUnknown || other.IsUnknown)
        {
            return IsUnknown.CompareTo(other.IsUnknown) * -1;
        }

        var byYear = Year.CompareTo(other.Year);
        if (byYear != 0)
        {
            return byYear;
        }

        var byMonth = (Month ?? 0).CompareTo(other.Month ?? 0);
        return byMonth != 0 ? byMonth : (Day ?? 0).CompareTo(other.Day ?? 0);
    }

    public override string ToString() => ToIsoString();

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:[-./](?<m>[0-9]{1,2})(?:[-./](?<d>[0-9]{1,2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}

/// <summary>
/// A span such as <c>2017.09 - 2021.06</c> or an ongoing one, <c>2021.09 - now</c>; a single date is a span of one.
/// </summary>
public sealed record DateRange(PartialDate Start, PartialDate? End, bool Ongoing)
{
    private static readonly string[] OngoingWords = ["now", "present", "today", "current"];

    public const string Expected = "a date (YYYY, YYYY-MM, YYYY-MM-DD) or a range like '2021.09 - now'";

    public static bool TryParse(string? text, out DateRange? range)
    {
        range = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // Split on a dash surrounded by spaces, an en dash, or "to"; a bare '-' is part of ISO dates.
        var parts = text.Split([" - ", " – ", "–", " — ", " to "], 2, StringSplitOptions.TrimEntries);
        if (!PartialDate.TryParse(parts[0], out var start))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            range = new DateRange(start, null, false);
            return true;
        }

        if (OngoingWords.Contains(parts[1], StringComparer.OrdinalIgnoreCase))
        {
            range = new DateRange(start, null, true);
            return true;
        }

        if (!PartialDate.TryParse(parts[1], out var end) || end < start)
        {
            return false;
        }

        range = new DateRange(start, end, false);
        return true;
    }

    public string ToDisplayString() =>
        Ongoing ? $"{Start.ToDisplayString()} - now"
        : End is { } end ? $"{Start.ToDisplayString()} - {end.ToDisplayString()}"
        : Start.ToDisplayString();
}
