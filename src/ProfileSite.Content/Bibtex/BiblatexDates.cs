using System.Globalization;
using System.Text.RegularExpressions;

namespace ProfileSite.Content.Bibtex;

/// <summary>A date as a bibliography states it: a start, maybe an end (a range), and how sure it is.</summary>
/// <param name="Start">The date, or the start of the range.</param>
/// <param name="End">The end of a range (<c>1984/1986</c>); null for one date or an open range.</param>
/// <param name="OpenEnd">A range with no end (<c>1988/..</c> or <c>1988/</c>): "1988–".</param>
/// <param name="Approximate">Marked <c>~</c> or <c>%</c>: "circa".</param>
/// <param name="Uncertain">Marked <c>?</c> or <c>%</c>.</param>
public sealed record BibDate(PartialDate Start, PartialDate? End, bool OpenEnd = false, bool Approximate = false, bool Uncertain = false);

/// <summary>
/// Dates in <c>.bib</c> files: biblatex's <c>date</c>, <c>urldate</c>, ... fields in ISO 8601-2
/// (EDTF levels 0 and 1; biblatex manual §2.3.8): <c>2019</c>, <c>2019-07</c>, <c>2019-07-04</c>,
/// ranges <c>1984/1986</c> and <c>2019-07/2019-08</c>, open ranges <c>1988/..</c>, uncertain and
/// approximate <c>2019?</c>, <c>2019~</c>, <c>2019%</c>, unspecified digits <c>199X</c>, seasons
/// <c>2019-21</c>, times (ignored); and BibTeX's free-text <c>year</c> and <c>month</c>.
/// </summary>
public static partial class BiblatexDates
{
    /// <summary>Reads an ISO 8601-2 date or range; null when the text is not one.</summary>
    public static BibDate? ParseDate(string text)
    {
        var value = AsciiDigits(text).Trim();
        if (value.Length == 0)
        {
            return null;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return Point(value) is { } single ? new BibDate(single.Start, single.End, false, single.Approximate, single.Uncertain) : null;
        }

        var startText = value[..slash].Trim();
        var endText = value[(slash + 1)..].Trim();
        var open = endText is "" or "..";
        var start = startText is "" or ".." ? null : Point(startText);
        var end = open ? null : Point(endText);
        if (start is null && end is null)
        {
            return null;
        }

        if (start is null)
        {
            // "../1990": only the end is known; list it there.
            return new BibDate(end!.Start, null, false, end.Approximate, true);
        }

        if (!open && end is null)
        {
            return null;
        }

        PartialDate? last = end is null ? null : end.End ?? end.Start;
        if (last is { } l && l < start.Start)
        {
            return null;
        }

        return new BibDate(start.Start, last, open, start.Approximate || (end?.Approximate ?? false), start.Uncertain || (end?.Uncertain ?? false));
    }

    private sealed record PointDate(PartialDate Start, PartialDate? End, bool Approximate, bool Uncertain);

    private static PointDate? Point(string text)
    {
        var match = EdtfPoint().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var qualifier = match.Groups["q"].Value;
        var yearText = match.Groups["y"].Value.Replace('u', 'X');
        var unspecified = yearText.Contains('X', StringComparison.Ordinal);
        var year = int.Parse(yearText.Replace('X', '0'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int? month = null;
        int? day = null;
        if (!unspecified && match.Groups["m"].Success && int.TryParse(match.Groups["m"].Value, CultureInfo.InvariantCulture, out var m))
        {
            // 21-24 are seasons (spring ... winter): the year is all a list can show.
            month = m is >= 1 and <= 12 ? m : null;
            if (m is < 1 or > 12 and < 21 or > 24)
            {
                return null;
            }

            if (month is not null && match.Groups["d"].Success && int.TryParse(match.Groups["d"].Value, CultureInfo.InvariantCulture, out var d))
            {
                if (year <= 0 || d < 1 || d > DateTime.DaysInMonth(year, month.Value))
                {
                    return null;
                }

                day = d;
            }
        }

        PartialDate? end = unspecified ? new PartialDate(int.Parse(yearText.Replace('X', '9'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), null, null) : null;
        return new PointDate(new PartialDate(year, month, day), end, qualifier is "~" or "%", qualifier is "?" or "%" || unspecified);
    }

    /// <summary>
    /// BibTeX's <c>year</c> (free text: <c>2020</c>, <c>2020a</c>, <c>1984--1986</c>, <c>{[}2001{]}</c>)
    /// and <c>month</c> (<c>jan</c>, <c>January</c>, <c>1</c>). Returns the date and, when the text
    /// was not exactly a year, a note of what was read; null when no four-digit year is in it.
    /// </summary>
    public static (BibDate Date, string? Note)? FromYear(string yearText, string? monthText)
    {
        yearText = AsciiDigits(yearText);
        var years = FourDigits().Matches(yearText);
        if (years.Count == 0)
        {
            return null;
        }

        var start = int.Parse(years[0].Value, CultureInfo.InvariantCulture);
        int? end = null;
        if (years.Count > 1 && RangeBetween().IsMatch(yearText[(years[0].Index + 4)..years[1].Index]))
        {
            var second = int.Parse(years[1].Value, CultureInfo.InvariantCulture);
            end = second > start ? second : null;
        }

        var exact = yearText.Trim() == years[0].Value;
        var month = monthText is null ? null : MonthOf(monthText);
        var date = new BibDate(new PartialDate(start, month, null), end is { } e ? new PartialDate(e, null, null) : null);
        return (date, exact || end is not null ? null : $"'year' \"{yearText.Trim()}\" is read as {start}");
    }

    /// <summary>A month from <c>jan</c>, <c>January</c>, <c>Sept.</c>, <c>1</c>, or a text that names one (<c>May-June</c>); null otherwise.</summary>
    public static int? MonthOf(string text)
    {
        text = AsciiDigits(text);
        if (Loading.Months.Parse(text) is { } month)
        {
            return month;
        }

        var word = MonthWord().Match(text);
        return word.Success ? Loading.Months.Parse(word.Value) : null;
    }

    /// <summary>
    /// Digits of other scripts (<c>१९८७</c>, <c>٢٠٢٠</c>, full-width <c>２０２０</c>) as ASCII digits: biber
    /// reads a date's numbers through <c>Unicode::UCD::num</c> (Biber::Date::Format), and the
    /// patterns here, whose <c>\d</c> is any Unicode decimal digit, must only hand ASCII to <c>int.Parse</c>.
    /// </summary>
    private static string AsciiDigits(string text)
    {
        if (!text.Any(c => c > '\u007f' && char.IsDigit(c)))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c > '\u007f' && char.IsDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c;
            }
        });
    }

    [GeneratedRegex(@"^(?<y>-?\d{4}|\d{3}[Xu]|\d{2}[Xu]{2})(?:-(?<m>\d{2}|XX)(?:-(?<d>\d{2}|XX))?)?(?:T[\d:.]+(?:Z|[+-]\d{2}(?::?\d{2})?)?)?(?<q>[?~%])?$", RegexOptions.CultureInvariant)]
    private static partial Regex EdtfPoint();

    [GeneratedRegex(@"(?<!\d)\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex FourDigits();

    [GeneratedRegex(@"^\s*(?:-{1,3}|–|—|/|\s+to\s+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RangeBetween();

    [GeneratedRegex(@"[A-Za-z]{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex MonthWord();
}
