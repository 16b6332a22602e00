using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace ProfileSite.Content.Citations;

/// <summary>
/// Reads OpenAlex responses: an author (<c>/authors/A...</c>: cited_by_count, summary_stats,
/// counts_by_year, updated_date) and pages of their works (<c>/works?filter=author.id:A...</c>:
/// doi, title, cited_by_count). Untrusted: every field used is type-checked.
/// </summary>
public static class OpenAlexParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    public static (CitationData? Data, string? Error) ParseAuthor(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "expected an OpenAlex author object");
            }

            if (!root.TryGetProperty("cited_by_count", out var cited) || GsDataParser.NonNegative(cited) is not { } total)
            {
                return (null, "'cited_by_count' is missing or not a non-negative whole number");
            }

            int? h = null, i10 = null;
            if (root.TryGetProperty("summary_stats", out var stats) && stats.ValueKind == JsonValueKind.Object)
            {
                h = stats.TryGetProperty("h_index", out var hv) ? GsDataParser.NonNegative(hv) : null;
                i10 = stats.TryGetProperty("i10_index", out var iv) ? GsDataParser.NonNegative(iv) : null;
            }

            var perYear = ImmutableArray.CreateBuilder<YearCount>();
            if (root.TryGetProperty("counts_by_year", out var years) && years.ValueKind == JsonValueKind.Array)
            {
                foreach (var year in years.EnumerateArray())
                {
                    if (year.ValueKind == JsonValueKind.Object
                        && year.TryGetProperty("year", out var y) && GsDataParser.NonNegative(y) is { } yearNumber
                        && year.TryGetProperty("cited_by_count", out var c) && GsDataParser.NonNegative(c) is { } count)
                    {
                        perYear.Add(new YearCount(yearNumber, count));
                    }
                    else
                    {
                        return (null, "'counts_by_year' entries must have whole-number 'year' and 'cited_by_count'");
                    }
                }
            }

            DateTimeOffset? updated = null;
            if (root.TryGetProperty("updated_date", out var u) && u.ValueKind == JsonValueKind.String
                && DateTime.TryParse(u.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            {
                updated = new DateTimeOffset(parsed, TimeSpan.Zero);
            }

            return (new CitationData
            {
                Total = total,
                HIndex = h,
                I10Index = i10,
                PerYear = [.. perYear.OrderBy(p => p.Year)],
                Updated = updated,
            }, null);
        }
        catch (JsonException ex)
        {
            return (null, $"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {GsDataParser.FirstSentence(ex.Message)}");
        }
    }

    /// <summary>One page of works: the counts by DOI and title, and the cursor for the next page (null at the end).</summary>
    public static (IReadOnlyList<(string? Doi, string? Title, int Count)>? Works, string? NextCursor, string? Error) ParseWorks(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                return (null, null, "expected an OpenAlex list with 'results'");
            }

            var works = new List<(string?, string?, int)>();
            foreach (var work in results.EnumerateArray())
            {
                if (work.ValueKind != JsonValueKind.Object || !work.TryGetProperty("cited_by_count", out var c) || GsDataParser.NonNegative(c) is not { } count)
                {
                    return (null, null, "each work must have a whole-number 'cited_by_count'");
                }

                var doi = work.TryGetProperty("doi", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                var title = work.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()
                    : work.TryGetProperty("display_name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                works.Add((doi, title, count));
            }

            string? next = null;
            if (root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("next_cursor", out var cursor) && cursor.ValueKind == JsonValueKind.String && results.GetArrayLength() > 0)
            {
                next = cursor.GetString();
            }

            return (works, next, null);
        }
        catch (JsonException ex)
        {
            return (null, null, $"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {GsDataParser.FirstSentence(ex.Message)}");
        }
    }

    /// <summary>Adds the works' counts (by DOI and title) to an author's data.</summary>
    public static CitationData WithWorks(CitationData author, IEnumerable<(string? Doi, string? Title, int Count)> works)
    {
        var byDoi = new Dictionary<string, int>(StringComparer.Ordinal);
        var byTitle = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (doi, title, count) in works)
        {
            if (Titles.NormalizeDoi(doi) is { } key)
            {
                byDoi[key] = count;
            }

            if (title is not null && Titles.Normalize(title) is { Length: > 0 } normalized)
            {
                byTitle[normalized] = Math.Max(count, byTitle.GetValueOrDefault(normalized));
            }
        }

        return author with
        {
            ByDoi = byDoi.ToFrozenDictionary(StringComparer.Ordinal),
            ByTitle = byTitle.ToFrozenDictionary(StringComparer.Ordinal),
        };
    }
}
