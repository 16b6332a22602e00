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

    // ---- publications/*.bib -------------------------------------------------------------

    /// <summary>Reads every <c>.bib</c> file into papers keyed by citation key, reporting problems with file:line:column.</summary>
    private BibtexPapers LoadBibtexFiles(string folder)
    {
        var papers = new BibtexPapers();
        foreach (var path in Directory.EnumerateFiles(folder, "*.bib").Order(StringComparer.Ordinal))
        {
            if (Open(path) is not { } file)
            {
                continue;
            }

            var document = BibtexParser.Parse(file.Text);
            foreach (var problem in document.Problems)
            {
                file.Report(problem.Line, problem.Column, problem.IsWarning ? Severity.Warning : Severity.Error, problem.Message);
            }

            foreach (var entry in document.Entries)
            {
                if (papers.Find(entry.Key) is { } first)
                {
                    EntryError(file, entry, $"duplicate key '{entry.Key}' (also in {first.SourceFile}); keys must be unique");
                }
                else if (FromBibtex(file, entry) is { } paper)
                {
                    papers.Add(entry.Key, paper);
                }
            }
        }

        return papers;
    }

    /// <summary>Entries no Markdown file extended become papers of their own, slugged from their key.</summary>
    private void AddUnclaimedBibtexPapers(BibtexPapers fromBibtex, List<Publication> papers, Dictionary<string, string> slugs)
    {
        foreach (var paper in fromBibtex.Unclaimed)
        {
            if (slugs.TryGetValue(paper.Slug, out var first))
            {
                var entry = paper.SourceEntry!;
                _diagnostics.Add(new ContentError(paper.SourceFile, entry.Line, entry.Column, Severity.Error,
                    $"entry '{entry.Key}' would be served at /publications/{paper.Slug}, which {first} already uses; rename the key or the file, or give that file 'bibtex_key: {entry.Key}' to merge them"));
                continue;
            }

            slugs[paper.Slug] = paper.SourceFile;
            papers.Add(paper);
        }
    }

    /// <summary>Two papers the owner gave the same key would be one citation in every .bib that uses them.</summary>
    private void ReportDuplicateBibtexKeys(List<Publication> papers)
    {
        foreach (var group in papers.Where(p => p.BibtexKey is not null).GroupBy(p => p.BibtexKey!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var paper in group.Skip(1))
            {
                _diagnostics.Add(new ContentError(paper.SourceFile, 0, 0, Severity.Error,
                    $"citation key '{group.Key}' is also used by {group.First().SourceFile}; keys must be unique"));
            }
        }
    }

    private Publication? FromBibtex(SourceFile file, BibtexEntry entry)
    {
        var slug = Slug(entry.Key);
        var title = entry["title"];
        var names = entry.Field("author") ?? entry.Field("editor");
        var people = names is null ? null : BibtexNames.Parse(names.Raw);
        var date = BibtexDate(file, entry);
        if (slug.Length == 0)
        {
            EntryError(file, entry, $"key '{entry.Key}' has no letters or digits to make a page address from");
        }

        if (title is null)
        {
            EntryError(file, entry, $"entry '{entry.Key}' has no 'title'");
        }

        if (people is null || people.Names.IsEmpty)
        {
            EntryError(file, entry, $"entry '{entry.Key}' has no 'author' (or 'editor')");
        }

        if (slug.Length == 0 || title is null || people is null || people.Names.IsEmpty || date is null)
        {
            return null;
        }

        var doi = entry["doi"] is { } d ? BareDoi(d) : null;
        var arxiv = BibtexArxivId(entry);
        var links = ImmutableArray.CreateBuilder<PublicationLink>();
        if (entry["pdf"] is { } pdf && LinkKind.IsAbsoluteHttpUrl(pdf))
        {
            links.Add(new PublicationLink("pdf", PaperLinkKinds.All["pdf"].Label, pdf));
        }

        if (arxiv is not null && PaperLinkKinds.All["arxiv"].ToUrl(arxiv) is { } arxivUrl)
        {
            links.Add(new PublicationLink("arxiv", PaperLinkKinds.All["arxiv"].Label, arxivUrl));
        }

        if (doi is not null && PaperLinkKinds.All["doi"].ToUrl(doi) is { } doiUrl)
        {
            links.Add(new PublicationLink("doi", PaperLinkKinds.All["doi"].Label, doiUrl));
        }

        var url = entry["url"] is { } u && LinkKind.IsAbsoluteHttpUrl(u) ? u : null;
        return new Publication
        {
            Slug = slug,
            Title = title,
            Authors = [.. people.Names.Select(n => ParseAuthor(n.Display))],
            MoreAuthors = people.EtAl,
            Venue = entry["journal"] ?? entry["booktitle"] ?? entry["school"] ?? entry["institution"] ?? entry["howpublished"] ?? entry["publisher"],
            Date = date.Value,
            Url = url,
            Links = links.ToImmutable(),
            AbstractHtml = entry["abstract"] is { } abs ? $"<p>{WebUtility.HtmlEncode(abs)}</p>" : null,
            Type = BibtexType(entry, arxiv),
            Tags = entry["keywords"] is { } keywords
                ? [.. keywords.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
                : [],
            BibtexKey = entry.Key,
            Doi = doi,
            ArxivId = arxiv,
            SourceEntry = entry,
            SourceFile = file.DisplayPath,
        };
    }

    private static PartialDate? BibtexDate(SourceFile file, BibtexEntry entry)
    {
        // biblatex writes date = {2024-01-15}; BibTeX year = 2024 and month = jan.
        if (entry["date"] is { } written && PartialDate.TryParse(written, out var full))
        {
            return full;
        }

        var yearField = entry.Field("year");
        if (yearField is null || yearField.Value.Length != 4 || !PartialDate.TryParse(yearField.Value, out var year))
        {
            var (line, column) = yearField is null ? (entry.Line, entry.Column) : (yearField.Line, yearField.Column);
            file.Report(line, column, Severity.Error,
                yearField is null ? $"entry '{entry.Key}' has no 'year'" : $"'year' must be a four-digit year, got \"{yearField.Value}\"");
            return null;
        }

        if (entry.Field("month") is not { } monthField)
        {
            return year;
        }

        if (Months.Parse(monthField.Value) is { } month)
        {
            return year with { Month = month };
        }

        file.Report(monthField.Line, monthField.Column, Severity.Warning,
            $"'month' must be a month like jan, January or 1, got \"{monthField.Value}\"; the month is left out");
        return year;
    }

    private static PublicationType BibtexType(BibtexEntry entry, string? arxiv)
    {
        var venue = entry["journal"] ?? entry["howpublished"] ?? "";
        // arXiv, bioRxiv, medRxiv, DBLP's "CoRR", Google Scholar's "arXiv preprint arXiv:...".
        var preprint = venue.Contains("rxiv", StringComparison.OrdinalIgnoreCase) || venue.Equals("corr", StringComparison.OrdinalIgnoreCase)
            || venue.Contains("preprint", StringComparison.OrdinalIgnoreCase);
        return entry.Type switch
        {
            "article" when preprint => PublicationType.Preprint,
            "article" => PublicationType.Journal,
            "inproceedings" or "conference" or "proceedings" when (entry["booktitle"] ?? "").Contains("workshop", StringComparison.OrdinalIgnoreCase) => PublicationType.Workshop,
            "inproceedings" or "conference" or "proceedings" => PublicationType.Conference,
            "phdthesis" or "mastersthesis" or "thesis" => PublicationType.Thesis,
            "book" => PublicationType.Book,
            "incollection" or "inbook" => PublicationType.Chapter,
            "techreport" or "report" => PublicationType.Report,
            "misc" or "unpublished" or "online" when arxiv is not null || preprint => PublicationType.Preprint,
            _ => PublicationType.Other,
        };
    }

    private static string? BibtexArxivId(BibtexEntry entry)
    {
        var prefix = entry["archiveprefix"] ?? entry["eprinttype"];
        if (entry["eprint"] is { } eprint && (prefix is null || prefix.Equals("arxiv", StringComparison.OrdinalIgnoreCase)))
        {
            var id = eprint.StartsWith("arXiv:", StringComparison.OrdinalIgnoreCase) ? eprint[6..].Trim() : eprint.Trim();
            if (BareArxivId().IsMatch(id))
            {
                return id;
            }
        }

        foreach (var text in new[] { entry["journal"], entry["url"], entry["note"] })
        {
            if (text is not null && ArxivPattern().Match(text) is { Success: true } match)
            {
                return match.Groups["id"].Value;
            }
        }

        return null;
    }

    private static void EntryError(SourceFile file, BibtexEntry entry, string message) =>
        file.Report(entry.Line, entry.Column, Severity.Error, message);

    /// <summary>The papers read from <c>.bib</c> files; a Markdown file naming a key claims it to extend it.</summary>
    private sealed class BibtexPapers
    {
        private readonly Dictionary<string, Publication> _byKey = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _order = [];
        private readonly Dictionary<string, string> _claimedBy = new(StringComparer.OrdinalIgnoreCase);

        public Publication? Find(string key) => _byKey.GetValueOrDefault(key);

        public void Add(string key, Publication paper)
        {
            _byKey[key] = paper;
            _order.Add(key);
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

        public IEnumerable<Publication> Unclaimed => _order.Where(k => !_claimedBy.ContainsKey(k)).Select(k => _byKey[k]);
    }

    // ---- front matter fields ------------------------------------------------------------

    /// <summary>What a Markdown file leaves out, the .bib entry it extends supplies.</summary>
    private static Publication WithBasis(Publication paper, Publication basis) => paper with
    {
        ScholarId = paper.ScholarId ?? basis.ScholarId,
        AbstractHtml = paper.AbstractHtml ?? basis.AbstractHtml,
    };

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

    /// <summary>The owner's own <c>bibtex</c>: checked here so a broken one is reported, not served.</summary>
    private static (string Text, string Key)? OwnBibtex(YamlMap map)
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

        return (text.Trim(), document.Entries[0].Key);
    }

    /// <summary>Links from a Markdown file replace those of the same kind from the .bib entry it extends.</summary>
    private static ImmutableArray<PublicationLink> MergeLinks(ImmutableArray<PublicationLink> basis, ImmutableArray<PublicationLink> own) =>
        [.. basis.Where(b => !own.Any(o => o.Kind == b.Kind)), .. own];

    private static string? DoiOf(ImmutableArray<PublicationLink> links) =>
        links.FirstOrDefault(l => l.Kind == "doi") is { } doi ? BareDoi(doi.Url) : null;

    private static string? ArxivIdOf(ImmutableArray<PublicationLink> links) =>
        links.FirstOrDefault(l => l.Kind == "arxiv") is { } arxiv && ArxivPattern().Match(arxiv.Url) is { Success: true } match
            ? match.Groups["id"].Value
            : null;

    private static string BareDoi(string written)
    {
        var doi = written.Trim();
        foreach (var prefix in new[] { "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:" })
        {
            if (doi.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return Uri.UnescapeDataString(doi[prefix.Length..]);
            }
        }

        return doi;
    }

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
