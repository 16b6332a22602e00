using System.Collections.Frozen;
using System.Collections.Immutable;

namespace ProfileSite.Content.Citations;

/// <summary>
/// Citation figures from one source (a Google Scholar <c>gs_data.json</c>, OpenAlex), already
/// validated. Per-paper counts are keyed every way a paper can be matched.
/// </summary>
public sealed record CitationData
{
    /// <summary>Total citations of the author, when the source knows it.</summary>
    public int? Total { get; init; }

    public int? HIndex { get; init; }

    public int? I10Index { get; init; }

    /// <summary>Citations per calendar year, oldest first.</summary>
    public ImmutableArray<YearCount> PerYear { get; init; } = [];

    /// <summary>When the source says it was updated (UTC), if it says.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>Counts by Google Scholar publication id (<c>USERID:PUBID</c>).</summary>
    public FrozenDictionary<string, int> ByScholarId { get; init; } = FrozenDictionary<string, int>.Empty;

    /// <summary>Counts by lower-case DOI without the resolver prefix (<c>10.1109/tpami.2024.3357172</c>).</summary>
    public FrozenDictionary<string, int> ByDoi { get; init; } = FrozenDictionary<string, int>.Empty;

    /// <summary>Counts by normalized title (see <see cref="Titles.Normalize"/>).</summary>
    public FrozenDictionary<string, int> ByTitle { get; init; } = FrozenDictionary<string, int>.Empty;

    /// <summary>Identifies the exact data (a hash of the bytes it came from), for page versions and caching.</summary>
    public string Fingerprint { get; init; } = "";
}

/// <summary>Citations received in one year.</summary>
public sealed record YearCount(int Year, int Count);

/// <summary>What the pages show: the author's totals and the name of the source they came from
/// ("Google Scholar", "OpenAlex"), with when that source was updated.</summary>
public sealed record CitationSummary(string Source, int Total, int? HIndex, int? I10Index, DateTimeOffset? Updated, ImmutableArray<YearCount> PerYear)
{
    /// <summary>Which kind of source gave the totals, for pages that name it in their own language.</summary>
    public CitationSourceKind SourceKind { get; init; }
}

/// <summary>Title matching that survives case, punctuation, accents and spacing differences.</summary>
public static class Titles
{
    public static string Normalize(string title) => Text.MatchKey.Title(title);

    /// <summary>A DOI as written (bare, <c>doi:</c> or a resolver URL) reduced to its lower-case key.</summary>
    public static string? NormalizeDoi(string? doi)
    {
        if (string.IsNullOrWhiteSpace(doi))
        {
            return null;
        }

        var value = doi.Trim();
        foreach (var prefix in (string[])["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"])
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                value = value[prefix.Length..];
                break;
            }
        }

        return value.StartsWith("10.", StringComparison.Ordinal) ? value.ToLowerInvariant() : null;
    }
}
