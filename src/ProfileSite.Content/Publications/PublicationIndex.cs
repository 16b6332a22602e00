using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProfileSite.Content.Bibtex;
using ProfileSite.Content.Loading;

namespace ProfileSite.Content;

/// <summary>Papers of one year, newest first.</summary>
public sealed record YearGroup(int Year, ImmutableArray<Publication> Papers)
{
    /// <summary>The group of papers without a year, listed after every year.</summary>
    public bool Undated => Year == 0;

    /// <summary>The heading: the year, or "Undated".</summary>
    public string Heading => Undated ? "Undated" : Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The value of <c>?year=</c> that selects this group, and its element id suffix: <c>2024</c> or <c>undated</c>.</summary>
    public string Value => Undated ? "undated" : Year.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One value a list can be filtered by, with how many papers have it.</summary>
/// <param name="Value">What goes in the query string (<c>2024</c>, <c>conference</c>, <c>dropout</c>, <c>Tao Luo</c>).</param>
/// <param name="Label">What the visitor reads.</param>
/// <param name="Count">Papers with this value.</param>
public sealed record Facet(string Value, string Label, int Count);

/// <summary>Everything a paper's own page and files need, computed once per snapshot.</summary>
/// <param name="Paper">The paper.</param>
/// <param name="BibtexKey">Its citation key: the owner's, or a generated one like <c>zhang2024implicit</c>.</param>
/// <param name="Bibtex">Its BibTeX entry: the owner's, the <c>.bib</c> entry it came from, or generated.</param>
/// <param name="BibtexBytes">The entry as served at <c>/publications/{slug}.bib</c> (UTF-8, newline-terminated).</param>
/// <param name="CitationTags">Highwire Press <c>citation_*</c> meta tags for the page head.</param>
/// <param name="JsonLd">schema.org <c>ScholarlyArticle</c>, safe to embed in a <c>&lt;script&gt;</c> data block.</param>
/// <param name="Description">The summary (or abstract) as plain text, for the meta description.</param>
public sealed record PublicationPage(
    Publication Paper, string BibtexKey, string Bibtex, ReadOnlyMemory<byte> BibtexBytes,
    ImmutableArray<MetaTag> CitationTags, string JsonLd, string? Description)
{
    /// <summary>The page's path: <c>/publications/{slug}</c>.</summary>
    public string Path => PublicationIndex.PagePath(Paper.Slug);
}

/// <summary>
/// The publications as the list page, detail pages and citation files need them: year groups,
/// filter facets, BibTeX, CSL-JSON, Highwire tags and JSON-LD. Built once per snapshot by the
/// loader; a request only picks from it (and, for a filtered list, keeps the matching papers).
/// </summary>
public sealed class PublicationIndex
{
    /// <summary>The list page's path.</summary>
    public const string ListPath = "/publications";

    private PublicationIndex(ImmutableArray<Publication> all)
    {
        All = all;
        Years = Group(all);
        YearFacets = [.. Years.Select(g => new Facet(g.Value, g.Heading, g.Papers.Length))];
        TypeFacets = [.. all.GroupBy(p => p.Type).OrderBy(g => g.Key).Select(g => new Facet(g.Key.Name(), g.Key.Label(), g.Count()))];
        TagFacets = Facets(all.SelectMany(p => p.Tags.Distinct(StringComparer.OrdinalIgnoreCase)), StringComparer.OrdinalIgnoreCase);
        CoauthorFacets = Facets(all.SelectMany(p => p.Authors.Where(a => !a.IsOwner).Select(a => a.Name).Distinct()), new NameComparer());
    }

    /// <summary>An index of no papers.</summary>
    public static PublicationIndex Empty { get; } = new([]) { Pages = FrozenDictionary<string, PublicationPage>.Empty };

    /// <summary>Every paper, newest first.</summary>
    public ImmutableArray<Publication> All { get; }

    /// <summary>Every paper under its year, newest year first.</summary>
    public ImmutableArray<YearGroup> Years { get; }

    public ImmutableArray<Facet> YearFacets { get; }

    public ImmutableArray<Facet> TypeFacets { get; }

    /// <summary>Tags by number of papers, then alphabetically.</summary>
    public ImmutableArray<Facet> TagFacets { get; }

    /// <summary>Co-authors (everyone but the owner) by number of joint papers, then alphabetically.</summary>
    public ImmutableArray<Facet> CoauthorFacets { get; }

    /// <summary>Each paper's page data by slug.</summary>
    public required FrozenDictionary<string, PublicationPage> Pages { get; init; }

    /// <summary>Every entry, newest first, as served at <c>/publications.bib</c>.</summary>
    public ReadOnlyMemory<byte> BibtexFile { get; private init; } = Encoding.UTF8.GetBytes("");

    /// <summary>Every paper as CSL-JSON, as served at <c>/publications.json</c>.</summary>
    public ReadOnlyMemory<byte> CslJson { get; private init; } = "[]"u8.ToArray();

    /// <summary>A paper's page path: <c>/publications/{slug}</c>.</summary>
    public static string PagePath(string slug) => $"{ListPath}/{slug}";

    /// <summary>Builds everything derived from the papers; <paramref name="site"/> gives absolute URLs when it has a base URL.</summary>
    /// <param name="papers">Every paper, newest first, in the language of <paramref name="site"/>.</param>
    /// <param name="site">The site settings of these pages (base URL, language).</param>
    /// <param name="addresses">Where page and image addresses come from (base path, fingerprints); the site root without.</param>
    /// <param name="original">For a translation: the default language's index. Citation keys, BibTeX,
    /// CSL-JSON and Google Scholar's tags describe the paper as published, so they come from there;
    /// the JSON-LD and page addresses are this language's.</param>
    public static PublicationIndex Build(
        ImmutableArray<Publication> papers, SiteSettings site, Addresses.SiteAddresses? addresses = null, PublicationIndex? original = null)
    {
        addresses ??= site.BaseUrl is { } url ? Addresses.SiteAddresses.Root.WithPublicBase(url) : Addresses.SiteAddresses.Root;
        if (original is not null)
        {
            return Translate(papers, site, addresses, original);
        }

        var keys = Keys(papers);
        var pages = new Dictionary<string, PublicationPage>(StringComparer.Ordinal);
        var csl = new List<(Publication, string, Uri?)>();
        var all = new StringBuilder();
        foreach (var paper in papers)
        {
            var key = keys[paper.Slug];
            var pageUrl = PageUrl(site, addresses, paper.Slug);
            var imageUrl = ImageUrl(paper, addresses);
            var bibtex = paper.Bibtex
                ?? (paper.SourceEntry is { } entry ? BibtexWriter.FromEntry(entry) : BibtexWriter.FromPublication(paper, key));
            pages[paper.Slug] = new PublicationPage(
                paper, key, bibtex, Encoding.UTF8.GetBytes(bibtex + "\n"),
                CitationFormats.Highwire(paper, pageUrl), CitationFormats.JsonLd(paper, pageUrl, imageUrl),
                CitationFormats.PlainText(paper.SummaryHtml ?? paper.AbstractHtml));
            csl.Add((paper, key, pageUrl));
            all.Append(bibtex).Append("\n\n");
        }

        return new PublicationIndex(papers)
        {
            Pages = pages.ToFrozenDictionary(StringComparer.Ordinal),
            BibtexFile = Encoding.UTF8.GetBytes(all.ToString().TrimEnd('\n') + (papers.IsEmpty ? "" : "\n")),
            CslJson = CitationFormats.CslJson(csl),
        };
    }

    private static PublicationIndex Translate(ImmutableArray<Publication> papers, SiteSettings site, Addresses.SiteAddresses addresses, PublicationIndex original)
    {
        var pages = new Dictionary<string, PublicationPage>(StringComparer.Ordinal);
        foreach (var paper in papers)
        {
            var source = original.Pages[paper.Slug];
            var pageUrl = PageUrl(site, addresses, paper.Slug);
            pages[paper.Slug] = source with
            {
                Paper = paper,
                CitationTags = CitationFormats.Highwire(source.Paper, pageUrl),
                JsonLd = CitationFormats.JsonLd(paper, pageUrl, ImageUrl(paper, addresses)),
                Description = CitationFormats.PlainText(paper.SummaryHtml ?? paper.AbstractHtml),
            };
        }

        return new PublicationIndex(papers)
        {
            Pages = pages.ToFrozenDictionary(StringComparer.Ordinal),
            BibtexFile = original.BibtexFile,
            CslJson = original.CslJson,
        };
    }

    /// <summary>The absolute address of a paper's page in the language of <paramref name="site"/>, when the public URL is known.</summary>
    private static Uri? PageUrl(SiteSettings site, Addresses.SiteAddresses addresses, string slug) =>
        addresses.PublicBase is null ? null : new Uri(addresses.Absolute(LanguageAddresses.PathIn(site.Language, site, PagePath(slug))));

    /// <summary>The widest variant in the original's family when the image pipeline planned one (no metadata), else the file.</summary>
    private static string? ImageUrl(Publication paper, Addresses.SiteAddresses addresses) =>
        paper.Image is not { } image ? null
            : addresses.PublicBase is null ? addresses.Image(image.PublicSrc) : addresses.AbsoluteImage(image.PublicSrc);

    /// <summary>The papers matching a filter, grouped by year, with what is active and what was not understood.</summary>
    public PublicationListing Query(PublicationFilter filter)
    {
        if (filter.IsEmpty)
        {
            return new PublicationListing(filter, Years, All.Length, []);
        }

        var problems = new List<FilterProblem>();
        IEnumerable<Publication> papers = All;
        if (filter.Year is { } year)
        {
            if (YearFacets.Any(f => string.Equals(f.Value, year.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                papers = papers.Where(p => string.Equals(p.Undated ? "undated" : p.Date.Year.ToString(CultureInfo.InvariantCulture), year.Trim(), StringComparison.OrdinalIgnoreCase));
            }
            else
            {
                problems.Add(new FilterProblem("year", Shorten(year)));
            }
        }

        if (filter.Type is { } typeName)
        {
            if (PublicationTypes.TryParse(typeName, out var type))
            {
                papers = papers.Where(p => p.Type == type);
            }
            else
            {
                problems.Add(new FilterProblem("type", Shorten(typeName)));
            }
        }

        if (filter.Tag is { } tag)
        {
            if (TagFacets.Any(f => string.Equals(f.Value, tag.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                papers = papers.Where(p => p.Tags.Contains(tag.Trim(), StringComparer.OrdinalIgnoreCase));
            }
            else
            {
                problems.Add(new FilterProblem("tag", Shorten(tag)));
            }
        }

        if (filter.Coauthor is { } coauthor)
        {
            var comparer = new NameComparer();
            if (CoauthorFacets.Any(f => comparer.Equals(f.Value, coauthor)))
            {
                papers = papers.Where(p => p.Authors.Any(a => comparer.Equals(a.Name, coauthor)));
            }
            else
            {
                problems.Add(new FilterProblem("coauthor", Shorten(coauthor)));
            }
        }

        var matching = problems.Count > 0 ? [] : papers.ToImmutableArray();
        return new PublicationListing(filter, Group(matching), matching.Length, [.. problems]);
    }

    /// <summary>A visitor's value as the page may repeat it: at most 80 characters.</summary>
    private static string Shorten(string value) => value.Length > 80 ? value[..80] + "…" : value;

    private static ImmutableArray<YearGroup> Group(ImmutableArray<Publication> papers) =>
        [.. papers.GroupBy(p => p.Date.Year).OrderByDescending(g => g.Key == 0 ? int.MinValue : g.Key).Select(g => new YearGroup(g.Key, [.. g]))];

    private static ImmutableArray<Facet> Facets(IEnumerable<string> values, IEqualityComparer<string> comparer) =>
        [.. values.GroupBy(v => v, comparer)
            .Select(g => new Facet(g.First(), g.First(), g.Count()))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Label, StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// Each paper's citation key: the owner's where given, else generated; later papers with the
    /// same generated key get b, c, ... so every key is unique and stable while the list is.
    /// </summary>
    private static Dictionary<string, string> Keys(ImmutableArray<Publication> papers)
    {
        var taken = new HashSet<string>(papers.Select(p => p.BibtexKey).OfType<string>(), StringComparer.OrdinalIgnoreCase);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        // Oldest first, then by slug: a new paper never renames the keys of older ones.
        foreach (var paper in papers.OrderBy(p => p.Date).ThenBy(p => p.Slug, StringComparer.Ordinal))
        {
            if (paper.BibtexKey is { } own)
            {
                keys[paper.Slug] = own;
                continue;
            }

            var key = BibtexWriter.BaseKey(paper);
            for (var suffix = 'b'; taken.Contains(key); suffix++)
            {
                key = BibtexWriter.BaseKey(paper) + suffix;
            }

            taken.Add(key);
            keys[paper.Slug] = key;
        }

        return keys;
    }

    /// <summary>Names match whatever the case, spacing or accents.</summary>
    private sealed class NameComparer : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) =>
            x is not null && y is not null && Text.MatchKey.Name(x) == Text.MatchKey.Name(y);

        public int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(Text.MatchKey.Name(obj));
    }
}

/// <summary>What the visitor asked for in the query string; each part optional.</summary>
public sealed record PublicationFilter(string? Year, string? Type, string? Tag, string? Coauthor)
{
    /// <summary>The query-string names, in the order links are written.</summary>
    public static readonly ImmutableArray<string> Names = ["year", "type", "tag", "coauthor"];

    public bool IsEmpty => Year is null && Type is null && Tag is null && Coauthor is null;

    /// <summary>A filter from query values; blank ones count as absent.</summary>
    public static PublicationFilter From(string? year, string? type, string? tag, string? coauthor) =>
        new(Blank(year), Blank(type), Blank(tag), Blank(coauthor));

    public string? this[string name] => name switch
    {
        "year" => Year,
        "type" => Type,
        "tag" => Tag,
        "coauthor" => Coauthor,
        _ => null,
    };

    /// <summary>This filter with one part set (or cleared, with null), as a list URL.</summary>
    public string UrlWith(string name, string? value)
    {
        var parts = Names
            .Select(n => (Name: n, Value: n == name ? value : this[n]))
            .Where(p => p.Value is not null)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}")
            .ToArray();
        return parts.Length == 0 ? PublicationIndex.ListPath : $"{PublicationIndex.ListPath}?{string.Join('&', parts)}";
    }

    /// <summary>True when <paramref name="name"/> is set to <paramref name="value"/> (for marking the current facet).</summary>
    public bool IsActive(string name, string value) => string.Equals(this[name], value, StringComparison.OrdinalIgnoreCase);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The list page's content for one filter.</summary>
/// <param name="Filter">What was asked for.</param>
/// <param name="Groups">The matching papers by year, newest first.</param>
/// <param name="Count">How many papers match.</param>
/// <param name="Problems">Filter values that match nothing on the site; the list is then empty.</param>
public sealed record PublicationListing(PublicationFilter Filter, ImmutableArray<YearGroup> Groups, int Count, ImmutableArray<FilterProblem> Problems);

/// <summary>A filter value that matches nothing on the site; the page says why in its own language.</summary>
/// <param name="Filter">The filter's name: <c>year</c>, <c>type</c>, <c>tag</c> or <c>coauthor</c>.</param>
/// <param name="Value">What the visitor asked for, cut to 80 characters.</param>
public sealed record FilterProblem(string Filter, string Value);
