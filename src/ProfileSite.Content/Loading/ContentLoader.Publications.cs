using System.Collections.Immutable;
using System.Net;
using System.Text.RegularExpressions;
using ProfileSite.Content.Bibtex;
using YamlDotNet.RepresentationModel;

namespace ProfileSite.Content.Loading;

/// <summary>
/// The publication parts of the loader beyond one Markdown file: <c>.bib</c> files under
/// <c>publications/</c>, <c>coauthors.yaml</c>, paper types, and the fields derived from links.
/// </summary>
public sealed partial class ContentLoader
{
    private readonly Dictionary<string, Coauthor> _coauthors = new(StringComparer.Ordinal);

    /// <summary>The papers read from <c>.bib</c> files; a Markdown file naming a key claims it to extend it.</summary>
    private sealed class BibtexPapers
    {
        private readonly Dictionary<string, Publication> _byKey = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _order = [];
        private readonly Dictionary<string, string> _claimedBy = new(StringComparer.OrdinalIgnoreCase);

        private readonly HashSet<string> _hidden = new(StringComparer.OrdinalIgnoreCase);

        public Publication? Find(string key) => _byKey.GetValueOrDefault(key);

        /// <summary>Adds a paper; a hidden one (a crossref target) is listed only when a Markdown file claims it.</summary>
        public void Add(string key, Publication paper, bool hidden = false)
        {
            _byKey[key] = paper;
            _order.Add(key);
            if (hidden)
            {
                _hidden.Add(key);
            }
        }

        /// <summary>The entry a Markdown file extends, or null when its key names none (or another file already extends it, reported).</summary>
        public Publication? Claim(string? key, YamlMap map)
        {
            if (key is null || !_byKey.TryGetValue(key, out var paper))
            {
                return null;
            }

            if (_claimedBy.TryGetValue(key, out var first))
            {
                map.File.Error(map.Node("bibtex_key")!.Start, $"'{key}' is already extended by {first}; one Markdown file per .bib entry");
                return null;
            }

            _claimedBy[key] = map.File.DisplayPath;
            return paper;
        }

        public IEnumerable<Publication> Unclaimed => _order.Where(k => !_claimedBy.ContainsKey(k) && !_hidden.Contains(k)).Select(k => _byKey[k]);
    }

    // ---- front matter fields ------------------------------------------------------------

    /// <summary>What a Markdown file leaves out, the .bib entry it extends supplies.</summary>
    private static Publication WithBasis(Publication paper, Publication basis)
    {
        var sameTitle = paper.Title == basis.Title;
        var sameVenue = paper.Venue == basis.Venue;
        var sameDate = paper.Date == basis.Date;
        return paper with
        {
            ScholarId = paper.ScholarId ?? basis.ScholarId,
            AbstractHtml = paper.AbstractHtml ?? basis.AbstractHtml,
            TitleHtml = sameTitle ? basis.TitleHtml : null,
            TitleCsl = sameTitle ? basis.TitleCsl : null,
            VenueCsl = sameVenue ? basis.VenueCsl : null,
            Editors = basis.Editors,
            MoreEditors = basis.MoreEditors,
            Translators = basis.Translators,
            EndDate = sameDate ? basis.EndDate : null,
            OpenEndDate = sameDate && basis.OpenEndDate,
            ApproximateDate = sameDate && basis.ApproximateDate,
            CslType = paper.Type == basis.Type ? basis.CslType : null,
            Accessed = basis.Accessed,
            Publisher = basis.Publisher,
            Place = basis.Place,
        };
    }

    private static PublicationType? PaperType(YamlMap map)
    {
        var written = map.String("type");
        if (written is null)
        {
            return null;
        }

        if (PublicationTypes.TryParse(written, out var type))
        {
            return type;
        }

        var names = PublicationTypes.Canonical.Keys;
        var hint = Suggest.Closest(written, names) is { } s ? $"did you mean '{s}'? " : "";
        map.File.Error(map.Node("type")!.Start, $"unknown type '{written}'; {hint}expected one of: {string.Join(", ", names)}");
        return null;
    }

    /// <summary>The owner's own <c>bibtex</c>: checked here so a broken one is reported, not served; with where its key is written.</summary>
    private static (string Text, string Key, YamlDotNet.Core.Mark KeyMark)? OwnBibtex(YamlMap map)
    {
        var text = map.String("bibtex");
        if (text is null)
        {
            return null;
        }

        var node = map.Node("bibtex")!;
        var document = BibtexParser.Parse(text);
        // A block scalar (| or >) starts on the line after the key; a plain one on the key's line.
        var block = node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded };
        var firstLine = block ? node.Start.Line + 1 : node.Start.Line;
        // YAML strips the block's indentation; add it back so columns match the file.
        var firstText = map.File.Text.Split('\n').ElementAtOrDefault((int)firstLine - 1) ?? "";
        var indent = block ? firstText.Length - firstText.TrimStart(' ').Length : 0;
        foreach (var problem in document.Problems)
        {
            map.File.Error(new YamlDotNet.Core.Mark(0, firstLine + problem.Line - 1, problem.Column + indent), "in 'bibtex': " + problem.Message);
        }

        if (document.Entries.Length != 1)
        {
            if (document.Problems.IsEmpty)
            {
                map.File.Error(node.Start, $"'bibtex' must hold exactly one entry like @article{{key, ...}}, found {document.Entries.Length}");
            }

            return null;
        }

        // Inside a quoted scalar columns do not match the file (escapes, folding): point at the value.
        var (keyLine, keyColumn) = document.Entries[0].KeyPosition;
        var keyMark = block ? new YamlDotNet.Core.Mark(0, firstLine + keyLine - 1, keyColumn + indent) : node.Start;
        return (text.Trim(), document.Entries[0].Key, keyMark);
    }

    /// <summary>Links from a Markdown file replace those of the same kind from the .bib entry it extends.</summary>
    private static ImmutableArray<PublicationLink> MergeLinks(ImmutableArray<PublicationLink> basis, ImmutableArray<PublicationLink> own) =>
        [.. basis.Where(b => !own.Any(o => o.Kind == b.Kind)), .. own];

    private static string? DoiOf(ImmutableArray<PublicationLink> links) =>
        links.FirstOrDefault(l => l.Kind == "doi") is { } doi ? Doi.Parse(doi.Url) : null;

    private static string? ArxivIdOf(ImmutableArray<PublicationLink> links) =>
        links.FirstOrDefault(l => l.Kind == "arxiv") is { } arxiv && ArxivPattern().Match(arxiv.Url) is { Success: true } match
            ? match.Groups["id"].Value
            : null;

    [GeneratedRegex(@"^(?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex BareArxivId();

    [GeneratedRegex(@"(?:arxiv\.org/(?:abs|pdf)/|arXiv:\s*)(?<id>(?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArxivPattern();

    // ---- coauthors.yaml -----------------------------------------------------------------

    private sealed record Coauthor(string Name, string Url, YamlDotNet.Core.Mark Mark, SourceFile File)
    {
        public bool Used { get; set; }
    }

    /// <summary>
    /// <c>coauthors.yaml</c>: names to homepages, either <c>Name: https://...</c> or
    /// <c>Name: { url: https://..., aliases: [Other Spelling] }</c>. Optional.
    /// </summary>
    private void LoadCoauthors()
    {
        var map = OpenYamlMap("coauthors.yaml", "a mapping of co-author names to homepage URLs", required: false);
        if (map is null)
        {
            return;
        }

        foreach (var (name, keyMark, value) in map.Entries())
        {
            string? url;
            IEnumerable<string> aliases = [];
            if (value is YamlScalarNode { Value: { } raw })
            {
                url = raw.Trim();
                if (!LinkKind.IsAbsoluteHttpUrl(url))
                {
                    map.File.Error(value.Start, $"the homepage of '{name}' must be an absolute http(s) URL, got \"{url}\"");
                    continue;
                }
            }
            else if (YamlMap.From(map.File, value, $"the homepage of '{name}' (a URL, or a mapping with 'url' and 'aliases')") is { } entry)
            {
                entry.RejectUnknownKeys(Schema.ContentModel.Coauthor.Keys);
                if (!entry.Has("url"))
                {
                    map.File.Error(value.Start, $"missing required field 'url' for '{name}'");
                }

                url = Url(entry, "url");
                aliases = entry.Strings("aliases").Select(a => a.Value);
                if (url is null)
                {
                    continue;
                }
            }
            else
            {
                continue;
            }

            var coauthor = new Coauthor(name, url, keyMark, map.File);
            foreach (var spelling in aliases.Prepend(name))
            {
                _coauthors[Text.MatchKey.Name(spelling)] = coauthor;
            }
        }
    }

    private string? CoauthorUrl(string name)
    {
        if (!_coauthors.TryGetValue(Text.MatchKey.Name(name), out var coauthor))
        {
            return null;
        }

        coauthor.Used = true;
        return coauthor.Url;
    }

    /// <summary>A listed name no paper mentions is most likely misspelled on one side.</summary>
    private void WarnUnusedCoauthors()
    {
        foreach (var coauthor in _coauthors.Values.Distinct().Where(c => !c.Used))
        {
            coauthor.File.Warning(coauthor.Mark, $"co-author '{coauthor.Name}' appears in no paper's author list; check the spelling");
        }
    }
}

/// <summary>Month names as BibTeX and people write them.</summary>
internal static class Months
{
    private static readonly string[] Names =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>1-12 for <c>jan</c>, <c>January</c>, <c>Sept.</c> or <c>1</c>; null otherwise.</summary>
    public static int? Parse(string written)
    {
        var text = written.Trim().TrimEnd('.').ToLowerInvariant();
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number is >= 1 and <= 12 ? number : null;
        }

        for (var i = 0; i < Names.Length; i++)
        {
            if (text.Length >= 3 && Names[i].StartsWith(text, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>The BibTeX month macro: <c>jan</c> ... <c>dec</c>.</summary>
    public static string Macro(int month) => Names[month - 1][..3];
}
