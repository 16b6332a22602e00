using System.Collections.Immutable;
using ProfileSite.Content.Bibtex;
using ProfileSite.Content.Formulas;

namespace ProfileSite.Content.Loading;

/// <summary>
/// <c>publications/*.bib</c>: data a tool wrote, read leniently. A problem in one entry is a
/// warning with its <c>file:line:col</c> and the entry is repaired the way BibTeX or biber would
/// (an undefined macro is empty, an entry without a key gets one, a year is found in "2020a")
/// or skipped (a syntax error, a duplicate key); the rest is served. With
/// <see cref="ContentLoadOptions.StrictBibliography"/> these warnings are errors.
/// </summary>
public sealed partial class ContentLoader
{
    // One converter per load: its engine is made when the first formula arrives, and each formula is converted once.
    private readonly MathConverter _math = new();

    // Unknown LaTeX commands already reported, per file: one warning per command and file.
    private readonly HashSet<(string File, string Command)> _reportedCommands = [];

    // The .bib files of this load by display path: the parser's positions are in the text as
    // cleaned by TextHygiene, and each file's column map turns them back into the file as saved.
    private readonly Dictionary<string, SourceFile> _bibFiles = new(StringComparer.Ordinal);

    private void BibWarning(string file, int line, int column, string message)
    {
        var severity = _options.StrictBibliography ? Severity.Error : Severity.Warning;
        if (_bibFiles.TryGetValue(file, out var source))
        {
            source.Report(line, column, severity, message);
        }
        else
        {
            _diagnostics.Add(new ContentError(file, line, column, severity, message));
        }
    }

    /// <summary>Reads every <c>.bib</c> file, resolves keys, xdata and crossref across them, and makes each work a paper.</summary>
    private BibtexPapers LoadBibtexFiles(string folder)
    {
        var papers = new BibtexPapers();
        var entries = new List<SourcedEntry>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.bib").Order(StringComparer.Ordinal))
        {
            // A whole library exported from Zotero or Mendeley is megabytes, more than any hand-written file.
            if (Open(path, _options.MaxFileBytes * 64, _options.StrictBibliography ? Severity.Error : Severity.Warning) is not { } file)
            {
                continue;
            }

            _bibFiles[file.DisplayPath] = file;
            var document = BibtexParser.Parse(file.Text);
            foreach (var problem in document.Problems)
            {
                BibWarning(file.DisplayPath, problem.Line, problem.Column, problem switch
                {
                    { IsWarning: true } => problem.Message,
                    { KeptEntry: { } key } => $"{problem.Message}; '{key}' keeps the fields before this point and the rest of it is skipped",
                    _ => problem.Message + "; the text up to the next entry is skipped",
                });
            }

            entries.AddRange(document.Entries.Select(e => new SourcedEntry(file.DisplayPath, e)));
        }

        var resolved = BibliographyResolver.Resolve(entries, GeneratedKey);
        foreach (var note in resolved.Notes)
        {
            BibWarning(note.File, note.Line, note.Column, note.Message);
        }

        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var work in resolved.Works)
        {
            papers.Add(work.Entry.Key, FromBibtex(work, slugs));
        }

        foreach (var target in resolved.CrossrefTargets.Values)
        {
            papers.Add(target.Entry.Key, FromBibtex(target, slugs, report: false), hidden: true);
        }

        return papers;
    }

    /// <summary>A key for an entry written without one, the way our generated keys look: <c>smith2020deep</c>.</summary>
    private static string GeneratedKey(BibtexEntry entry)
    {
        var names = entry.Field("author") ?? entry.Field("editor");
        var first = names is null ? null : BibtexNames.Parse(names.Raw).Names.FirstOrDefault();
        var date = Date(entry, out _, out _);
        return BibtexWriter.BaseKey(first?.Last, date?.Start.Year, entry["title"] ?? "");
    }

    /// <summary>Entries no Markdown file extended become papers of their own, slugged from their key.</summary>
    private void AddUnclaimedBibtexPapers(BibtexPapers fromBibtex, List<Publication> papers, Dictionary<string, string> slugs)
    {
        foreach (var paper in fromBibtex.Unclaimed)
        {
            var slug = paper.Slug;
            if (slugs.TryGetValue(slug, out var first))
            {
                // A Markdown file (the owner's) keeps the address; the entry is served beside it.
                var entry = paper.SourceEntry!;
                for (var n = 2; slugs.ContainsKey(slug); n++)
                {
                    slug = $"{paper.Slug}-{n}";
                }

                BibWarning(paper.SourceFile, entry.Line, entry.Column,
                    $"entry '{entry.Key}' would be served at /publications/{paper.Slug}, which {first} already uses; it is served at /publications/{slug} (give that file 'bibtex_key: {entry.Key}' to merge them)");
            }

            slugs[slug] = paper.SourceFile;
            papers.Add(paper with { Slug = slug });
        }
    }

    /// <summary>
    /// Two papers with the same key would be one citation in every .bib that uses them. The
    /// Markdown file (the owner's, read strictly) is the one in error, at the key it writes; a
    /// .bib entry of the same key is named with its position, as the entry to extend instead.
    /// </summary>
    private void ReportDuplicateBibtexKeys(List<Publication> papers)
    {
        foreach (var group in papers.Where(p => p.BibtexKey is not null).GroupBy(p => p.BibtexKey!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var paper in group.Where(p => p.SourceEntry is null))
            {
                // The first of several Markdown files keeps its key; the later ones are in error.
                var other = ReferenceEquals(paper, first) ? group.FirstOrDefault(p => p.SourceEntry is not null) : first;
                if (other is null || !_keyMarks.TryGetValue(paper.SourceFile, out var written))
                {
                    continue;
                }

                var where = other.SourceEntry is { } entry && _bibFiles.TryGetValue(other.SourceFile, out var bib)
                    ? $"entry '{entry.Key}' at {other.SourceFile}:{Where(bib, entry)}; give this file 'bibtex_key: {entry.Key}' (and no 'bibtex') to extend that entry instead"
                    : $"{other.SourceFile}; keys must be unique";
                written.File.Error(written.Mark, $"citation key '{group.Key}' is also used by {where}");
            }
        }
    }

    private static string Where(SourceFile file, BibtexEntry entry)
    {
        var (line, column) = file.Original(entry.Line, entry.Column);
        return $"{line}:{column}";
    }

    private Publication FromBibtex(SourcedEntry work, HashSet<string> slugs, bool report = true)
    {
        var (file, entry) = (work.File, work.Entry);
        var warn = report ? (Action<int, int, string>)((line, column, message) => BibWarning(file, line, column, message)) : (_, _, _) => { };
        var type = EntryTypes.Canonical(entry.Type);

        // Address: the key slugged; a key with no letters or digits, or one another key slugs to, gets a number.
        var slug = Slug(entry.Key);
        if (slug.Length == 0)
        {
            slug = "entry";
        }

        var wanted = slug;
        for (var n = 2; !slugs.Add(slug); n++)
        {
            slug = $"{wanted}-{n}";
        }

        if (slug != Slug(entry.Key))
        {
            var (line, column) = entry.KeyPosition;
            warn(line, column, $"key '{entry.Key}' gives the address /publications/{wanted}, which is taken or empty; it is served at /publications/{slug}");
        }

        // Title: title, subtitle and titleaddon as biblatex prints them ("Title: Subtitle. Addon").
        var titleNodes = TitleNodes(entry, "title", "subtitle", "titleaddon", warn, file);
        if (titleNodes.IsEmpty)
        {
            warn(entry.Line, entry.Column, $"entry '{entry.Key}' has no 'title'; it is listed as \"Untitled\"");
            titleNodes = [new LatexString("Untitled")];
        }

        var venueField = VenueField(entry, type);
        var venueNodes = venueField is null ? [] : TitleNodes(entry, venueField, venueField switch
        {
            "journaltitle" or "journal" => "journalsubtitle",
            "booktitle" => "booksubtitle",
            "maintitle" => "mainsubtitle",
            _ => "",
        }, "", warn, file);

        var authors = People(entry, "author", file, warn);
        var editors = People(entry, "editor", file, warn);
        var translators = People(entry, "translator", file, warn);
        if (authors.Names.IsEmpty && editors.Names.IsEmpty)
        {
            warn(entry.Line, entry.Column, $"entry '{entry.Key}' has no 'author' or 'editor'; it is listed without names");
        }

        // Date: biblatex's date, else BibTeX's year and month; without a year, the entry is listed under "Undated".
        var date = Date(entry, out var dateNote, out var dateField);
        if (dateNote is not null && dateField is not null)
        {
            warn(dateField.Line, dateField.Column, dateNote);
        }

        // A work not out yet: BibTeX users write its state in 'year', biblatex users in 'pubstate'.
        var status = PublicationStates.FromPubstate(entry["pubstate"]) ?? (date is null ? PublicationStates.FromYear(entry["year"]) : null);
        if (date is null && status is null)
        {
            var where = dateField ?? entry.Field("year");
            warn(where?.Line ?? entry.Line, where?.Column ?? entry.Column,
                where is null ? $"entry '{entry.Key}' has no 'year' or 'date'; it is listed under \"Undated\"" : $"'{where.Name}' \"{where.Value}\" has no year in it; the entry is listed under \"Undated\"");
        }

        if (entry.Field("month") is { } monthField && entry.Field("date") is null && date is { Start.Month: null } && monthField.Value.Length > 0)
        {
            warn(monthField.Line, monthField.Column, $"'month' must be a month like jan, January or 1, got \"{monthField.Value}\"; the month is left out");
        }

        var doi = Verbatim(entry, "doi") is { } writtenDoi ? Doi.Parse(writtenDoi) : null;
        if (doi is not null && Doi.FirstOfSeveral(doi) is { } firstDoi && entry.Field("doi") is { } severalDois)
        {
            warn(severalDois.Line, severalDois.Column, $"'doi' \"{doi}\" holds more than one DOI; the first, {firstDoi}, is the work's");
            doi = firstDoi;
        }

        if (doi is null && entry.Field("doi") is { } badDoi && Verbatim(entry, "doi") is { } shown)
        {
            warn(badDoi.Line, badDoi.Column, $"'doi' \"{shown}\" is not a DOI like 10.1000/xyz; it is left out");
        }

        var eprintType = (entry["eprinttype"] ?? entry["archiveprefix"])?.Trim().ToLowerInvariant();
        var arxiv = ArxivId(entry, eprintType);
        var links = ImmutableArray.CreateBuilder<PublicationLink>();
        if (Verbatim(entry, "pdf") is { } pdf && LinkKind.IsAbsoluteHttpUrl(pdf))
        {
            links.Add(new PublicationLink("pdf", PaperLinkKinds.All["pdf"].Label, pdf));
        }

        if (arxiv is not null && PaperLinkKinds.All["arxiv"].ToUrl(arxiv) is { } arxivUrl)
        {
            links.Add(new PublicationLink("arxiv", PaperLinkKinds.All["arxiv"].Label, arxivUrl));
        }

        if (doi is not null)
        {
            links.Add(new PublicationLink("doi", PaperLinkKinds.All["doi"].Label, Doi.ToUrl(doi)));
        }

        var eprint = Verbatim(entry, "eprint");
        if (eprint is not null && eprintType is "pubmed" or "hdl" && PaperLinkKinds.All[eprintType].ToUrl(eprint) is { } eprintUrl)
        {
            links.Add(new PublicationLink(eprintType, PaperLinkKinds.All[eprintType].Label, eprintUrl));
        }

        var url = Verbatim(entry, "url") is { } u && LinkKind.IsAbsoluteHttpUrl(u) ? u : HowPublishedUrl(entry);
        var venue = venueNodes.IsEmpty ? null : LatexRender.Plain(venueNodes, _math);
        // arXiv, bioRxiv, DBLP's "CoRR", Google Scholar's "arXiv preprint arXiv:..."; or an arXiv eprint on a work with no journal.
        var preprint = (venue is not null && IsPreprintVenue(venue))
            || (arxiv is not null && (type is "misc" or "unpublished" or "online" || (type == "article" && venue is null)));
        var abstractNodes = entry.Field("abstract") is { } abstractField ? Latex(file, abstractField, warn) : [];
        return new Publication
        {
            Slug = slug,
            Title = LatexRender.Plain(titleNodes, _math),
            TitleHtml = LatexRender.Html(titleNodes, _math),
            TitleCsl = LatexRender.Csl(titleNodes, _math),
            Authors = [.. authors.Names.Select(ToAuthor)],
            MoreAuthors = authors.EtAl,
            Editors = [.. editors.Names.Select(ToAuthor)],
            MoreEditors = editors.EtAl,
            Translators = [.. translators.Names.Select(ToAuthor)],
            Venue = venue,
            VenueCsl = venueNodes.IsEmpty ? null : LatexRender.Csl(venueNodes, _math),
            Date = date?.Start ?? PartialDate.Unknown,
            EndDate = date?.End,
            OpenEndDate = date?.OpenEnd ?? false,
            ApproximateDate = date?.Approximate ?? false,
            Status = status,
            Url = url,
            Links = links.ToImmutable(),
            AbstractHtml = abstractNodes.IsEmpty ? null : LatexRender.HtmlParagraphs(abstractNodes, _math),
            Type = EntryTypes.PaperType(entry.Type, preprint, entry["booktitle"]),
            CslType = EntryTypes.CslType(entry.Type, entry["entrysubtype"], preprint),
            Tags = entry["keywords"] is { } keywords
                ? [.. keywords.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)]
                : [],
            BibtexKey = entry.Key,
            Doi = doi,
            ArxivId = arxiv,
            Accessed = entry["urldate"] is { } urldate ? BiblatexDates.ParseDate(urldate)?.Start : null,
            Publisher = venueField == "publisher" ? null : entry["publisher"],
            Place = entry["location"] ?? entry["address"],
            SourceEntry = entry,
            SourceFile = file,
        };
    }

    private Author ToAuthor(PersonName name)
    {
        // al-folio marks equal contribution and corresponding authors in the last name: "Einstein*†, A.".
        var parts = name with { Last = name.Last.TrimEnd('*', '†', ' '), First = name.First.TrimEnd('*', '†', ' ') };
        return ParseAuthor(name.Display) with { Parts = parts };
    }

    private PersonList People(BibtexEntry entry, string field, string file, Action<int, int, string> warn)
    {
        if (entry.Field(field) is not { } names)
        {
            return new PersonList([], false);
        }

        _ = Latex(file, names, warn);
        var list = BibtexNames.Parse(names.Raw);
        foreach (var repair in list.Repairs)
        {
            var at = names.Raw.IndexOf(repair.Written, StringComparison.Ordinal);
            var (line, column) = at < 0 ? (names.Line, names.Column) : names.PositionOf(at);
            warn(line, column, $"'{field}': {repair.Message}");
        }

        return list;
    }

    /// <summary>The LaTeX of a field, with one warning per unknown command and file and one per invalid formula.</summary>
    private ImmutableArray<LatexNode> Latex(string file, BibtexField field, Action<int, int, string> warn)
    {
        var document = LatexMarkup.Parse(field.Raw);
        foreach (var unknown in document.Unknown)
        {
            if (_reportedCommands.Add((file, unknown.Name)))
            {
                var (line, column) = field.PositionOf(unknown.Offset);
                warn(line, column, $"unknown LaTeX command {unknown.Name} in '{field.Name}'; its name is dropped and its argument kept as text");
            }
        }

        foreach (var formula in LatexRender.Formulas(document.Nodes))
        {
            var result = _math.Convert(formula.Tex, formula.Display);
            if (!result.IsValid)
            {
                var (line, column) = field.PositionOf(formula.Offset);
                warn(line, column, $"invalid math in '{field.Name}': {result.Error}; the formula is shown as its source");
            }
        }

        return document.Nodes;
    }

    /// <summary>A title with its subtitle and addon joined as biblatex prints them.</summary>
    private ImmutableArray<LatexNode> TitleNodes(BibtexEntry entry, string title, string subtitle, string addon, Action<int, int, string> warn, string file)
    {
        var nodes = ImmutableArray.CreateBuilder<LatexNode>();
        foreach (var (name, separator) in new[] { (title, ""), (subtitle, ": "), (addon, ". ") })
        {
            if (name.Length == 0 || entry.Field(name) is not { } field || field.Raw.Trim().Length == 0)
            {
                continue;
            }

            if (nodes.Count > 0)
            {
                nodes.Add(new LatexString(separator));
            }

            nodes.Add(new LatexGroup(Latex(file, field, warn), LatexStyle.None));
        }

        return nodes.ToImmutable();
    }

    /// <summary>Where the work appeared: the journal, the book or proceedings, the school, ... (biblatex's container fields).</summary>
    private static string? VenueField(BibtexEntry entry, string type)
    {
        string[] order = type switch
        {
            "thesis" => ["school", "institution", "organization", "publisher"],
            "report" or "manual" => ["institution", "organization", "publisher", "series"],
            "book" or "mvbook" or "collection" or "mvcollection" or "proceedings" or "mvproceedings" or "reference" => ["maintitle", "series", "publisher", "organization"],
            _ => ["journaltitle", "journal", "booktitle", "maintitle", "eventtitle", "school", "institution", "organization", "howpublished", "publisher", "series"],
        };
        return order.FirstOrDefault(f => entry[f] is not null
            && (f != "maintitle" || entry["maintitle"] != entry["title"])
            && (f != "howpublished" || HowPublishedUrl(entry) is null));
    }

    /// <summary>
    /// <c>howpublished = {\url{https://...}}</c>, how BibTeX users without biblatex's <c>url</c>
    /// cite a web page (the <c>@misc</c> advice of btxdoc §3): the work's link, not its venue.
    /// </summary>
    private static string? HowPublishedUrl(BibtexEntry entry) =>
        Verbatim(entry, "howpublished") is { } text && LinkKind.IsAbsoluteHttpUrl(text) ? text : null;

    private static bool IsPreprintVenue(string venue) =>
        venue.Contains("rxiv", StringComparison.OrdinalIgnoreCase) || venue.Equals("corr", StringComparison.OrdinalIgnoreCase)
        || venue.Contains("preprint", StringComparison.OrdinalIgnoreCase);

    /// <summary>The date of an entry: biblatex's <c>date</c>, else <c>year</c> and <c>month</c>; a note when it was repaired.</summary>
    private static BibDate? Date(BibtexEntry entry, out string? note, out BibtexField? field)
    {
        note = null;
        field = entry.Field("date");
        if (field is { Value.Length: > 0 })
        {
            // Verbatim: '~' marks an approximate date here, not a tie.
            if (BiblatexDates.ParseDate(LatexText.Verbatim(field.Raw)) is { } date)
            {
                return date;
            }

            note = $"'date' \"{field.Value}\" is not an ISO 8601 date or range like 2019-07-04 or 1984/1986";
            if (entry.Field("year") is null)
            {
                // "Summer 2019": a year in it is better than none.
                var fromText = BiblatexDates.FromYear(field.Value, null);
                note += fromText is null ? "" : $"; read as {fromText.Value.Date.Start.Year}";
                return fromText?.Date;
            }

            note += "; 'year' is used instead";
        }

        var year = entry.Field("year");
        if (year is null || year.Value.Length == 0)
        {
            field ??= year;
            return null;
        }

        field = year;
        var read = BiblatexDates.FromYear(year.Value, entry["month"]);
        note ??= read?.Note;
        return read?.Date;
    }

    private static string? Verbatim(BibtexEntry entry, string name)
    {
        if (entry.Field(name) is not { } field)
        {
            return null;
        }

        var text = LatexText.Verbatim(LinkArgument(field.Raw.Trim()));
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// The link in <c>\url{...}</c>, <c>\href{URL}{text}</c>, <c>\doi{...}</c> or <c>\path{...}</c> (its
    /// first argument), which exporters and owners wrap around verbatim values; else the text as is.
    /// </summary>
    private static string LinkArgument(string raw)
    {
        foreach (var command in (string[])["\\url", "\\href", "\\doi", "\\path"])
        {
            if (!raw.StartsWith(command, StringComparison.Ordinal))
            {
                continue;
            }

            var open = raw.IndexOf('{', command.Length);
            if (open < 0 || raw.AsSpan(command.Length, open - command.Length).Trim().Length > 0)
            {
                return raw;
            }

            var depth = 0;
            for (var i = open; i < raw.Length; i++)
            {
                depth += raw[i] switch { '{' => 1, '}' => -1, _ => 0 };
                if (depth == 0)
                {
                    return raw[(open + 1)..i];
                }
            }

            return raw[(open + 1)..];
        }

        return raw;
    }

    private static string? ArxivId(BibtexEntry entry, string? eprintType)
    {
        if (Verbatim(entry, "eprint") is { } eprint && (eprintType is null or "arxiv"))
        {
            var id = eprint.StartsWith("arXiv:", StringComparison.OrdinalIgnoreCase) ? eprint[6..].Trim() : eprint.Trim();
            if (BareArxivId().IsMatch(id))
            {
                return id;
            }
        }

        foreach (var text in new[] { entry["journal"], entry["journaltitle"], Verbatim(entry, "url"), entry["note"], entry["howpublished"] })
        {
            if (text is not null && ArxivPattern().Match(text) is { Success: true } match)
            {
                return match.Groups["id"].Value;
            }
        }

        return null;
    }
}
