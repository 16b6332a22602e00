using System.Collections.Immutable;

namespace ProfileSite.Content;

/// <summary>A paper, from one Markdown file under <c>publications/</c>.</summary>
public sealed record Publication
{
    /// <summary>URL-safe identifier, from the file name (<c>2024-tpami-dropout.md</c> gives <c>2024-tpami-dropout</c>).</summary>
    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required ImmutableArray<Author> Authors { get; init; }

    public string? Venue { get; init; }

    /// <summary>Short label on the card's image, e.g. <c>TPAMI</c>.</summary>
    public string? Badge { get; init; }

    public required PartialDate Date { get; init; }

    /// <summary>Where the title links: the paper's page at the publisher.</summary>
    public string? Url { get; init; }

    public WebImage? Image { get; init; }

    /// <summary>One paragraph shown on the card (rendered Markdown, inline).</summary>
    public string? SummaryHtml { get; init; }

    public bool Selected { get; init; }

    /// <summary>Extra links (pdf, code, arxiv, doi, slides, video, ...) in the order written.</summary>
    public ImmutableArray<PublicationLink> Links { get; init; } = [];

    /// <summary>Google Scholar citation key, <c>USERID:PUBID</c>.</summary>
    public string? ScholarId { get; init; }

    /// <summary>A citation count written by hand (<c>citations: 42</c>), used when the citations
    /// sources include <c>manual</c> and no earlier source knows the paper.</summary>
    public int? ManualCitations { get; init; }

    /// <summary>BibTeX the owner wrote, if any.</summary>
    public string? Bibtex { get; init; }

    /// <summary>The Markdown body (usually the abstract), rendered.</summary>
    public string? AbstractHtml { get; init; }

    /// <summary>The file the paper came from, relative to the content root's parent.</summary>
    public required string SourceFile { get; init; }

    /// <summary>What kind of work this is (journal, conference, preprint, ...); <see cref="PublicationType.Other"/> when not given.</summary>
    public PublicationType Type { get; init; }

    /// <summary>Topics the owner filters by, as written (<c>dropout</c>, <c>language models</c>).</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The citation key the owner chose (front matter <c>bibtex_key</c>, or the key of a <c>.bib</c> entry); null to generate one.</summary>
    public string? BibtexKey { get; init; }

    /// <summary>The bare DOI (<c>10.1109/TPAMI.2024.3357172</c>), from the <c>doi</c> link or field.</summary>
    public string? Doi { get; init; }

    /// <summary>The bare arXiv id (<c>2401.08309</c>), from the <c>arxiv</c> link or a <c>.bib</c> eprint.</summary>
    public string? ArxivId { get; init; }

    /// <summary>True when the author list is cut short ("and others" in BibTeX): shown as "et al.".</summary>
    public bool MoreAuthors { get; init; }

    /// <summary>The <c>.bib</c> entry the paper came from, when it came from one: served as its BibTeX.</summary>
    public Bibtex.BibtexEntry? SourceEntry { get; init; }

    /// <summary>Fields (<c>title</c>, <c>summary</c>, <c>abstract</c>) shown in the default language on a translated page.</summary>
    public Untranslated? Untranslated { get; init; }

    /// <summary>The owner's translations of the title, summary and abstract, by language tag (front matter <c>translations</c>).</summary>
    public ImmutableDictionary<string, PublicationTranslation> Translations { get; init; } = ImmutableDictionary<string, PublicationTranslation>.Empty;
    /// <summary>The title as HTML (emphasis, sub- and superscripts, small caps, MathML) when it came from LaTeX; null means <see cref="Title"/> as text.</summary>
    public string? TitleHtml { get; init; }

    /// <summary>The title for an HTML page: <see cref="TitleHtml"/>, else <see cref="Title"/> encoded.</summary>
    public string DisplayTitleHtml => TitleHtml ?? System.Net.WebUtility.HtmlEncode(Title);

    /// <summary>Editors (<c>editor</c>): shown as "(Ed.)" when the work has no author; CSL <c>editor</c>, never <c>citation_author</c>.</summary>
    public ImmutableArray<Author> Editors { get; init; } = [];

    /// <summary>True when the editor list ends with <c>and others</c>.</summary>
    public bool MoreEditors { get; init; }

    /// <summary>Translators (<c>translator</c>): CSL <c>translator</c>.</summary>
    public ImmutableArray<Author> Translators { get; init; } = [];

    /// <summary>The end of a date range (<c>date = {1984/1986}</c>); null for one date.</summary>
    public PartialDate? EndDate { get; init; }

    /// <summary>A range with no end yet (<c>date = {2019/..}</c>).</summary>
    public bool OpenEndDate { get; init; }

    /// <summary>The date is approximate (<c>2019~</c>): shown "ca.", CSL <c>circa</c>.</summary>
    public bool ApproximateDate { get; init; }

    /// <summary>
    /// Where an undated work stands (<c>in press</c>, <c>forthcoming</c>, <c>submitted</c>): from
    /// biblatex's <c>pubstate</c> or a <c>year</c> that holds such words; shown in place of "n.d.",
    /// CSL <c>status</c>. Null when not known.
    /// </summary>
    public string? Status { get; init; }

    /// <summary>True when no year is known: the paper is listed under "Undated", after every year.</summary>
    public bool Undated => Date.IsUnknown;

    /// <summary>The date as a reader sees it: <c>Sep 2024</c>, <c>1984–1986</c>, <c>ca. 1900</c>, <c>n.d.</c>.</summary>
    public string DateText =>
        Undated ? Status ?? "n.d."
        : (ApproximateDate ? "ca. " : "") + Date.ToLongString()
            + (EndDate is { } end ? "–" + end.ToLongString() : OpenEndDate ? "–" : "");

    /// <summary>The CSL type when the source says more than <see cref="Type"/> (a <c>.bib</c> entry's type: <c>webpage</c>, <c>dataset</c>, ...).</summary>
    public string? CslType { get; init; }

    /// <summary>When a web source was read (<c>urldate</c>): CSL <c>accessed</c>.</summary>
    public PartialDate? Accessed { get; init; }

    /// <summary>The publisher, when the source names one apart from the venue.</summary>
    public string? Publisher { get; init; }

    /// <summary>Where it was published or held (<c>location</c>, <c>address</c>): CSL <c>publisher-place</c>.</summary>
    public string? Place { get; init; }

    /// <summary>The container's title as CSL rich text (<c>container-title</c>), when the source is LaTeX.</summary>
    public string? VenueCsl { get; init; }

    /// <summary>The title as CSL rich text (<c>&lt;i&gt;</c>, <c>&lt;sub&gt;</c>, <c>nocase</c> spans), when the source is LaTeX.</summary>
    public string? TitleCsl { get; init; }

    /// <summary>True when some author carries the equal-contribution mark.</summary>
    public bool HasEqualContribution => Authors.Any(a => a.EqualContribution);

    /// <summary>True when some author carries the corresponding-author mark.</summary>
    public bool HasCorresponding => Authors.Any(a => a.Corresponding);
}

/// <summary>An author as written, with the marks split off and the owner recognised.</summary>
/// <param name="Name">The name as written, without marks.</param>
/// <param name="IsOwner">True for the profile's name or one of its aliases (bolded).</param>
/// <param name="EqualContribution">Marked '*'.</param>
/// <param name="Corresponding">Marked '†'.</param>
/// <param name="Url">The co-author's homepage from <c>coauthors.yaml</c>, if listed there.</param>
public sealed record Author(string Name, bool IsOwner, bool EqualContribution, bool Corresponding, string? Url = null)
{
    /// <summary>The name's BibTeX parts (first, von, last, jr) when it came from a <c>.bib</c> file; null means split <see cref="Name"/>.</summary>
    public Bibtex.PersonName? Parts { get; init; }

    /// <summary>The name's parts: as read from BibTeX, else <see cref="Name"/> split by BibTeX's rules.</summary>
    public Bibtex.PersonName NameParts => Parts ?? Bibtex.BibtexNames.Split(Name);
}

/// <summary>A labelled link on a paper (PDF, Code, arXiv, ...).</summary>
public sealed record PublicationLink(string Kind, string Label, string Url);

/// <summary>A paper's text in another language, from its front matter's <c>translations</c>; each field optional.</summary>
/// <param name="Title">The title.</param>
/// <param name="SummaryHtml">The summary, rendered inline.</param>
/// <param name="AbstractHtml">The abstract (<c>body</c>), rendered.</param>
public sealed record PublicationTranslation(string? Title, string? SummaryHtml, string? AbstractHtml);
