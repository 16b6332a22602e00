using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ProfileSite.Content.Citations;

namespace ProfileSite.Content.Loading;

/// <summary>The <c>citations:</c> block of site.yaml, and the gs_data.json files it names under content/.</summary>
public sealed partial class ContentLoader
{
    /// <summary>Where the AcadHomepage crawler's output lives when the owner keeps it in content/.</summary>
    public const string DefaultGsDataPath = "google-scholar-stats/gs_data.json";

    private static readonly string[] SourceNames = ["gs_data", "openalex", "manual"];

    private CitationSettings LoadCitationSettings(YamlMap? site)
    {
        var block = site?.Map("citations");
        if (block is null)
        {
            // No block: use the crawler's file when it is there, then hand-written counts.
            var defaultFile = Path.Combine(_options.ContentPath, DefaultGsDataPath);
            return File.Exists(defaultFile)
                ? new CitationSettings([new CitationSource(CitationSourceKind.GsData, FilePath: defaultFile), new CitationSource(CitationSourceKind.Manual)])
                : new CitationSettings([new CitationSource(CitationSourceKind.Manual)]);
        }

        block.RejectUnknownKeys(Schema.ContentModel.Site["citations"].Shape!.Keys);
        var gsData = GsDataSource(block);
        var openAlex = OpenAlexSource(block);
        var order = block.Strings("sources");
        if (order.IsEmpty)
        {
            return new CitationSettings([.. new[] { gsData, openAlex }.OfType<CitationSource>(), new CitationSource(CitationSourceKind.Manual)]);
        }

        var sources = ImmutableArray.CreateBuilder<CitationSource>();
        foreach (var (name, mark) in order)
        {
            CitationSource? source = name switch
            {
                "gs_data" => gsData,
                "openalex" => openAlex,
                "manual" => new CitationSource(CitationSourceKind.Manual),
                _ => null,
            };
            if (!SourceNames.Contains(name))
            {
                var hint = Suggest.Closest(name, SourceNames) is { } s ? $"did you mean '{s}'?" : "expected gs_data, openalex or manual";
                block.File.Error(mark, $"unknown citation source '{name}'; {hint}");
            }
            else if (source is null)
            {
                block.File.Error(mark, $"citation source '{name}' is listed but not configured: add '{name}:' to the citations block");
            }
            else if (sources.Contains(source))
            {
                block.File.Error(mark, $"citation source '{name}' is listed twice");
            }
            else
            {
                sources.Add(source);
            }
        }

        return new CitationSettings(sources.ToImmutable());
    }

    private CitationSource? GsDataSource(YamlMap block)
    {
        if (block.String("gs_data") is not { } value)
        {
            return null;
        }

        var mark = block.Node("gs_data")!.Start;
        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            // Plain http only for a mirror on this machine; anything remote must be https.
            if (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)
            {
                block.File.Error(mark, $"'gs_data' must be an https URL or a path under the content folder, got \"{value}\"");
                return null;
            }

            return new CitationSource(CitationSourceKind.GsData, Url: url);
        }

        if (value.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(value) || value.Contains(':', StringComparison.Ordinal))
        {
            block.File.Error(mark, $"'gs_data' must be an https URL or a path under the content folder like {DefaultGsDataPath}, got \"{value}\"");
            return null;
        }

        return new CitationSource(CitationSourceKind.GsData, FilePath: Path.Combine(_options.ContentPath, value));
    }

    private static CitationSource? OpenAlexSource(YamlMap block)
    {
        if (!block.Has("openalex"))
        {
            return null;
        }

        // Either `openalex: A5023888391` or `openalex: { author: ..., mailto: ... }`.
        string? author;
        string? mailto = null;
        YamlDotNet.Core.Mark mark;
        if (block.Node("openalex") is YamlDotNet.RepresentationModel.YamlScalarNode)
        {
            author = block.String("openalex");
            mark = block.Node("openalex")!.Start;
        }
        else if (block.Map("openalex") is { } map)
        {
            map.RejectUnknownKeys(Schema.ContentModel.Site["citations"].Shape!["openalex"].Shape!.Keys);
            author = map.String("author", required: true);
            mark = map.Has("author") ? map.Node("author")!.Start : map.Start;
            mailto = map.String("mailto");
            if (mailto is not null && !IsEmail(mailto))
            {
                map.File.Error(map.Node("mailto")!.Start, $"'mailto' must be an email address, got \"{mailto}\"");
                mailto = null;
            }
        }
        else
        {
            return null;
        }

        if (author is null)
        {
            return null;
        }

        var id = OpenAlexAuthor().Match(author);
        if (!id.Success)
        {
            block.File.Error(mark, $"'openalex' must be an OpenAlex author id like A5023888391 (or its https://openalex.org/ URL), got \"{author}\"");
            return null;
        }

        return new CitationSource(CitationSourceKind.OpenAlex, OpenAlexAuthor: id.Groups[1].Value.ToUpperInvariant(), Mailto: mailto);
    }

    /// <summary>Reads every gs_data.json under content/ that the settings name; a broken one is an error, a missing one a warning.</summary>
    private FrozenDictionary<string, CitationData> LoadLocalCitations(CitationSettings settings)
    {
        var data = new Dictionary<string, CitationData>(StringComparer.Ordinal);
        foreach (var source in settings.Sources.Where(s => s.FilePath is not null))
        {
            var display = Display(source.FilePath!);
            if (!File.Exists(source.FilePath))
            {
                _diagnostics.Add(new ContentError(display, 0, 0, Severity.Warning, "citation data file not found; no citation counts from it"));
                continue;
            }

            var info = new FileInfo(source.FilePath!);
            var limit = _options.MaxFileBytes * 16; // a prolific author's crawl is bigger than any hand-written file
            if (info.Length > limit)
            {
                _diagnostics.Add(new ContentError(display, 0, 0, Severity.Error, $"file is {info.Length:N0} bytes; the limit for citation data is {limit:N0} bytes"));
                continue;
            }

            _inputs.Add(source.FilePath!);
            var bytes = File.ReadAllBytes(source.FilePath!);
            var (parsed, error, line, column) = GsDataParser.Parse(bytes);
            if (parsed is null)
            {
                _diagnostics.Add(new ContentError(display, line, column, Severity.Error, $"citation data: {error}"));
                continue;
            }

            data[source.Key] = parsed with { Fingerprint = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] };
        }

        return data.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static int? ManualCitations(YamlMap map)
    {
        if (map.String("citations") is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        map.File.Error(map.Node("citations")!.Start, $"'citations' must be a whole number of citations, got \"{text}\"");
        return null;
    }

    [GeneratedRegex(@"^(?:https://(?:api\.)?openalex\.org/(?:authors/)?)?([Aa]\d{4,12})$")]
    private static partial Regex OpenAlexAuthor();
}
