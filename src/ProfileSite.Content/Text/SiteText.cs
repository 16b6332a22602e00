using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Resources;
using System.Text;

namespace ProfileSite.Content.Text;

/// <summary>
/// Every word the site writes itself (labels, headings, messages, link names), in
/// <c>SiteText.resx</c> (English, the neutral resources) and one <c>SiteText.{culture}.resx</c> per
/// translation. Pages read them through ASP.NET Core's <c>IStringLocalizer&lt;SiteText&gt;</c> in the
/// request's culture; the loader (default titles, section names) and the discovery documents (feed
/// categories) through <see cref="Get"/> with an explicit language. Keys ending in <c>.Html</c> hold HTML.
/// </summary>
/// <remarks>
/// The app runs with invariant globalization (no ICU): pages must not differ between machines with
/// different ICU data, and the published app needs no native library. So what a language formats
/// (the digit group separator, month names, the order of day, month and year) is part of its
/// translation here, not read from the operating system; cultures are names only
/// (<c>PredefinedCulturesOnly=false</c>), enough to pick a satellite assembly.
/// </remarks>
public sealed class SiteText
{
    private static readonly ResourceManager Resources = new(typeof(SiteText).FullName!, typeof(SiteText).Assembly);
    private static readonly ConcurrentDictionary<string, CultureInfo> Cultures = new(StringComparer.OrdinalIgnoreCase);

    private SiteText()
    {
    }

    /// <summary>
    /// Languages whose translation is complete (every key of the neutral file): English and
    /// Simplified Chinese. A site in another language gets English interface text until its
    /// <c>SiteText.{tag}.resx</c> is added here.
    /// </summary>
    public static ImmutableArray<string> Complete { get; } = ["en", "zh-CN"];

    /// <summary>
    /// The culture whose resources serve pages in <paramref name="language"/> (a BCP 47 tag): a
    /// translation of that tag, else of its language (<c>en-GB</c> -> <c>en</c>; <c>zh</c>,
    /// <c>zh-Hans</c>, <c>zh-SG</c> -> <c>zh-CN</c>), else the neutral (English) resources.
    /// </summary>
    public static CultureInfo CultureFor(string language) => Cultures.GetOrAdd(language, static tag =>
    {
        var translation = TranslationFor(tag);
        return translation is null or "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(translation);
    });

    /// <summary>The shipped translation for a language tag (one of <see cref="Complete"/>), or null.</summary>
    public static string? TranslationFor(string language)
    {
        if (Complete.FirstOrDefault(c => c.Equals(language, StringComparison.OrdinalIgnoreCase)) is { } exact)
        {
            return exact;
        }

        var parts = language.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return null;
        }

        // Simplified Chinese is zh-CN's text; Traditional (zh-TW, zh-HK, zh-Hant) is not.
        if (parts[0].Equals("zh", StringComparison.OrdinalIgnoreCase))
        {
            var rest = parts.Skip(1).Select(p => p.ToUpperInvariant()).ToList();
            return rest.Count == 0 || rest.Contains("HANS") || (!rest.Contains("HANT") && rest.Any(p => p is "CN" or "SG" or "MY")) ? "zh-CN" : null;
        }

        return Complete.FirstOrDefault(c => c.Equals(parts[0], StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The text of <paramref name="key"/> for pages in <paramref name="language"/>.</summary>
    /// <exception cref="KeyNotFoundException">The key is in no resource file (a bug, not content).</exception>
    public static string Get(string key, string language) =>
        Resources.GetString(key, CultureFor(language)) ?? throw new KeyNotFoundException($"SiteText has no key '{key}'.");

    /// <summary><see cref="Get"/> with <c>{0}</c>, <c>{1}</c>, ... filled in.</summary>
    public static string Format(string key, string language, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(key, language), args);

    /// <summary>Every key with its neutral (English) text, for checks that a translation is complete.</summary>
    public static IEnumerable<KeyValuePair<string, string>> NeutralEntries() =>
        Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .Select(e => new KeyValuePair<string, string>((string)e.Key, (string)e.Value!));

    /// <summary>The keys a translation itself holds (no fallback to English), for completeness checks.</summary>
    public static IReadOnlySet<string> KeysOf(string translation) =>
        (Resources.GetResourceSet(CultureInfo.GetCultureInfo(translation), createIfNotExists: true, tryParents: false)
            ?.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key) ?? []).ToHashSet(StringComparer.Ordinal);

    // ---- what a language formats ----------------------------------------------------------

    /// <summary>A count with its digits grouped by three: <c>1,234</c>.</summary>
    /// <param name="value">The number.</param>
    /// <param name="text">The language's texts (<c>Number.GroupSeparator</c>).</param>
    public static string Number(long value, Func<string, string> text)
    {
        var digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var separator = text("Number.GroupSeparator");
        var builder = new StringBuilder(digits.Length + 8);
        if (value < 0)
        {
            builder.Append('-');
        }

        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                builder.Append(separator);
            }

            builder.Append(digits[i]);
        }

        return builder.ToString();
    }

    /// <summary>A date in words as the language writes it: <c>Sep 2024</c>, <c>2024年9月</c>, or just the year.</summary>
    public static string LongDate(PartialDate date, Func<string, string> text)
    {
        var year = date.Year.ToString("D4", CultureInfo.InvariantCulture);
        if (date.Month is not { } month)
        {
            return year;
        }

        var monthName = text("Date.Month." + month.ToString(CultureInfo.InvariantCulture));
        return date.Day is { } day
            ? string.Format(CultureInfo.InvariantCulture, text("Date.DayMonthYear"), day, monthName, year)
            : string.Format(CultureInfo.InvariantCulture, text("Date.MonthYear"), monthName, year);
    }

    /// <summary>A dated item's date as AcadHomepage shows it (<c>2021.09 - 2023.06</c>), with the
    /// language's word for an open end (<c>2021.09 - now</c>, <c>2021.09 - 至今</c>).</summary>
    public static string Range(DateRange range, Func<string, string> text) =>
        range.Ongoing ? $"{range.Start.ToDisplayString()} - {text("Date.Ongoing")}" : range.ToDisplayString();
}
