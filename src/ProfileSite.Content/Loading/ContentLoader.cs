using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using ProfileSite.Content.Addresses;
using ProfileSite.Content.Citations;
using ProfileSite.Content.Images;
using ProfileSite.Content.Markdown;
using ProfileSite.Content.Text;
using ProfileSite.Content.Schema;
using YamlDotNet.RepresentationModel;

namespace ProfileSite.Content.Loading;

/// <summary>Where the content lives and how much of it to accept.</summary>
/// <param name="ContentPath">The folder holding site.yaml, profile.yaml, ...</param>
/// <param name="WebRootPath">The folder images are served from.</param>
public sealed record ContentLoadOptions(string ContentPath, string WebRootPath)
{
    /// <summary>Files larger than this are refused (1 MiB by default).</summary>
    public long MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>Make every repair or skip in a <c>.bib</c> file an error instead of a warning (<c>check --strict</c>). Off by default.</summary>
    public bool StrictBibliography { get; init; }

    /// <summary>Reads images: the web app plugs in the libvips pipeline; the default reads headers only.</summary>
    public Images.IImageInspector Images { get; init; } = Content.Images.HeaderImageInspector.Instance;

    /// <summary>The URL path the site is served under (<c>/repo</c>), so links and images written in Markdown get it; empty for the root.</summary>
    public string BasePath { get; init; } = "";
}

/// <summary>The outcome of a load: a snapshot when there were no errors, and every problem found.</summary>
public sealed record ContentLoadResult(SiteContent? Content, ImmutableArray<ContentError> Problems, int FileCount)
{
    public bool Succeeded => Content is not null;

    public int ErrorCount => Problems.Count(p => p.IsError);

    public int WarningCount => Problems.Count(p => !p.IsError);
}

/// <summary>
/// Reads the content folder into one validated, immutable <see cref="SiteContent"/>.
/// Every problem is collected (never thrown) so the owner sees them all at once.
/// </summary>
public sealed partial class ContentLoader
{
    private readonly ContentLoadOptions _options;
    private readonly Diagnostics _diagnostics = new();
    private readonly TimeProvider _time;
    private readonly string _displayRoot;
    private readonly List<string> _inputs = [];
    private readonly Dictionary<string, byte[]> _read = new(StringComparer.Ordinal);
    private OwnerMatcher _owner = new([]);
    private SiteAddresses _addresses;

    private ContentLoader(ContentLoadOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _displayRoot = new DirectoryInfo(options.ContentPath).Name;
        _addresses = new SiteAddresses(options.BasePath, null, AssetTable.Empty);
    }

    public static ContentLoadResult Load(ContentLoadOptions options, TimeProvider? time = null) =>
        new ContentLoader(options, time ?? TimeProvider.System).Run();

    private ContentLoadResult Run()
    {
        if (!Directory.Exists(_options.ContentPath))
        {
            _diagnostics.Add(new ContentError(_options.ContentPath, 0, 0, Severity.Error, "content folder not found; set ProfileSite:ContentPath to the folder holding site.yaml and profile.yaml"));
            return Result(null);
        }

        // The web root first: links and images written in Markdown resolve against it.
        _addresses = new SiteAddresses(_options.BasePath, null, AssetTable.Build(_options.WebRootPath, _options.ContentPath));
        var profile = LoadProfile();
        _owner = new OwnerMatcher(profile is null ? [] : [profile.Name, .. profile.Aliases]);
        var site = LoadSite(profile);
        var about = LoadAbout(site?.Language ?? "en");
        var news = LoadNews();
        LoadCoauthors();
        var publications = LoadPublications();
        WarnUnusedCoauthors();
        var sections = LoadSections();

        if (_diagnostics.HasErrors || profile is null || site is null)
        {
            return Result(null);
        }

        var navigation = Navigation(site, about, news, publications, sections);
        if (_diagnostics.HasErrors)
        {
            return Result(null);
        }

        // Read before the version is computed, so an edited gs_data.json gives a new version.
        var localCitations = LoadLocalCitations(site.Citations);
        var selected = publications.Where(p => p.Selected).ToImmutableArray();
        var content = new SiteContent
        {
            Version = "",
            LoadedAt = _time.GetUtcNow(),
            Site = site,
            Profile = profile,
            About = about ?? new AboutText(SiteText.Get("Section.AboutMe", site.Language), ""),
            News = news,
            Publications = publications,
            PublicationIndex = PublicationIndex.Build(publications, site, site.BaseUrl is { } publicUrl ? _addresses.WithPublicBase(publicUrl) : _addresses),
            SelectedPublications = selected.IsEmpty ? publications : selected,
            PublicationsBySlug = publications.ToFrozenDictionary(p => p.Slug, StringComparer.Ordinal),
            Sections = sections,
            Navigation = navigation,
            Warnings = [],
            LocalCitations = localCitations,
            Addresses = site.BaseUrl is { } url ? _addresses.WithPublicBase(url) : _addresses,
            Images = new ImageCatalog([.. _variants.DistinctBy(v => v.Url)]),
        };

        // The translations read their own files, which count for the version and the times too.
        var translations = LoadTranslations(content);
        if (_diagnostics.HasErrors)
        {
            return Result(null);
        }

        var (version, times) = (Version(), Times());
        content = content with
        {
            Version = version,
            Times = times,
            Translations = translations.ToFrozenDictionary(t => t.Key, t => t.Value with { Version = version, Times = times }, StringComparer.Ordinal),
        };

        content = CitationApplier.Apply(content, FrozenDictionary<string, CitationData>.Empty) with { Warnings = [.. _diagnostics.Items] };
        return Result(content);
    }

    private ContentLoadResult Result(SiteContent? content) => new(content, [.. _diagnostics.Items], _inputs.Count);

    // ---- files --------------------------------------------------------------------------

    private string Display(string path) =>
        _displayRoot + "/" + Path.GetRelativePath(_options.ContentPath, path).Replace('\\', '/');

    private SourceFile? Open(string path, long? maxBytes = null, Severity? legacyEncodings = null)
    {
        _inputs.Add(path);
        // BibTeX exports are a tool's text, read leniently; YAML and Markdown are the owner's.
        // With StrictBibliography their repairs are errors, the characters taken out among them.
        var lenient = path.EndsWith(".bib", StringComparison.OrdinalIgnoreCase);
        var repairs = lenient && _options.StrictBibliography ? Severity.Error : Severity.Warning;
        var file = SourceFile.Read(path, Display(path), _diagnostics, maxBytes ?? _options.MaxFileBytes, lenient, repairs, legacyEncodings);
        if (file is not null)
        {
            _read[path] = file.Bytes;
        }

        return file;
    }

    private YamlMap? OpenYamlMap(string relativePath, string what, bool required)
    {
        var path = Path.Combine(_options.ContentPath, relativePath);
        if (!File.Exists(path))
        {
            if (required)
            {
                _diagnostics.Add(new ContentError(Display(path), 0, 0, Severity.Error, $"file not found; expected {what}"));
            }

            return null;
        }

        var file = Open(path);
        if (file is null)
        {
            return null;
        }

        var root = YamlReader.Parse(file);
        if (root is null && !required && WarnIfEmpty(file, "the defaults are used"))
        {
            return null;
        }

        return YamlMap.From(file, root, what);
    }

    // ---- profile.yaml -------------------------------------------------------------------

    private Profile? LoadProfile()
    {
        var map = OpenYamlMap("profile.yaml", "a mapping with at least 'name'", required: true);
        if (map is null)
        {
            return null;
        }

        map.RejectUnknownKeys(ContentModel.Profile.Keys);
        var name = map.String("name", required: true);
        var email = map.String("email");
        if (email is not null && !IsEmail(email))
        {
            map.File.Error(map.Node("email")!.Start, $"'email' must be an address like name@example.org, got \"{email}\"");
            email = null;
        }

        var links = ImmutableArray.CreateBuilder<ProfileLink>();
        if (map.Map("links") is { } linkMap)
        {
            foreach (var (kind, keyMark, value) in linkMap.Entries())
            {
                if (!ProfileLinkKinds.All.TryGetValue(kind, out var known))
                {
                    var hint = Suggest.Closest(kind, ProfileLinkKinds.All.Keys) is { } s
                        ? $"did you mean '{s}'?"
                        : $"expected one of: {string.Join(", ", ProfileLinkKinds.All.Keys)}";
                    map.File.Error(keyMark, $"unknown link '{kind}'; {hint}");
                    continue;
                }

                if (value is not YamlScalarNode { Value: { } raw } || string.IsNullOrWhiteSpace(raw))
                {
                    map.File.Error(value.Start, $"link '{kind}' must be a URL or an id, got {YamlMap.Describe(value)}");
                    continue;
                }

                if (known.ToUrl(raw.Trim()) is { } url)
                {
                    links.Add(new ProfileLink(kind, known.Label, url, known.Icon));
                }
                else
                {
                    var expected = known.Template is null ? "an absolute http(s) URL" : "an absolute http(s) URL or an id";
                    map.File.Error(value.Start, $"link '{kind}' must be {expected}, got \"{raw.Trim()}\"");
                }
            }
        }

        var employerUrl = Url(map, "employer_url");
        var avatar = Image(map, "avatar") is { } photo ? Shown(photo, ImageRole.Avatar) : null;
        if (name is null)
        {
            return null;
        }

        return new Profile
        {
            Name = name,
            Aliases = [.. map.Strings("aliases").Select(a => a.Value)],
            Avatar = avatar,
            BioHtml = InlineMarkdown(map, "bio"),
            Location = map.String("location"),
            Employer = map.String("employer"),
            EmployerUrl = employerUrl,
            Email = email,
            Links = links.ToImmutable(),
        };
    }

    // ---- site.yaml ----------------------------------------------------------------------

    private SiteSettings? LoadSite(Profile? profile)
    {
        var map = OpenYamlMap("site.yaml", "a mapping of site settings", required: false);
        if (map is null)
        {
            return WithSeo(null, profile, new SiteSettings { Title = DefaultTitle(profile, "en"), Citations = LoadCitationSettings(null) });
        }

        map.RejectUnknownKeys(ContentModel.Site.Keys);
        var url = Url(map, "url");
        _titleGiven = map.Has("title");
        var language = map.String("language") ?? "en";
        if (!LanguageTag(language))
        {
            map.File.Error(map.Node("language")!.Start, $"'language' must be a language tag like 'en' or 'zh-CN', got \"{language}\"");
        }

        _languages = Languages(map, ref language);
        var fallbackTitle = DefaultTitle(profile, language);

        return WithSeo(map, profile, new SiteSettings
        {
            Title = map.String("title") ?? fallbackTitle,
            Description = map.String("description"),
            BaseUrl = url is null ? null : new Uri(url.EndsWith('/') ? url : url + "/"),
            Language = language,
            Languages = _languages,
            SectionOrder = [.. SectionOrder(map).Select(s => s.Value)],
            FooterHtml = InlineMarkdown(map, "footer"),
            Citations = LoadCitationSettings(map),
        });
    }

    /// <summary>"{name} - Homepage" in the site's language, when site.yaml gives no title.</summary>
    private static string DefaultTitle(Profile? profile, string language) =>
        SiteText.Format("Site.DefaultTitle", language, profile?.Name ?? "").Trim(' ', '-');
    /// <summary>The ids in site.yaml's section_order with their places, checked once the sections are known.</summary>
    private (SourceFile? File, ImmutableArray<(string Value, YamlDotNet.Core.Mark Mark)> Items) _sectionOrder = (null, []);

    private ImmutableArray<(string Value, YamlDotNet.Core.Mark Mark)> SectionOrder(YamlMap map)
    {
        _sectionOrder = (map.File, map.Strings("section_order"));
        return _sectionOrder.Items;
    }

    // ---- about.md -----------------------------------------------------------------------

    private AboutText? LoadAbout(string language, string fileName = "about.md")
    {
        var path = Path.Combine(_options.ContentPath, fileName);
        if (!File.Exists(path) || Open(path) is not { } file)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(file.Text))
        {
            file.FileWarning("the file is empty; the About section is hidden (write the About text in Markdown, or delete the file)");
            return null;
        }

        if (RenderMarkdownFile(file) is not var (frontMatter, line, html))
        {
            return null;
        }

        var title = SiteText.Get("Section.AboutMe", language);
        if (frontMatter is not null)
        {
            var yaml = file.WithText(frontMatter, line - 1);
            var root = YamlReader.Parse(yaml);
            if (root is not null && YamlMap.From(yaml, root, "front matter with 'title'") is { } map)
            {
                map.RejectUnknownKeys(ContentModel.About.Keys);
                title = map.String("title") ?? title;
            }
        }

        return new AboutText(title, html);
    }

    // ---- news.yaml ----------------------------------------------------------------------

    private ImmutableArray<NewsItem> LoadNews()
    {
        _news = ReadNews("news.yaml");

        // Newest first; a stable sort keeps the owner's order within a month.
        return [.. (_news ?? []).Select(n => n.Item).OrderByDescending(i => i.Date)];
    }

    /// <summary>The items of a news file in the order written, each with where it starts; null when there is no such file.</summary>
    private List<(NewsItem Item, YamlDotNet.Core.Mark Mark, string File)>? ReadNews(string fileName)
    {
        var path = Path.Combine(_options.ContentPath, fileName);
        if (!File.Exists(path) || Open(path) is not { } file)
        {
            return null;
        }

        var items = new List<(NewsItem, YamlDotNet.Core.Mark, string)>();
        var root = YamlReader.Parse(file);
        if (root is null)
        {
            WarnIfEmpty(file, "News is hidden (write a list of '- date: ..., text: ...' items, or delete the file)");
            return items;
        }

        if (root is not YamlSequenceNode list)
        {
            file.Error(root.Start, $"expected a list of news items (- date: ..., text: ...), got {YamlMap.Kind(root)}");
            return items;
        }

        foreach (var node in list)
        {
            if (YamlMap.From(file, node, "a news item with 'date' and 'text'") is not { } map)
            {
                continue;
            }

            map.RejectUnknownKeys(ContentModel.NewsItem.Keys);
            var date = map.Date("date", required: true);
            var text = map.String("text", required: true);
            if (date is { } d && text is not null && InlineMarkdown(map, "text") is { } html)
            {
                items.Add((new NewsItem(d, html), map.Start, file.DisplayPath));
            }
        }

        return items;
    }

    // ---- publications/*.md --------------------------------------------------------------

    private ImmutableArray<Publication> LoadPublications()
    {
        var folder = Path.Combine(_options.ContentPath, "publications");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var papers = new List<Publication>();
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        var fromBibtex = LoadBibtexFiles(folder);
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Where(p => !IsPaperTranslationFile(p)).Order(StringComparer.Ordinal))
        {
            if (Open(path) is not { } file || !ClaimSlug(file, Path.GetFileNameWithoutExtension(path), slugs)
                || LoadPublication(file, Path.GetFileNameWithoutExtension(path), fromBibtex) is not { } paper)
            {
                continue;
            }

            papers.Add(paper);
        }

        AddUnclaimedBibtexPapers(fromBibtex, papers, slugs);
        ReportDuplicateBibtexKeys(papers);
        return [.. papers.OrderByDescending(p => p.Date)];
    }

    private Publication? LoadPublication(SourceFile file, string fileName, BibtexPapers fromBibtex)
    {
        if (string.IsNullOrWhiteSpace(file.Text))
        {
            file.FileError("the file is empty; expected YAML front matter between '---' lines with at least 'title', 'authors' and 'year' or 'date'");
            return null;
        }

        if (RenderMarkdownFile(file) is not var (frontMatter, line, body))
        {
            return null;
        }

        if (frontMatter is null)
        {
            file.Error(new YamlDotNet.Core.Mark(0, 1, 1), "expected YAML front matter between '---' lines with at least 'title', 'authors' and 'year' or 'date'");
            return null;
        }

        var yaml = file.WithText(frontMatter, line - 1);
        if (YamlMap.From(yaml, YamlReader.Parse(yaml), "front matter with 'title', 'authors' and 'year' or 'date'") is not { } map)
        {
            return null;
        }

        map.RejectUnknownKeys(ContentModel.Publication.Keys);
        // A file naming a .bib entry's key only adds to or overrides that entry: nothing is required.
        var bibtexKey = map.String("bibtex_key");
        var basis = fromBibtex.Claim(bibtexKey, map);
        var title = map.String("title", required: basis is null) ?? basis?.Title;
        if (title is null && bibtexKey is not null)
        {
            map.File.Error(map.Node("bibtex_key")!.Start, $"no entry with key '{bibtexKey}' in the .bib files under publications/, so this file must give 'title', 'authors' and 'year' or 'date' itself");
        }

        if (map.Node("authors") is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } written } text && SeveralNames().IsMatch(written))
        {
            // A list written as one line of text would be one author whose "name" holds everyone's: silently wrong on
            // the card, in citation_author and in the BibTeX.
            map.File.Error(text.Start, $"'authors' must be a list of names like [Ada Lovelace, Bob Smith]; as text, \"{written.Trim()}\" is one name: put the names in [...]");
        }

        var authors = PlainAuthors(map.File, map.Strings("authors"));
        if (authors.IsEmpty && basis is null)
        {
            map.File.Error(map.Has("authors") ? map.Node("authors")!.Start : map.Start, "missing required field 'authors' (a list of names)");
        }

        var date = map.Date("date");
        if (date is null && !map.Has("date"))
        {
            date = basis is not null && !map.Has("year") ? basis.Date : Year(map);
        }

        var links = MergeLinks(basis?.Links ?? [], PaperLinks(map));
        var url = Url(map, "url");
        var image = Image(map, "image") is { } figure ? Shown(figure, ImageRole.Card, ImageRole.Figure) : null;
        var selected = map.Bool("selected", basis?.Selected ?? false);
        var type = PaperType(map);
        var bibtex = OwnBibtex(map);
        if (title is null || (authors.IsEmpty && basis is null) || date is null || authors.Any(a => a.Value is null))
        {
            return null;
        }

        var paper = new Publication
        {
            Slug = Slug(fileName),
            Title = title,
            Authors = authors.IsEmpty ? basis!.Authors : [.. authors.Select(a => ParseAuthor(a.Value!))],
            MoreAuthors = authors.IsEmpty && basis!.MoreAuthors,
            Venue = map.String("venue") ?? basis?.Venue,
            Badge = map.String("badge") ?? basis?.Badge,
            Date = date.Value,
            Url = url ?? basis?.Url,
            Image = image ?? basis?.Image,
            SummaryHtml = InlineMarkdown(map, "summary") ?? basis?.SummaryHtml,
            Selected = selected,
            Links = links,
            ScholarId = map.String("scholar_id"),
            ManualCitations = ManualCitations(map),
            Bibtex = map.String("bibtex"),
            AbstractHtml = string.IsNullOrWhiteSpace(body) ? null : body,
            SourceFile = file.DisplayPath,
            Type = type ?? basis?.Type ?? PublicationType.Other,
            Tags = map.Has("tags") ? [.. map.Strings("tags").Select(t => t.Value)] : basis?.Tags ?? [],
            BibtexKey = bibtexKey ?? bibtex?.Key ?? basis?.BibtexKey,
            Doi = DoiOf(links) ?? basis?.Doi,
            ArxivId = ArxivIdOf(links) ?? basis?.ArxivId,
            SourceEntry = basis?.SourceEntry,
            Translations = PaperTranslations(map),
        };
        if (paper.BibtexKey is not null)
        {
            _keyMarks[file.DisplayPath] = (map.File, bibtexKey is not null ? map.Node("bibtex_key")!.Start : bibtex is { } own ? own.KeyMark : map.Start);
        }

        return basis is null ? paper : WithBasis(paper, basis);
    }

    // Where each Markdown paper's citation key is written ('bibtex_key', or the key of its own 'bibtex'), by file.
    private readonly Dictionary<string, (SourceFile File, YamlDotNet.Core.Mark Mark)> _keyMarks = new(StringComparer.Ordinal);

    private static PartialDate? Year(YamlMap map)
    {
        var year = map.String("year");
        if (year is null)
        {
            map.File.Error(map.Start, "missing required field 'year' or 'date'");
            return null;
        }

        if (year.Length == 4 && PartialDate.TryParse(year, out var date))
        {
            return date;
        }

        map.File.Error(map.Node("year")!.Start, $"'year' must be a four-digit year, got \"{year}\"");
        return null;
    }

    private static ImmutableArray<PublicationLink> PaperLinks(YamlMap map)
    {
        if (map.Map("links") is not { } linkMap)
        {
            return [];
        }

        var links = ImmutableArray.CreateBuilder<PublicationLink>();
        foreach (var (kind, keyMark, value) in linkMap.Entries())
        {
            if (!PaperLinkKinds.All.TryGetValue(kind, out var known))
            {
                var hint = Suggest.Closest(kind, PaperLinkKinds.All.Keys) is { } s
                    ? $"did you mean '{s}'?"
                    : $"expected one of: {string.Join(", ", PaperLinkKinds.All.Keys)}";
                map.File.Error(keyMark, $"unknown link '{kind}'; {hint}");
                continue;
            }

            if (value is YamlScalarNode { Value: { } raw } && !string.IsNullOrWhiteSpace(raw) && known.ToUrl(raw.Trim()) is { } url)
            {
                links.Add(new PublicationLink(kind, known.Label, url));
            }
            else
            {
                var expected = known.Template is null ? "an absolute http(s) URL" : $"an absolute http(s) URL or {known.IdDescription}";
                map.File.Error(value.Start, $"link '{kind}' must be {expected}, got {YamlMap.Describe(value)}");
            }
        }

        return links.ToImmutable();
    }

    /// <summary>The front matter's author names with hand-written markup checked (see <see cref="AuthorMarkup"/>); a refused name is null.</summary>
    private ImmutableArray<(string? Value, YamlDotNet.Core.Mark Mark)> PlainAuthors(SourceFile file, ImmutableArray<(string Value, YamlDotNet.Core.Mark Mark)> written) =>
        [.. written.Select(author =>
        {
            var verdict = AuthorMarkup.Check(author.Value, _owner.IsOwner);
            if (verdict.Message is { } message)
            {
                file.Report(author.Mark, verdict.Name is null ? Severity.Error : Severity.Warning, message);
            }

            return (verdict.Name, author.Mark);
        })];

    private Author ParseAuthor(string written)
    {
        var name = written.Trim();
        bool equal = false, corresponding = false;
        while (name.Length > 0)
        {
            if (name.EndsWith('*'))
            {
                equal = true;
            }
            else if (name.EndsWith('†'))
            {
                corresponding = true;
            }
            else
            {
                break;
            }

            name = name[..^1].TrimEnd();
        }

        return new Author(name, _owner.IsOwner(name), equal, corresponding, CoauthorUrl(name));
    }

    // ---- sections/*.yaml ----------------------------------------------------------------

    private ImmutableArray<DatedSection> LoadSections()
    {
        var folder = Path.Combine(_options.ContentPath, "sections");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var sections = ImmutableArray.CreateBuilder<DatedSection>();
        var files = Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml"));
        // A section's translations (20-educations.zh-CN.yaml) are read with the translations.
        foreach (var path in files.Where(f => !IsTranslationFile(f)).Order(StringComparer.Ordinal))
        {
            if (ReadSection(path) is { } read)
            {
                sections.Add(read.Section);
                _sections[read.Section.Id] = read;
            }
        }

        return sections.ToImmutable();
    }

    /// <summary>A section file as written: the section, where each item starts, and whether it names an icon.</summary>
    private sealed record SectionFile(string Path, DatedSection Section, ImmutableArray<YamlDotNet.Core.Mark> ItemMarks, bool HasIcon);

    private SectionFile? ReadSection(string path)
    {
        if (Open(path) is not { } file)
        {
            return null;
        }

        var root = YamlReader.Parse(file);
        if ((root is null && WarnIfEmpty(file, "the section is hidden (write 'title' and 'items', or delete the file)"))
            || YamlMap.From(file, root, "a section with 'title' and 'items'") is not { } map)
        {
            return null;
        }

        map.RejectUnknownKeys(ContentModel.Section.Keys);
        var title = map.String("title", required: true);
        var items = ImmutableArray.CreateBuilder<DatedItem>();
        var marks = ImmutableArray.CreateBuilder<YamlDotNet.Core.Mark>();
        switch (map.Node("items"))
        {
            case null:
                file.Error(map.Start, "missing required field 'items' (a list of { date, text })");
                break;
            case YamlSequenceNode list:
                foreach (var node in list)
                {
                    if (YamlMap.From(file, node, "an item with 'date' and 'text'") is not { } item)
                    {
                        continue;
                    }

                    item.RejectUnknownKeys(ContentModel.SectionItem.Keys);
                    // Undated items (teaching, reviewing, memberships) are lists too: 'date' is optional.
                    var dateText = item.String("date");
                    var text = item.String("text", required: true);
                    DateRange? range = null;
                    if (dateText is not null && !DateRange.TryParse(dateText, out range))
                    {
                        file.Error(item.Node("date")!.Start, $"'date' must be {DateRange.Expected}, got \"{dateText}\"");
                    }

                    if ((range is not null || dateText is null) && text is not null && InlineMarkdown(item, "text") is { } html)
                    {
                        items.Add(new DatedItem(range, html));
                        marks.Add(item.Start);
                    }
                }

                break;
            case var other:
                file.Error(other.Start, $"'items' must be a list of {{ date, text }}, got {YamlMap.Kind(other)}");
                break;
        }

        if (title is null)
        {
            return null;
        }

        var id = Slug(SectionPrefix().Replace(StemOf(path), ""));
        return new SectionFile(path, new DatedSection(id, title, map.String("icon"), items.ToImmutable()), marks.ToImmutable(), map.Has("icon"));
    }

    // ---- navigation ---------------------------------------------------------------------

    private static readonly string[] BuiltInSections = ["about-me", "news", "publications"];

    private ImmutableArray<PageSection> Navigation(
        SiteSettings site, AboutText? about, ImmutableArray<NewsItem> news,
        ImmutableArray<Publication> publications, ImmutableArray<DatedSection> sections)
    {
        var present = new List<PageSection>();
        if (about is not null)
        {
            present.Add(new PageSection("about-me", about.Title, null));
        }

        if (!news.IsEmpty)
        {
            present.Add(new PageSection("news", SiteText.Get("Section.News", site.Language), "🔥"));
        }

        if (!publications.IsEmpty)
        {
            present.Add(new PageSection("publications", SiteText.Get("Section.Publications", site.Language), "📝"));
        }

        present.AddRange(sections.Where(s => !s.Items.IsEmpty).Select(s => new PageSection(s.Id, s.Title, s.Icon)));
        if (site.SectionOrder.IsEmpty)
        {
            return [.. present];
        }

        var known = BuiltInSections.Concat(sections.Select(s => s.Id)).ToArray();
        foreach (var (id, mark) in _sectionOrder.Items.Where(item => !known.Contains(item.Value)))
        {
            var hint = Suggest.Closest(id, known) is { } s ? $"did you mean '{s}'?" : $"expected one of: {string.Join(", ", known)}";
            _sectionOrder.File!.Error(mark, $"'section_order' names unknown section '{id}'; {hint}");
        }

        // Sections the owner listed come first in that order; the rest keep their default place.
        var rank = site.SectionOrder.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        return [.. present.OrderBy(s => rank.TryGetValue(s.Id, out var r) ? r : int.MaxValue)];
    }

    // ---- shared field kinds -------------------------------------------------------------

    private static string? Url(YamlMap map, string key)
    {
        var value = map.String(key);
        if (value is null)
        {
            return null;
        }

        if (LinkKind.IsAbsoluteHttpUrl(value))
        {
            return value;
        }

        map.File.Error(map.Node(key)!.Start, $"'{key}' must be an absolute http(s) URL, got \"{value}\"");
        return null;
    }

    private WebImage? Image(YamlMap map, string key)
    {
        var value = map.String(key);
        if (value is null)
        {
            return null;
        }

        var relative = value.TrimStart('/');
        var mark = map.Node(key)!.Start;
        if (relative.Contains("..", StringComparison.Ordinal) || relative.Contains('\\', StringComparison.Ordinal) || LinkKind.IsAbsoluteHttpUrl(value))
        {
            map.File.Error(mark, $"'{key}' must be a path under the web root like images/pic1.png, got \"{value}\"");
            return null;
        }

        // One spelling for every page: "./images/a.png" and "/images/a.png" are images/a.png.
        relative = SitePath.Resolve(relative)[1..];
        var path = Path.Combine(_options.WebRootPath, relative);
        if (!File.Exists(path))
        {
            map.File.Warning(mark, $"'{key}' names {relative}, which does not exist under the web root ({_options.WebRootPath}); the image is left out");
            return null;
        }

        _inputs.Add(path);
        return Inspected(relative, path, problem => map.File.Warning(mark, $"'{key}' names {relative}, which {problem}; the image is left out"));
    }

    private static bool IsEmail(string text) =>
        text.Count(c => c == '@') == 1 && text.IndexOf('@') > 0 && text.IndexOf('@') < text.Length - 1 && !text.Any(char.IsWhiteSpace);

    private static bool LanguageTag(string text) =>
        text.Length is >= 2 and <= 35 && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>
    /// Lower-case letters, digits and single dashes: safe in a URL path. Latin letters with accents
    /// lose them (<c>Müller2020</c> gives <c>muller2020</c>), as biber and Better BibTeX fold keys.
    /// </summary>
    internal static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var letter in text.Trim().ToLowerInvariant())
        {
            var c = letter < 128 ? letter : Bibtex.LatinLetters.Base(letter);
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (letter switch { 'ß' => "ss", 'æ' => "ae", 'œ' => "oe", 'ø' => "o", 'ł' => "l", 'đ' => "d", 'þ' => "th", 'ı' => "i", _ => null } is { } folded)
            {
                builder.Append(folded);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }

    /// <summary>", ", ";" or " and " between words: more than one name, as BibTeX or a citation list separates them.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\S(?:\s*[,;]\s*|\s+and\s+)\S", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SeveralNames();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+[-_ ]+")]
    private static partial System.Text.RegularExpressions.Regex SectionPrefix();

    private string Version()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in _inputs.Distinct().Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(_options.ContentPath, path)));
            hash.AppendData(_read.TryGetValue(path, out var bytes) ? bytes : ReadForVersion(path));
        }

        // Every web root file too: an edited stylesheet is a new snapshot with new fingerprinted URLs.
        hash.AppendData(Encoding.UTF8.GetBytes(_addresses.Assets.Digest()));

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}

/// <summary>Recognises the owner's name in author lists, whatever the spacing, case or accents.</summary>
internal sealed class OwnerMatcher(IEnumerable<string> names)
{
    private readonly FrozenSet<string> _names = names.Select(Text.MatchKey.Name).ToFrozenSet(StringComparer.Ordinal);

    public bool IsOwner(string author) => _names.Contains(Text.MatchKey.Name(author));

}
