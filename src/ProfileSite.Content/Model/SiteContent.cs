using System.Collections.Frozen;
using System.Collections.Immutable;
using ProfileSite.Content.Citations;

namespace ProfileSite.Content;

/// <summary>
/// Everything the site shows, loaded and validated once. Immutable: a reload builds a new one
/// and swaps it in whole, so a request sees one version from start to end.
/// </summary>
public sealed record SiteContent
{
    /// <summary>A short hash of every input file: changes exactly when the content does.</summary>
    public required string Version { get; init; }

    public required DateTimeOffset LoadedAt { get; init; }

    public required SiteSettings Site { get; init; }

    public required Profile Profile { get; init; }

    public required AboutText About { get; init; }

    public required ImmutableArray<NewsItem> News { get; init; }

    /// <summary>Every paper, newest first (ties keep file-name order).</summary>
    public required ImmutableArray<Publication> Publications { get; init; }

    /// <summary>The dated sections (honors, educations, ...) in file-name order.</summary>
    public required ImmutableArray<DatedSection> Sections { get; init; }

    /// <summary>Warnings found while loading; errors never reach a snapshot.</summary>
    public required ImmutableArray<ContentError> Warnings { get; init; }

    /// <summary>Papers by slug, for detail pages.</summary>
    public required FrozenDictionary<string, Publication> PublicationsBySlug { get; init; }

    /// <summary>The papers the About page shows: those marked selected, or all when none is.</summary>
    public ImmutableArray<Publication> SelectedPublications { get; init; }

    /// <summary>The publications as the list page, detail pages and citation files need them, built once.</summary>
    public PublicationIndex PublicationIndex { get; init; } = PublicationIndex.Empty;

    /// <summary>The sections of the About page in display order, for the top bar.</summary>
    public required ImmutableArray<PageSection> Navigation { get; init; }

    /// <summary>When each input file last changed, for sitemap <c>lastmod</c>.</summary>
    public ContentTimes Times { get; init; } = ContentTimes.Empty;

    /// <summary>Citation data read from files under content/ (a local gs_data.json), by source key.</summary>
    public FrozenDictionary<string, CitationData> LocalCitations { get; init; } = FrozenDictionary<string, CitationData>.Empty;

    /// <summary>The author's citation totals, when a source provides them (see <see cref="CitationApplier"/>).</summary>
    public CitationSummary? Citations { get; init; }

    /// <summary>Citations per paper slug, only for papers some source knows.</summary>
    public FrozenDictionary<string, int> CitationCounts { get; init; } = FrozenDictionary<string, int>.Empty;

    /// <summary>Every address the site emits is built here: base path, public URL, fingerprinted web root files.</summary>
    public Addresses.SiteAddresses Addresses { get; init; } = Content.Addresses.SiteAddresses.Root;

    /// <summary>Every image variant the pages name (see <see cref="Images.ImagePlanner"/>), made off the request path.</summary>
    public ImageCatalog Images { get; init; } = ImageCatalog.Empty;

    /// <summary>The citation count of a paper, or null when no source knows it.</summary>
    public int? CitationsOf(Publication paper) => CitationCounts.TryGetValue(paper.Slug, out var count) ? count : null;

    /// <summary>
    /// The site in each further language of <see cref="SiteSettings.Languages"/>, by tag: the same
    /// pages, with the owner's translations where given and the default language's text (marked
    /// with its <c>lang</c>) where not. Empty on a site of one language, and on the translations themselves.
    /// </summary>
    public FrozenDictionary<string, SiteContent> Translations { get; init; } = FrozenDictionary<string, SiteContent>.Empty;

    /// <summary>This site in <paramref name="language"/>: a translation, or this snapshot for its own (or an unknown) language.</summary>
    public SiteContent In(string language) => Translations.GetValueOrDefault(language) ?? this;
}

/// <summary>
/// Which of an item's fields are shown in another language than the page's, because the owner did
/// not translate them: views mark them with <c>lang</c> so browsers, screen readers and search
/// engines read them right.
/// </summary>
/// <param name="Lang">The language the fields are in (the site's default language).</param>
/// <param name="Fields">The field names (<c>title</c>, <c>summary</c>, <c>bio</c>, ...).</param>
public sealed record Untranslated(string Lang, ImmutableHashSet<string> Fields)
{
    /// <summary>The language to mark <paramref name="field"/> with, or null when it is in the page's language.</summary>
    public static string? LangOf(Untranslated? untranslated, string field) =>
        untranslated is not null && untranslated.Fields.Contains(field) ? untranslated.Lang : null;
}

/// <summary>A section of the About page: its anchor id and the title the top bar shows.</summary>
public sealed record PageSection(string Id, string Title, string? Icon)
{
    /// <summary>The title's language when it is not the page's (an untranslated section); else null.</summary>
    public string? Lang { get; init; }
}

/// <summary>Site-wide settings the owner decides, from <c>site.yaml</c>.</summary>
public sealed record SiteSettings
{
    /// <summary>The page title; defaults to "{name} - Homepage".</summary>
    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Absolute base URL of the published site, e.g. <c>https://zhongwang.example.org/</c>.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>BCP 47 language tag for <c>&lt;html lang&gt;</c>: the language of these pages.</summary>
    public string Language { get; init; } = "en";

    /// <summary>
    /// Every language the site is published in, the default (served at <c>/</c>) first; the others
    /// are served under <c>/{tag}/</c>. One entry, <see cref="Language"/>, on a site of one language.
    /// </summary>
    public ImmutableArray<string> Languages { get; init; } = ["en"];

    /// <summary>The language served at <c>/</c>.</summary>
    public string DefaultLanguage => Languages.IsEmpty ? Language : Languages[0];

    /// <summary>The path these pages live under: empty for the default language, <c>/zh-CN</c> for another.</summary>
    public string PathPrefix => Language == DefaultLanguage ? "" : "/" + Language;

    /// <summary>Section ids in the order the owner wants them; missing ids keep their default order.</summary>
    public ImmutableArray<string> SectionOrder { get; init; } = [];

    /// <summary>Footer text (Markdown, rendered inline).</summary>
    public string? FooterHtml { get; init; }

    /// <summary>Where citation counts come from, in priority order.</summary>
    public CitationSettings Citations { get; init; } = CitationSettings.None;

    /// <summary>The one analytics provider the owner opted into; null (the default) means none.</summary>
    public AnalyticsSettings? Analytics { get; init; }

    /// <summary>Verification tokens, robots, icon and theme colours (see <see cref="SeoSettings"/>).</summary>
    public SeoSettings Seo { get; init; } = SeoSettings.Default;
}

/// <summary>
/// An opt-in analytics provider: the one script the page loads (a file URL, never inline code)
/// and the origins the Content-Security-Policy must allow for it.
/// </summary>
/// <param name="Provider">Provider name, e.g. <c>plausible</c>, <c>umami</c>, <c>ga4</c>.</param>
/// <param name="ScriptSources">Origins for CSP <c>script-src</c>, e.g. <c>https://plausible.io</c>.</param>
/// <param name="ConnectSources">Origins for CSP <c>connect-src</c> (where the script sends events).</param>
public sealed record AnalyticsSettings(string Provider, ImmutableArray<string> ScriptSources, ImmutableArray<string> ConnectSources)
{
    /// <summary>Origins for CSP <c>img-src</c> (GA4's fallback beacon); empty for the other providers.</summary>
    public ImmutableArray<string> ImageSources { get; init; } = [];

    /// <summary>The one script the page loads: an absolute URL, or a web-root path such as <c>/js/ga4.js</c>.</summary>
    public string Script { get; init; } = "";

    /// <summary>The script tag's <c>data-*</c> attributes (name without the prefix, value), in order.</summary>
    public ImmutableArray<KeyValuePair<string, string>> ScriptData { get; init; } = [];
}

/// <summary>The owner, from <c>profile.yaml</c>.</summary>
public sealed record Profile
{
    public required string Name { get; init; }

    /// <summary>Other spellings of the owner's name, bolded in author lists too.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>Avatar image under the web root, if any.</summary>
    public WebImage? Avatar { get; init; }

    /// <summary>One line under the name (Markdown rendered inline).</summary>
    public string? BioHtml { get; init; }

    public string? Location { get; init; }

    public string? Employer { get; init; }

    /// <summary>Employer homepage, linked from the employer line.</summary>
    public string? EmployerUrl { get; init; }

    public string? Email { get; init; }

    /// <summary>Profile links in the order they were written.</summary>
    public ImmutableArray<ProfileLink> Links { get; init; } = [];

    /// <summary>The Google Scholar profile, when there is one (for "full list" links).</summary>
    public ProfileLink? GoogleScholar => Links.FirstOrDefault(l => l.Kind == "google_scholar");

    /// <summary>Fields (<c>name</c>, <c>bio</c>, <c>location</c>, <c>employer</c>) shown in the default language on a translated page.</summary>
    public Untranslated? Untranslated { get; init; }
}

/// <summary>A link in the sidebar: a known kind (google_scholar, github, ...) and its absolute URL.</summary>
public sealed record ProfileLink(string Kind, string Label, string Url, string Icon);

/// <summary>An image under the web root, with its intrinsic size when it could be read.</summary>
/// <param name="Path">Site-relative URL path, without a leading slash (e.g. <c>images/pic1.svg</c>).</param>
/// <param name="Width">Intrinsic width in pixels, when the header could be read.</param>
/// <param name="Height">Intrinsic height in pixels, when the header could be read.</param>
public sealed partial record WebImage(string Path, int? Width, int? Height)
{
    public string Src => "/" + Path;
}

/// <summary>The "About me" text from <c>about.md</c>.</summary>
public sealed record AboutText(string Title, string Html)
{
    /// <summary>The text's language when it is not the page's (an untranslated fallback); else null.</summary>
    public string? Lang { get; init; }

    /// <summary>The title's language when it is not the page's; else null (a title the site gave is in every page's language).</summary>
    public string? TitleLang { get; init; }
}

/// <summary>One news item: a date and a line of Markdown.</summary>
public sealed record NewsItem(PartialDate Date, string Html)
{
    /// <summary>The text's language when it is not the page's (an untranslated fallback); else null.</summary>
    public string? Lang { get; init; }
}

/// <summary>A dated list after Publications (honors, educations, talks, ...).</summary>
public sealed record DatedSection(string Id, string Title, string? Icon, ImmutableArray<DatedItem> Items)
{
    /// <summary>The title's language when it is not the page's (an untranslated fallback); else null.</summary>
    public string? Lang { get; init; }
}

/// <summary>One entry of a dated section.</summary>
public sealed record DatedItem(DateRange? Date, string Html)
{
    /// <summary>The text's language when it is not the page's (an untranslated fallback); else null.</summary>
    public string? Lang { get; init; }
}
