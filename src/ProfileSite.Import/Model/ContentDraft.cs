using System.Collections.Immutable;

namespace ProfileSite.Import.Model;

/// <summary>
/// The content files an import writes, as data: the source form of the content contract
/// (README "The content contract"), not the rendered <see cref="SiteContent"/>. Texts are Markdown,
/// dates are <see cref="PartialDate"/>/<see cref="DateRange"/>, paths are relative to the web root.
/// A reader per source format fills it; <see cref="Writing.ContentWriter"/> writes it.
/// </summary>
public sealed record ContentDraft
{
    public required SiteDraft Site { get; init; }

    public required ProfileDraft Profile { get; init; }

    /// <summary>The About text, or null when the source has none.</summary>
    public AboutDraft? About { get; init; }

    /// <summary>In page order; the loader sorts newest first and keeps this order within a date.</summary>
    public ImmutableArray<NewsDraft> News { get; init; } = [];

    public ImmutableArray<PaperDraft> Publications { get; init; } = [];

    /// <summary>In page order; written as <c>sections/NN-id.yaml</c> so file-name order is page order.</summary>
    public ImmutableArray<SectionDraft> Sections { get; init; } = [];

    /// <summary>Files to copy from the source into the web root (images, PDFs the page links to).</summary>
    public ImmutableArray<FileCopy> Files { get; init; } = [];
}

/// <summary><c>site.yaml</c>: only what the source states; null or empty means "leave the default".</summary>
public sealed record SiteDraft
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Absolute http(s) address of the site, when the source names one.</summary>
    public string? Url { get; init; }

    /// <summary>A BCP 47 tag such as <c>en</c> or <c>zh-CN</c>.</summary>
    public string? Language { get; init; }

    /// <summary>Section ids in page order: <c>about-me</c>, <c>news</c>, <c>publications</c> and section ids.</summary>
    public ImmutableArray<string> SectionOrder { get; init; } = [];

    /// <summary>A GA4 measurement id (<c>G-...</c>) from the source's settings.</summary>
    public string? GoogleAnalyticsId { get; init; }

    /// <summary>Search-console tokens by engine (<c>google</c>, <c>bing</c>, <c>baidu</c>).</summary>
    public ImmutableSortedDictionary<string, string> Verification { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>An https URL of a <c>gs_data.json</c> the source's own crawler publishes.</summary>
    public string? GsDataUrl { get; init; }
}

/// <summary><c>profile.yaml</c>; <see cref="Links"/> maps a kind of <see cref="ProfileLinkKinds"/> to an id or URL.</summary>
public sealed record ProfileDraft
{
    public required string Name { get; init; }

    public ImmutableArray<string> Aliases { get; init; } = [];

    public string? Avatar { get; init; }

    /// <summary>Markdown, one line.</summary>
    public string? Bio { get; init; }

    public string? Location { get; init; }

    public string? Employer { get; init; }

    public string? Email { get; init; }

    /// <summary>Kind to id or URL, in the order of <see cref="ProfileLinkKinds.All"/> when written.</summary>
    public ImmutableSortedDictionary<string, string> Links { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}

/// <summary><c>about.md</c>: an optional title (front matter) and a Markdown body.</summary>
public sealed record AboutDraft(string? Title, string Markdown);

/// <summary>One <c>news.yaml</c> item; <paramref name="Text"/> is one line of Markdown.</summary>
public sealed record NewsDraft(PartialDate Date, string Text);

/// <summary>One <c>sections/*.yaml</c> file.</summary>
/// <param name="Id">The id in <c>section_order</c>: lower-case letters, digits and dashes.</param>
/// <param name="Title">The heading, in the page's language.</param>
/// <param name="Icon">An emoji, or null.</param>
/// <param name="Items">In page order.</param>
public sealed record SectionDraft(string Id, string Title, string? Icon, ImmutableArray<ItemDraft> Items);

/// <summary>A section item: an optional date or range, and one line of Markdown.</summary>
public sealed record ItemDraft(DateRange? Date, string Text);

/// <summary>A file copied from <paramref name="SourcePath"/> (absolute) to <paramref name="WebPath"/> under the web root.</summary>
public sealed record FileCopy(string SourcePath, string WebPath);

/// <summary>
/// One <c>publications/*.md</c> file. Authors are written in ProfileSite form: a trailing
/// <c>*</c> is equal contribution, <c>†</c> corresponding.
/// </summary>
public sealed record PaperDraft
{
    /// <summary>The file name without <c>.md</c>.</summary>
    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required ImmutableArray<string> Authors { get; init; }

    public string? Venue { get; init; }

    public string? Badge { get; init; }

    public required int Year { get; init; }

    /// <summary>Why <see cref="Year"/> is a guess, written as a comment beside it; null when the source states it.</summary>
    public string? YearGuess { get; init; }

    public string? Url { get; init; }

    /// <summary>Path under the web root.</summary>
    public string? Image { get; init; }

    /// <summary>Markdown.</summary>
    public string? Summary { get; init; }

    public bool Selected { get; init; }

    /// <summary>Kind (<see cref="PaperLinkKinds"/>) to URL or id.</summary>
    public ImmutableSortedDictionary<string, string> Links { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public string? ScholarId { get; init; }

    /// <summary>A <see cref="PublicationType"/> name such as <c>preprint</c>, or null for the default.</summary>
    public string? Type { get; init; }

    /// <summary>Markdown body (the abstract, or links the front matter cannot hold).</summary>
    public string? Body { get; init; }
}
