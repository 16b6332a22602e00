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

    /// <summary>True when some author carries the equal-contribution mark.</summary>
    public bool HasEqualContribution => Authors.Any(a => a.EqualContribution);

    /// <summary>True when some author carries the corresponding-author mark.</summary>
    public bool HasCorresponding => Authors.Any(a => a.Corresponding);
}

/// <summary>An author as written, with the marks split off and the owner recognised.</summary>
public sealed record Author(string Name, bool IsOwner, bool EqualContribution, bool Corresponding);

/// <summary>A labelled link on a paper (PDF, Code, arXiv, ...).</summary>
public sealed record PublicationLink(string Kind, string Label, string Url);
