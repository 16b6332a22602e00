using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace ProfileSite.Content.Citations;

/// <summary>
/// Puts citation figures into a snapshot: per paper, the first configured source that knows the
/// paper wins (Google Scholar by scholar_id then title, OpenAlex by DOI then title, manual
/// counts from front matter); the totals come from the first source that has them. Pure: the
/// same snapshot and data give the same result, so it runs whenever content or remote data change.
/// </summary>
public static class CitationApplier
{
    /// <param name="content">A snapshot as the loader built it (with file-based citation data).</param>
    /// <param name="remote">The last good data of each remote source, by <see cref="CitationSource.Key"/>.</param>
    public static SiteContent Apply(SiteContent content, IReadOnlyDictionary<string, CitationData> remote)
    {
        var sources = content.Site.Citations.Sources;
        if (sources.IsEmpty)
        {
            return content;
        }

        CitationData? DataOf(CitationSource source) =>
            source.Kind == CitationSourceKind.Manual ? null
            : source.IsRemote ? remote.GetValueOrDefault(source.Key)
            : content.LocalCitations.GetValueOrDefault(source.Key);

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var paper in content.Publications)
        {
            if (CountFor(paper, sources, DataOf) is { } count)
            {
                counts[paper.Slug] = count;
            }
        }

        CitationSummary? summary = null;
        foreach (var source in sources)
        {
            if (DataOf(source) is { Total: { } total } data)
            {
                summary = new CitationSummary(source.DisplayName, total, data.HIndex, data.I10Index, data.Updated, data.PerYear) { SourceKind = source.Kind };
                break;
            }
        }

        var fingerprints = sources.Where(s => s.IsRemote).Select(s => remote.TryGetValue(s.Key, out var d) ? d.Fingerprint : "-");
        var frozen = counts.ToFrozenDictionary(StringComparer.Ordinal);
        var version = Combine(content.Version, fingerprints);
        // Every language shows the same figures: papers are matched by their published title, not a translation.
        return content with
        {
            Citations = summary,
            CitationCounts = frozen,
            Version = version,
            Translations = content.Translations.ToFrozenDictionary(
                t => t.Key, t => t.Value with { Citations = summary, CitationCounts = frozen, Version = version }, StringComparer.Ordinal),
        };
    }

    private static int? CountFor(Publication paper, IEnumerable<CitationSource> sources, Func<CitationSource, CitationData?> dataOf)
    {
        var title = Titles.Normalize(paper.Title);
        var doi = Titles.NormalizeDoi(paper.Links.FirstOrDefault(l => l.Kind == "doi")?.Url);
        foreach (var source in sources)
        {
            if (source.Kind == CitationSourceKind.Manual)
            {
                if (paper.ManualCitations is { } manual)
                {
                    return manual;
                }

                continue;
            }

            if (dataOf(source) is not { } data)
            {
                continue;
            }

            if (paper.ScholarId is { } id && data.ByScholarId.TryGetValue(id, out var byId))
            {
                return byId;
            }

            if (doi is not null && data.ByDoi.TryGetValue(doi, out var byDoi))
            {
                return byDoi;
            }

            if (data.ByTitle.TryGetValue(title, out var byTitle))
            {
                return byTitle;
            }
        }

        return null;
    }

    /// <summary>The page version changes when remote numbers do, so cached pages never show stale counts.</summary>
    private static string Combine(string version, IEnumerable<string> fingerprints)
    {
        var all = string.Join('|', fingerprints);
        if (all.Length == 0)
        {
            return version;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(version + "|" + all));
        return Convert.ToHexStringLower(hash)[..16];
    }
}
