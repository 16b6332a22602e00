using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProfileSite.Pages.Publications;

/// <summary>Every paper by year, filtered by the query string (<c>?year=2024&amp;tag=dropout</c>).</summary>
public sealed class IndexModel(SiteContent content) : PageModel, IPageMeta
{
    public PublicationIndex Index { get; } = content.PublicationIndex;

    public PublicationListing Listing { get; private set; } = null!;

    public string Title => $"Publications - {content.Site.Title}";

    public string? Description => $"Publications of {content.Profile.Name}, by year.";

    /// <summary>Filtered or not, the list has one address.</summary>
    public string? CanonicalPath => PublicationIndex.ListPath;

    public void OnGet(string? year, string? type, string? tag, string? coauthor) =>
        Listing = Index.Query(PublicationFilter.From(year, type, tag, coauthor));
}
