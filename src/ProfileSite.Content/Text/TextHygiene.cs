using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ProfileSite.Content.Text;

/// <summary>
/// The characters no content may carry to a page, a feed or a citation file, and how they are
/// taken out of a file's text once, when it is read:
/// <list type="bullet">
/// <item>C0 controls other than tab and line ends (U+0000-U+001F), DEL (U+007F) and the C1
/// controls (U+0080-U+009F): XML 1.0 (section 2.2, <c>Char</c>) forbids most of them outright and
/// HTML (section 13.2.2, "control-character-in-input-stream") treats them as parse errors.</item>
/// <item>Noncharacters (U+FDD0-U+FDEF and the last two code points of every plane, U+FFFE, U+FFFF,
/// U+1FFFE, ...): Unicode chapter 23.7 reserves them for a program's internal use, never for text
/// exchanged.</item>
/// <item>Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): one
/// left unclosed reorders the text after it, up to the end of the paragraph it lands in on the
/// page (Unicode UAX #9; CVE-2021-42574, "Trojan Source"). Right-to-left text needs none of
/// them: the bidirectional algorithm orders it by itself, and HTML has <c>dir</c> and <c>&lt;bdi&gt;</c>.</item>
/// <item>Lone surrogates, which only a YAML escape (<c>"\uD800"</c>) can produce: strict UTF-8
/// decoding already refuses them in the bytes of a file.</item>
/// </list>
/// Controls that separate text where they stand (vertical tab, form feed, next line, and the
/// line and paragraph separators U+2028 and U+2029, which YAML 1.1 parsers count as line breaks
/// and editors do not) become a space, so the words on either side stay apart; the rest are removed.
/// </summary>
public static partial class TextHygiene
{
    /// <summary>True for a code point that must not reach the output (see the class summary).</summary>
    public static bool IsUnwanted(int codePoint) =>
        codePoint is < 0x20 and not ('\t' or '\n' or '\r')
        || codePoint is >= 0x7F and <= 0x9F
        || IsBidiControl(codePoint)
        || IsNoncharacter(codePoint)
        || codePoint is 0x2028 or 0x2029
        || codePoint is >= 0xD800 and <= 0xDFFF;

    /// <summary>U+202A-U+202E (embeddings, overrides, pop) and U+2066-U+2069 (isolates, pop).</summary>
    public static bool IsBidiControl(int codePoint) => codePoint is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069;

    /// <summary>The 66 noncharacters: U+FDD0-U+FDEF and U+nFFFE, U+nFFFF of every plane n.</summary>
    public static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    /// <summary>True when the character is replaced by a space rather than removed.</summary>
    public static bool BecomesSpace(int codePoint) => codePoint is 0x0B or 0x0C or 0x85 or 0x2028 or 0x2029;

    /// <summary>True when <paramref name="text"/> holds anything <see cref="IsUnwanted"/> refuses.</summary>
    public static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            // Surrogates pass to Find, which tells a pair spelling a noncharacter from an emoji.
            if (c < 0x20 ? c is not ('\t' or '\n' or '\r') : c is >= (char)0x7F and <= (char)0x9F or >= (char)0x2028 and <= (char)0x202E
                or >= (char)0x2066 and <= (char)0x2069 or >= (char)0xD800 and <= (char)0xDFFF or >= (char)0xFDD0 and <= (char)0xFDEF or >= (char)0xFFFE)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Finds every unwanted character in <paramref name="text"/>, written as itself or, when
    /// <paramref name="references"/> is true, as an HTML numeric character reference (<c>&amp;#12;</c>,
    /// <c>&amp;#x202E;</c>), which Markdown turns into the character itself.
    /// </summary>
    /// <returns>The findings in text order, with UTF-16 offsets into <paramref name="text"/>.</returns>
    public static IReadOnlyList<TextFinding> Find(string text, bool references)
    {
        List<TextFinding>? found = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '&' && references && Reference().Match(text, i) is { Success: true } match
                && ReferencedCodePoint(match) is { } referenced && IsUnwanted(referenced))
            {
                (found ??= []).Add(new TextFinding(i, match.Length, referenced, match.Value));
                i += match.Length - 1;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if (IsNoncharacter(codePoint))
                {
                    (found ??= []).Add(new TextFinding(i, 2, codePoint, null));
                }

                i++;
                continue;
            }

            if (IsUnwanted(c))
            {
                (found ??= []).Add(new TextFinding(i, 1, c, null));
            }
        }

        return found ?? (IReadOnlyList<TextFinding>)[];
    }

    /// <summary>The text with every finding removed, or replaced by one space where <see cref="BecomesSpace"/> says so.</summary>
    public static string Apply(string text, IReadOnlyList<TextFinding> findings)
    {
        if (findings.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var finding in findings)
        {
            builder.Append(text, at, finding.Index - at);
            if (finding.ReplacedBySpace)
            {
                builder.Append(' ');
            }

            at = finding.Index + finding.Length;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Cleans a value from a source that has no positions to report (characters only, no references).</summary>
    public static string Clean(string text) => NeedsCleaning(text) ? Apply(text, Find(text, references: false)) : text;

    /// <summary>"U+000C FORM FEED", "U+202E RIGHT-TO-LEFT OVERRIDE", "U+FFFE".</summary>
    public static string Name(int codePoint)
    {
        var code = "U+" + codePoint.ToString(codePoint > 0xFFFF ? "X5" : "X4", CultureInfo.InvariantCulture);
        var name = codePoint switch
        {
            < 0x20 => C0Names[codePoint],
            0x7F => "DELETE",
            >= 0x80 and <= 0x9F => C1Names[codePoint - 0x80],
            0x2028 => "LINE SEPARATOR",
            0x2029 => "PARAGRAPH SEPARATOR",
            >= 0x202A and <= 0x202E => BidiNames[codePoint - 0x202A],
            >= 0x2066 and <= 0x2069 => BidiNames[codePoint - 0x2066 + 5],
            _ => null,
        };
        return name is null ? code : code + " " + name;
    }

    /// <summary>What kind of character it is and why it cannot stay, for messages.</summary>
    public static string Kind(int codePoint) => codePoint switch
    {
        >= 0xD800 and <= 0xDFFF => "a lone surrogate (half of a UTF-16 pair), which is not a character",
        0x2028 or 0x2029 => "an unusual line terminator that YAML reads as a line break and most editors do not show",
        _ when IsBidiControl(codePoint) => "a bidirectional control that can reorder the text after it on the page",
        _ when IsNoncharacter(codePoint) => "a noncharacter, which Unicode keeps out of text",
        0x0C => "a control character (text copied from a PDF often carries one)",
        _ => "an invisible control character",
    };

    private static int? ReferencedCodePoint(Match match)
    {
        var digits = match.Groups["dec"].Success ? match.Groups["dec"].Value : match.Groups["hex"].Value;
        var style = match.Groups["dec"].Success ? NumberStyles.None : NumberStyles.AllowHexSpecifier;
        return int.TryParse(digits, style, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 0x10FFFF ? value : null;
    }

    // HTML and CommonMark numeric character references: &#1234; (1-7 digits) or &#x1F600; (1-6 hex digits).
    [GeneratedRegex(@"\G&#(?:(?<dec>[0-9]{1,7})|[xX](?<hex>[0-9A-Fa-f]{1,6}));", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    // Unicode's names for the controls (NameAliases.txt, type "control"), which have no character name of their own.
    private static readonly string[] C0Names =
    [
        "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY", "ACKNOWLEDGE", "BELL",
        "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION", "FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN",
        "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE", "DEVICE CONTROL FOUR",
        "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL", "END OF MEDIUM", "SUBSTITUTE", "ESCAPE",
        "INFORMATION SEPARATOR FOUR", "INFORMATION SEPARATOR THREE", "INFORMATION SEPARATOR TWO", "INFORMATION SEPARATOR ONE",
    ];

    private static readonly string[] C1Names =
    [
        "PADDING CHARACTER", "HIGH OCTET PRESET", "BREAK PERMITTED HERE", "NO BREAK HERE", "INDEX", "NEXT LINE",
        "START OF SELECTED AREA", "END OF SELECTED AREA", "CHARACTER TABULATION SET", "CHARACTER TABULATION WITH JUSTIFICATION",
        "LINE TABULATION SET", "PARTIAL LINE FORWARD", "PARTIAL LINE BACKWARD", "REVERSE LINE FEED", "SINGLE SHIFT TWO",
        "SINGLE SHIFT THREE", "DEVICE CONTROL STRING", "PRIVATE USE ONE", "PRIVATE USE TWO", "SET TRANSMIT STATE",
        "CANCEL CHARACTER", "MESSAGE WAITING", "START OF GUARDED AREA", "END OF GUARDED AREA", "START OF STRING",
        "SINGLE GRAPHIC CHARACTER INTRODUCER", "SINGLE CHARACTER INTRODUCER", "CONTROL SEQUENCE INTRODUCER", "STRING TERMINATOR",
        "OPERATING SYSTEM COMMAND", "PRIVACY MESSAGE", "APPLICATION PROGRAM COMMAND",
    ];

    private static readonly string[] BidiNames =
    [
        "LEFT-TO-RIGHT EMBEDDING", "RIGHT-TO-LEFT EMBEDDING", "POP DIRECTIONAL FORMATTING", "LEFT-TO-RIGHT OVERRIDE",
        "RIGHT-TO-LEFT OVERRIDE", "LEFT-TO-RIGHT ISOLATE", "RIGHT-TO-LEFT ISOLATE", "FIRST STRONG ISOLATE", "POP DIRECTIONAL ISOLATE",
    ];
}

/// <summary>One unwanted character in a text.</summary>
/// <param name="Index">UTF-16 offset where it is written.</param>
/// <param name="Length">UTF-16 length of what is written: 1, 2 for a pair, more for a reference.</param>
/// <param name="CodePoint">The character meant.</param>
/// <param name="Reference">The numeric character reference it was written as (<c>&amp;#12;</c>), or null when written as itself.</param>
public readonly record struct TextFinding(int Index, int Length, int CodePoint, string? Reference)
{
    /// <summary>True when the finding becomes one space rather than nothing.</summary>
    public bool ReplacedBySpace => TextHygiene.BecomesSpace(CodePoint);
}
