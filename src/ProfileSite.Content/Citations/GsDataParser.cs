using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace ProfileSite.Content.Citations;

/// <summary>
/// Reads the <c>gs_data.json</c> the AcadHomepage crawler (scholarly) writes. Remote data is
/// untrusted: every field used is type-checked, numbers must fit and be non-negative, unknown
/// fields are ignored (the crawler adds them freely; <c>organization</c> even exceeds Int64).
/// </summary>
public static class GsDataParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Parses the file; on failure returns null and a message that says what was wrong
    /// (with the 1-based line and column when the JSON itself is broken, else 0).</summary>
    public static (CitationData? Data, string? Error, int Line, int Column) Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            var (data, error) = Read(document.RootElement);
            return (data, error, 0, 0);
        }
        catch (JsonException ex)
        {
            return (null, $"not valid JSON: {FirstSentence(ex.Message)}", (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1);
        }
    }

    private static (CitationData?, string?) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, $"expected a JSON object at the top level, got {root.ValueKind}");
        }

        var errors = new List<string>();
        var total = Count(root, "citedby", errors);
        var hIndex = Count(root, "hindex", errors);
        var i10 = Count(root, "i10index", errors);
        var perYear = ImmutableArray.CreateBuilder<YearCount>();
        if (root.TryGetProperty("cites_per_year", out var years))
        {
            if (years.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"'cites_per_year' must be an object of year: count, got {years.ValueKind}");
            }
            else
            {
                foreach (var year in years.EnumerateObject())
                {
                    if (!int.TryParse(year.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1900 or > 2200)
                    {
                        errors.Add($"'cites_per_year' has a key that is not a year: \"{year.Name}\"");
                    }
                    else if (NonNegative(year.Value) is { } n)
                    {
                        perYear.Add(new YearCount(y, n));
                    }
                    else
                    {
                        errors.Add($"'cites_per_year.{year.Name}' must be a non-negative whole number");
                    }
                }
            }
        }

        DateTimeOffset? updated = null;
        if (root.TryGetProperty("updated", out var updatedElement))
        {
            // "2024-03-28 08:05:19.992692", no zone: the crawler runs in UTC (GitHub Actions).
            if (updatedElement.ValueKind == JsonValueKind.String
                && DateTime.TryParse(updatedElement.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            {
                updated = new DateTimeOffset(parsed, TimeSpan.Zero);
            }
            else
            {
                errors.Add("'updated' must be a date and time like \"2024-03-28 08:05:19.992692\"");
            }
        }

        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var byTitle = new Dictionary<string, int>(StringComparer.Ordinal);
        if (root.TryGetProperty("publications", out var publications))
        {
            if (publications.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"'publications' must be an object keyed by publication id, got {publications.ValueKind}");
            }
            else
            {
                foreach (var entry in publications.EnumerateObject())
                {
                    ReadPublication(entry, byId, byTitle, errors);
                }
            }
        }

        if (errors.Count > 0)
        {
            return (null, string.Join("; ", errors.Take(5)) + (errors.Count > 5 ? $" (and {errors.Count - 5} more)" : ""));
        }

        return (new CitationData
        {
            Total = total,
            HIndex = hIndex,
            I10Index = i10,
            PerYear = [.. perYear.OrderBy(y => y.Year)],
            Updated = updated,
            ByScholarId = byId.ToFrozenDictionary(StringComparer.Ordinal),
            ByTitle = byTitle.ToFrozenDictionary(StringComparer.Ordinal),
        }, null);
    }

    private static void ReadPublication(JsonProperty entry, Dictionary<string, int> byId, Dictionary<string, int> byTitle, List<string> errors)
    {
        var paper = entry.Value;
        if (paper.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"publication \"{entry.Name}\" must be an object");
            return;
        }

        // num_citations is missing for papers nobody has cited yet: that is "unknown", not an error.
        if (!paper.TryGetProperty("num_citations", out var citations) || citations.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (NonNegative(citations) is not { } count)
        {
            errors.Add($"publication \"{entry.Name}\": 'num_citations' must be a non-negative whole number");
            return;
        }

        var id = paper.TryGetProperty("author_pub_id", out var pubId) && pubId.ValueKind == JsonValueKind.String
            ? pubId.GetString()!
            : entry.Name;
        byId[id] = count;
        byId[entry.Name] = count;
        if (paper.TryGetProperty("bib", out var bib) && bib.ValueKind == JsonValueKind.Object
            && bib.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String
            && Titles.Normalize(title.GetString()!) is { Length: > 0 } key)
        {
            byTitle[key] = count;
        }
    }

    private static int? Count(JsonElement root, string name, List<string> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var count = NonNegative(value);
        if (count is null)
        {
            errors.Add($"'{name}' must be a non-negative whole number");
        }

        return count;
    }

    internal static int? NonNegative(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= 0 ? n : null;

    internal static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }
}
