using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ProfileSite.Content.Bibtex;

/// <summary>
/// A work's publication state when it has no date yet: biblatex's <c>pubstate</c> field (manual
/// §2.2.2, with the localisation keys of §4.9.2.11: <c>inpress</c>, <c>forthcoming</c>,
/// <c>submitted</c>, <c>prepublished</c>), or what BibTeX users write in <c>year</c> instead
/// (<c>year = {in press}</c>, <c>{forthcoming}</c>, <c>{to appear}</c>), which BibTeX styles print
/// as written. The result is the state as a reader sees it (<c>in press</c>), CSL's <c>status</c>.
/// </summary>
public static partial class PublicationStates
{
    private static readonly FrozenDictionary<string, string> PubstateKeys = new Dictionary<string, string>
    {
        ["inpress"] = "in press",
        ["forthcoming"] = "forthcoming",
        ["submitted"] = "submitted",
        ["prepublished"] = "prepublished",
        ["inpreparation"] = "in preparation",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // The words people put in 'year' for a work not yet out; a year, if any, is read before this.
    [GeneratedRegex(@"^\(?\s*(?<state>in\s+press|forthcoming|to\s+appear|submitted|accepted(?:\s+for\s+publication)?|under\s+review|in\s+review|in\s+preparation|in\s+prep|under\s+revision)\s*\.?\s*\)?$", RegexOptions.IgnoreCase)]
    private static partial Regex StateWords();

    /// <summary>The state of a <c>pubstate</c> value (a biblatex key or free text), or null when empty.</summary>
    public static string? FromPubstate(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : PubstateKeys.TryGetValue(value.Trim(), out var state) ? state
        : value.Trim();

    /// <summary>The state a <c>year</c> without a year in it names (<c>In Press</c> gives <c>in press</c>), or null when it names none.</summary>
    public static string? FromYear(string? value) =>
        value is not null && StateWords().Match(value.Trim()) is { Success: true } match
            ? Regex.Replace(match.Groups["state"].Value, @"\s+", " ").ToLowerInvariant()
            : null;
}
