using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ProfileSite.Content.Text;

namespace ProfileSite.Pages.Publications;

/// <summary>Every paper by year, filtered by the query string (<c>?year=2024&amp;tag=dropout</c>).</summary>
public sealed class IndexModel(SiteContent content, IStringLocalizer<SiteText> text) : PageModel, IPageMeta
{
    public PublicationIndex Index { get; } = content.PublicationIndex;

    public PublicationListing Listing { get; private set; } = null!;

    public string Title => text["Pubs.Title", content.Site.Title];

    public string? Description => text["Pubs.Description", content.Profile.Name];

    /// <summary>Filtered or not, the list has one address.</summary>
    public string? CanonicalPath => PublicationIndex.ListPath;

    public void OnGet(string? year, string? type, string? tag, string? coauthor) =>
        Listing = Index.Query(PublicationFilter.From(year, type, tag, coauthor));
}
