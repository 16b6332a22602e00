using System.Collections.Immutable;

namespace ProfileSite.Content.Citations;

/// <summary>Where citation counts come from.</summary>
public enum CitationSourceKind
{
    /// <summary>A <c>gs_data.json</c> written by the AcadHomepage Google Scholar crawler: a file under content/ or an https URL.</summary>
    GsData,

    /// <summary>OpenAlex, by author id.</summary>
    OpenAlex,

    /// <summary><c>citations: N</c> written in a paper's front matter.</summary>
    Manual,
}

/// <summary>One configured source. For <see cref="CitationSourceKind.GsData"/> exactly one of
/// <see cref="FilePath"/> (absolute path of a file under content/) and <see cref="Url"/> is set.</summary>
public sealed record CitationSource(CitationSourceKind Kind, string? FilePath = null, Uri? Url = null, string? OpenAlexAuthor = null, string? Mailto = null)
{
    /// <summary>True when the data must be fetched over the network (by the background refresher).</summary>
    public bool IsRemote => Kind == CitationSourceKind.OpenAlex || Url is not null;

    /// <summary>A stable name for logs, health output and the cache file.</summary>
    public string Key => Kind switch
    {
        CitationSourceKind.GsData when Url is not null => $"gs_data:{Url}",
        CitationSourceKind.GsData => "gs_data:file",
        CitationSourceKind.OpenAlex => $"openalex:{OpenAlexAuthor}",
        _ => "manual",
    };

    public string DisplayName => Kind switch
    {
        CitationSourceKind.GsData => "Google Scholar",
        CitationSourceKind.OpenAlex => "OpenAlex",
        _ => "the papers' front matter",
    };
}

/// <summary>The <c>citations:</c> block of site.yaml: the sources, in the order they win per paper.</summary>
public sealed record CitationSettings(ImmutableArray<CitationSource> Sources)
{
    public static CitationSettings None { get; } = new([]);
}
