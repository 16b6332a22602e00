using System.Collections.Frozen;

namespace ProfileSite.Content.Text;

/// <summary>
/// What the site needs to know about a BCP 47 language tag (RFC 5646) without ICU: whether the
/// language is written right to left. The script subtag decides when there is one (<c>az-Arab</c>,
/// <c>pa-Arab</c> and <c>ku-Arab</c> are right to left; <c>ku-Latn</c> is not); otherwise the
/// language's usual script does (CLDR likely subtags: <c>ar</c> -> Arab, <c>he</c> -> Hebr).
/// </summary>
public static class LanguageTag
{
    /// <summary>ISO 15924 scripts written right to left (Unicode bidi class R/AL), as they appear in tags.</summary>
    private static readonly FrozenSet<string> RightToLeftScripts = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "Arab", "Aran", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Mand", "Samr", "Mend", "Yezi", "Sogd", "Phnx", "Avst");

    /// <summary>Languages whose usual script is one of those (CLDR likely subtags), including the deprecated
    /// <c>iw</c> and <c>ji</c> for Hebrew and Yiddish.</summary>
    private static readonly FrozenSet<string> RightToLeftLanguages = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "ar", "arc", "ckb", "dv", "fa", "glk", "he", "iw", "ji", "ks", "lrc", "mzn", "nqo", "pnb", "prs", "ps", "sd",
        "syr", "ug", "ur", "yi", "bal", "bqi", "sdh", "skr", "azb", "khw", "bgn");

    /// <summary>True for tags like <c>ar</c>, <c>he-IL</c>, <c>fa</c>, <c>ur-PK</c>, <c>az-Arab</c>; false for
    /// <c>en</c>, <c>zh-CN</c>, <c>ku-Latn</c>.</summary>
    public static bool IsRightToLeft(string tag)
    {
        var parts = tag.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return false;
        }

        // The script subtag is the four-letter one right after the language (RFC 5646 section 2.2.3).
        if (parts.Length > 1 && parts[1].Length == 4 && parts[1].All(char.IsAsciiLetter))
        {
            return RightToLeftScripts.Contains(parts[1]);
        }

        return RightToLeftLanguages.Contains(parts[0]);
    }

    /// <summary>What languages call themselves, for links to a page in another language. A table, not
    /// <c>CultureInfo.NativeName</c>: the app runs with InvariantGlobalization, where cultures carry no names.</summary>
    private static readonly FrozenDictionary<string, string> Endonyms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "English", ["zh"] = "中文", ["zh-CN"] = "简体中文", ["zh-Hans"] = "简体中文", ["zh-SG"] = "简体中文",
        ["zh-TW"] = "繁體中文", ["zh-HK"] = "繁體中文", ["zh-Hant"] = "繁體中文", ["ja"] = "日本語", ["ko"] = "한국어",
        ["de"] = "Deutsch", ["fr"] = "Français", ["es"] = "Español", ["pt"] = "Português", ["pt-BR"] = "Português (Brasil)",
        ["it"] = "Italiano", ["nl"] = "Nederlands", ["ru"] = "Русский", ["uk"] = "Українська", ["pl"] = "Polski",
        ["tr"] = "Türkçe", ["vi"] = "Tiếng Việt", ["th"] = "ไทย", ["id"] = "Bahasa Indonesia", ["hi"] = "हिन्दी",
        ["bn"] = "বাংলা", ["ar"] = "العربية", ["he"] = "עברית", ["fa"] = "فارسی", ["ur"] = "اردو", ["el"] = "Ελληνικά",
        ["sv"] = "Svenska", ["da"] = "Dansk", ["no"] = "Norsk", ["nb"] = "Norsk bokmål", ["fi"] = "Suomi", ["cs"] = "Čeština",
        ["hu"] = "Magyar", ["ro"] = "Română",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The language's name in itself (<c>简体中文</c> for <c>zh-CN</c>), by the whole tag, then its
    /// language; the tag itself for a language not listed.</summary>
    public static string NativeName(string tag) =>
        Endonyms.GetValueOrDefault(tag)
        ?? Endonyms.GetValueOrDefault(tag.Split(['-', '_'])[0])
        ?? tag;

    /// <summary>The value of an HTML <c>dir</c> attribute for text in this language: <c>rtl</c> or <c>ltr</c>.</summary>
    public static string Direction(string tag) => IsRightToLeft(tag) ? "rtl" : "ltr";
}
