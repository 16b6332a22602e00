using System.Collections.Immutable;

namespace ProfileSite.Content.Schema;

/// <summary>What kind of value a key takes, as the loader reads it and the JSON Schema describes it.</summary>
public enum FieldType
{
    /// <summary>Any YAML scalar, read as text.</summary>
    Text,

    /// <summary>Text rendered as Markdown.</summary>
    Markdown,

    /// <summary>An absolute http(s) URL.</summary>
    Url,

    Email,

    /// <summary><see cref="PartialDate"/>: YYYY, YYYY-MM, YYYY-MM-DD or 2024.09.</summary>
    Date,

    /// <summary><see cref="DateRange"/>: a date or '2021.09 - now'.</summary>
    DateRange,

    /// <summary>A four-digit year.</summary>
    Year,

    /// <summary>true/false (yes/no/on/off too).</summary>
    Bool,

    /// <summary>A whole number, zero or more.</summary>
    Count,

    /// <summary>A list of texts, or one text standing for a list of one.</summary>
    TextList,

    /// <summary>A path under the web root.</summary>
    ImagePath,

    /// <summary>One of <see cref="Field.Choices"/>.</summary>
    Choice,

    /// <summary>A list of <see cref="Field.Choices"/>, or one of them.</summary>
    ChoiceList,

    /// <summary>A hex colour, or a mapping (<see cref="Field.Shape"/>) of colours.</summary>
    Color,

    /// <summary>A BCP 47 language tag.</summary>
    LanguageTag,

    /// <summary>A mapping described by <see cref="Field.Shape"/>.</summary>
    Mapping,

    /// <summary>A list of mappings described by <see cref="Field.Shape"/>.</summary>
    MappingList,

    /// <summary>A mapping of the link kinds in <see cref="Field.Choices"/> to a URL or an id.</summary>
    Links,

    /// <summary>Text, or a mapping described by <see cref="Field.Shape"/>.</summary>
    TextOrMapping,

    /// <summary>A URL, or a mapping described by <see cref="Field.Shape"/>.</summary>
    UrlOrMapping,
}

/// <summary>One key of a content file: its name, its type, whether it is required, and what it means.</summary>
public sealed record Field(string Key, FieldType Type, string Description)
{
    public bool Required { get; init; }

    /// <summary>The values a <see cref="FieldType.Choice"/> takes, or the link kinds of <see cref="FieldType.Links"/>.</summary>
    public ImmutableArray<string> Choices { get; init; } = [];

    /// <summary>For <see cref="FieldType.Choice"/>: compared without case, with '_' read as a space (as the loader does).</summary>
    public bool LooseChoices { get; init; }

    /// <summary>For <see cref="FieldType.Links"/>: the kinds, and which take an id as well as a URL.</summary>
    public IReadOnlyDictionary<string, LinkKind>? LinkKinds { get; init; }

    /// <summary>The nested mapping of a mapping-valued field.</summary>
    public Shape? Shape { get; init; }

    /// <summary>A regular expression (ECMA 262) a text must match, when the loader checks one.</summary>
    public string? Pattern { get; init; }
}

/// <summary>A YAML mapping: its keys (no others are accepted) and which must be given.</summary>
/// <param name="Title">A short name for editors' hover text.</param>
/// <param name="Fields">Every key the mapping accepts, in the documented order.</param>
public sealed record Shape(string Title, ImmutableArray<Field> Fields)
{
    /// <summary>
    /// Alternative sets of required keys, any one of which must be present (a paper needs
    /// 'title', 'authors' and 'year' or 'date', unless it names a .bib entry with 'bibtex_key').
    /// Empty when the fields' own <see cref="Field.Required"/> flags say all.
    /// </summary>
    public ImmutableArray<ImmutableArray<string>> RequiredAlternatives { get; init; } = [];

    /// <summary>The accepted keys, for unknown-key checks and "did you mean" suggestions.</summary>
    public ImmutableArray<string> Keys => [.. Fields.Select(f => f.Key)];

    public Field this[string key] => Fields.First(f => f.Key == key);
}

/// <summary>
/// The one description of every content file's keys: the loader takes its unknown-key checks
/// from it and the JSON Schemas in <c>schemas/</c> are generated from it
/// (<see cref="JsonSchemaWriter"/>), so the two cannot drift apart.
/// </summary>
public static class ContentModel
{
    private static Field F(string key, FieldType type, string description, bool required = false) =>
        new(key, type, description) { Required = required };

    public static Shape Profile { get; } = new("profile.yaml: the owner",
    [
        F("name", FieldType.Text, "Your name, shown in the sidebar and bolded in author lists.", required: true),
        F("aliases", FieldType.TextList, "Other spellings of your name to bold in author lists, e.g. [Zhang Zhongwang]."),
        F("avatar", FieldType.ImagePath, "Your photo: a path under wwwroot/, e.g. images/avatar.jpg."),
        F("bio", FieldType.Markdown, "One line under your name (Markdown)."),
        F("location", FieldType.Text, "Where you are, e.g. Shanghai, China."),
        F("employer", FieldType.Text, "Your institution."),
        F("employer_url", FieldType.Url, "Your institution's homepage (absolute http(s) URL)."),
        F("email", FieldType.Email, "Shown as a mailto: link."),
        new("links", FieldType.Links, "Profile links: each a full https:// URL or, where the site is known, just the id.") { LinkKinds = ProfileLinkKinds.All },
    ]);

    private static readonly Shape Verification = new("Search-console verification tokens",
    [
        .. new[] { "google", "bing", "baidu", "yandex" }.Select(k =>
            new Field(k, FieldType.Text, $"The token {k}'s search console gives (the content of its meta tag).") { Pattern = "^[A-Za-z0-9_.=+/-]{1,200}$" }),
    ]);

    private static readonly Shape ThemeColors = new("Browser UI colours",
    [
        new("light", FieldType.Color, "Hex colour in light mode, e.g. '#ffffff'."),
        new("dark", FieldType.Color, "Hex colour in dark mode, e.g. '#14171b'."),
    ]);

    private static readonly Shape Analytics = new("One opt-in analytics provider",
    [
        new("provider", FieldType.Choice, "plausible, umami, ga4, or none.") { Required = true, Choices = ["plausible", "umami", "ga4", "none"] },
        F("domain", FieldType.Text, "plausible: the site's domain as registered (default: the host of 'url')."),
        F("host", FieldType.Url, "plausible or umami: a self-hosted instance, https:// without query."),
        F("website_id", FieldType.Text, "umami: the website's UUID."),
        new("measurement_id", FieldType.Text, "ga4: the measurement id, like G-ABC123DEF4.") { Pattern = "^G-[A-Z0-9]{4,20}$" },
    ]);

    private static readonly Shape OpenAlex = new("OpenAlex author",
    [
        F("author", FieldType.Text, "Your OpenAlex author id, like A5023888391.", required: true),
        F("mailto", FieldType.Email, "Your address, for OpenAlex's polite pool."),
    ]);

    private static readonly Shape Citations = new("Where citation counts come from",
    [
        new("sources", FieldType.ChoiceList, "The sources in priority order.") { Choices = ["gs_data", "openalex", "manual"] },
        F("gs_data", FieldType.Text, "AcadHomepage's gs_data.json: a path under content/ or an https URL."),
        new("openalex", FieldType.TextOrMapping, "OpenAlex: your author id, or { author, mailto }.") { Shape = OpenAlex },
    ]);

    public static Shape Site { get; } = new("site.yaml: site-wide settings",
    [
        F("title", FieldType.Text, "The browser tab title (default: '<name> - Homepage')."),
        F("description", FieldType.Text, "Meta description: one or two sentences."),
        F("url", FieldType.Url, "The site's public address, e.g. https://you.example.org/."),
        new("language", FieldType.LanguageTag, "Language tag for <html lang>: en, zh-CN, ...") { Pattern = "^[A-Za-z0-9-]{2,35}$" },
        F("section_order", FieldType.TextList, "Section ids in the order you want: about-me, news, publications and each section file's id."),
        F("footer", FieldType.Markdown, "An extra footer line (Markdown)."),
        new("citations", FieldType.Mapping, "Where citation counts come from.") { Shape = Citations },
        new("verification", FieldType.Mapping, "Search-console tokens: google, bing, baidu, yandex.") { Shape = Verification },
        new("robots", FieldType.Choice, "allow, or disallow to ask search engines to stay away.") { Choices = ["allow", "disallow"] },
        F("icon", FieldType.ImagePath, "Favicon and app icon: an image under wwwroot/ (.png, .svg, .ico, .webp, .jpg, .gif)."),
        new("theme_color", FieldType.Color, "Browser UI colour: one hex colour, or { light, dark }.") { Shape = ThemeColors },
        new("analytics", FieldType.Mapping, "One opt-in analytics provider (off by default).") { Shape = Analytics },
    ]);

    public static Shape About { get; } = new("about.md front matter", [F("title", FieldType.Text, "The section title (default: About Me).")]);

    public static Shape NewsItem { get; } = new("A news item",
    [
        F("date", FieldType.Date, "YYYY, YYYY-MM, YYYY-MM-DD or 2024.09.", required: true),
        F("text", FieldType.Markdown, "One line of Markdown; emoji shortcodes like :tada: work.", required: true),
    ]);

    public static Shape SectionItem { get; } = new("An item of a dated section",
    [
        F("date", FieldType.DateRange, "A date, or a range like '2021.09 - now'; leave it out for an undated item (teaching, reviewing)."),
        F("text", FieldType.Markdown, "One line of Markdown.", required: true),
    ]);

    public static Shape Section { get; } = new("sections/*.yaml: a dated section",
    [
        F("title", FieldType.Text, "The section's heading, e.g. Educations.", required: true),
        F("icon", FieldType.Text, "An emoji shown before the title."),
        new("items", FieldType.MappingList, "The entries, each { date, text }.") { Required = true, Shape = SectionItem },
    ]);

    public static Shape Publication { get; } = new("publications/*.md front matter: a paper",
    [
        F("title", FieldType.Text, "The paper's title."),
        F("authors", FieldType.TextList, "Author names as plain text; '*' after a name marks equal contribution, '†' the corresponding author."),
        F("venue", FieldType.Text, "Journal or conference."),
        F("badge", FieldType.Text, "Short label on the card's image, e.g. TPAMI."),
        F("date", FieldType.Date, "YYYY, YYYY-MM or YYYY-MM-DD (or give 'year')."),
        F("year", FieldType.Year, "A four-digit year (or give 'date')."),
        F("url", FieldType.Url, "Where the title links: the paper at the publisher."),
        F("image", FieldType.ImagePath, "The card's image: a path under wwwroot/."),
        F("summary", FieldType.Markdown, "One paragraph shown on the card (Markdown)."),
        F("selected", FieldType.Bool, "true to show the paper on the About page."),
        new("links", FieldType.Links, "Extra links: each a full URL, or an id for arxiv and doi.") { LinkKinds = PaperLinkKinds.All },
        F("scholar_id", FieldType.Text, "Google Scholar's USERID:PUBID, for citation counts."),
        F("bibtex", FieldType.Text, "Your own BibTeX entry, served as is."),
        new("type", FieldType.Choice, "journal, conference, workshop, preprint, thesis, book, chapter, report or other.")
        {
            Choices = [.. PublicationTypes.Names], LooseChoices = true,
        },
        F("tags", FieldType.TextList, "Topics, shown on the paper and filterable."),
        F("citations", FieldType.Count, "A hand-written citation count."),
        F("bibtex_key", FieldType.Text, "The citation key; when a .bib entry has it, this file extends that entry."),
    ])
    {
        RequiredAlternatives = [["bibtex_key"], ["title", "authors", "year"], ["title", "authors", "date"]],
    };

    public static Shape Coauthor { get; } = new("A co-author's homepage",
    [
        F("url", FieldType.Url, "The co-author's homepage.", required: true),
        F("aliases", FieldType.TextList, "Other spellings of the name."),
    ]);

    /// <summary>Every content file kind with a schema: file name under <c>schemas/</c>, title, and how its top level is built.</summary>
    public static ImmutableArray<SchemaFile> Files { get; } =
    [
        new("site.schema.json", "ProfileSite site.yaml", Site, SchemaRoot.Mapping),
        new("profile.schema.json", "ProfileSite profile.yaml", Profile, SchemaRoot.Mapping),
        new("news.schema.json", "ProfileSite news.yaml", NewsItem, SchemaRoot.ListOf),
        new("section.schema.json", "ProfileSite sections/*.yaml", Section, SchemaRoot.Mapping),
        new("publication.schema.json", "ProfileSite publications/*.md front matter", Publication, SchemaRoot.Mapping),
        new("about.schema.json", "ProfileSite about.md front matter", About, SchemaRoot.Mapping),
        new("coauthors.schema.json", "ProfileSite coauthors.yaml", Coauthor, SchemaRoot.NamesTo),
    ];
}

/// <summary>How a file's top level holds its <see cref="Shape"/>.</summary>
public enum SchemaRoot
{
    /// <summary>The file is one such mapping.</summary>
    Mapping,

    /// <summary>The file is a list of such mappings (news.yaml).</summary>
    ListOf,

    /// <summary>The file maps names to a URL or such a mapping (coauthors.yaml).</summary>
    NamesTo,
}

/// <summary>One generated schema file.</summary>
public sealed record SchemaFile(string FileName, string Title, Shape Shape, SchemaRoot Root);
