using System.Collections.Frozen;

namespace ProfileSite.Content;

/// <summary>
/// A kind of link the owner may write either as a full URL or, where a template exists, as a
/// bare id (<c>google_scholar: 0Q6lKJ8AAAAJ</c>).
/// </summary>
public sealed record LinkKind(string Label, string Icon, string? Template, string IdDescription = "an id")
{
    /// <summary>Turns an id into a URL where a template cannot (a DOI's suffix may hold any printable character); null when the id is invalid.</summary>
    public Func<string, string?>? IdToUrl { get; init; }

    /// <summary>The absolute URL for what the owner wrote, or null when it is neither a URL nor a valid id.</summary>
    public string? ToUrl(string written)
    {
        if (IdToUrl is not null)
        {
            return IdToUrl(written);
        }

        if (IsAbsoluteHttpUrl(written))
        {
            return written;
        }

        if (Template is null || written.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '"' or '\'' or '?' or '#'))
        {
            return null;
        }

        return Template.Replace("{id}", Uri.EscapeDataString(written).Replace("%2F", "/", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    public static bool IsAbsoluteHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);
}

/// <summary>The profile links the sidebar knows how to show, with their icons.</summary>
public static class ProfileLinkKinds
{
    public static FrozenDictionary<string, LinkKind> All { get; } = new Dictionary<string, LinkKind>
    {
        ["google_scholar"] = new("Google Scholar", "scholar", "https://scholar.google.com/citations?user={id}"),
        ["github"] = new("GitHub", "github", "https://github.com/{id}"),
        ["orcid"] = new("ORCID", "orcid", "https://orcid.org/{id}"),
        ["dblp"] = new("DBLP", "dblp", "https://dblp.org/pid/{id}"),
        ["semantic_scholar"] = new("Semantic Scholar", "semantic-scholar", "https://www.semanticscholar.org/author/{id}"),
        ["openreview"] = new("OpenReview", "openreview", "https://openreview.net/profile?id={id}"),
        ["researchgate"] = new("ResearchGate", "researchgate", "https://www.researchgate.net/profile/{id}"),
        ["linkedin"] = new("LinkedIn", "linkedin", "https://www.linkedin.com/in/{id}"),
        ["x"] = new("X", "x", "https://x.com/{id}"),
        ["bluesky"] = new("Bluesky", "bluesky", "https://bsky.app/profile/{id}"),
        ["mastodon"] = new("Mastodon", "mastodon", null),
        ["website"] = new("Website", "link", null),
        ["cv"] = new("CV", "cv", null),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}

/// <summary>The links a paper can carry, in the order buttons are labelled.</summary>
public static class PaperLinkKinds
{
    public static FrozenDictionary<string, LinkKind> All { get; } = new Dictionary<string, LinkKind>
    {
        ["pdf"] = new("PDF", "pdf", null),
        ["arxiv"] = new("arXiv", "arxiv", "https://arxiv.org/abs/{id}", "an arXiv id like 2401.08309"),
        ["doi"] = new("DOI", "doi", "https://doi.org/{id}", "a DOI like 10.1109/TPAMI.2024.3357172")
        {
            IdToUrl = written => Doi.Parse(written) is { } doi ? Doi.ToUrl(doi) : LinkKind.IsAbsoluteHttpUrl(written) ? written : null,
        },
        ["pubmed"] = new("PubMed", "link", "https://pubmed.ncbi.nlm.nih.gov/{id}/", "a PubMed id like 31452104"),
        ["hdl"] = new("Handle", "link", "https://hdl.handle.net/{id}", "a Handle like 1721.1/12345"),
        ["code"] = new("Code", "code", null),
        ["slides"] = new("Slides", "slides", null),
        ["video"] = new("Video", "video", null),
        ["poster"] = new("Poster", "poster", null),
        ["project"] = new("Project", "link", null),
        ["openreview"] = new("OpenReview", "openreview", null),
        ["blog"] = new("Blog", "link", null),
        ["data"] = new("Data", "data", null),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
