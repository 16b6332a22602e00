using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProfileSite.Pages.Publications;

/// <summary>One paper: everything about it, its BibTeX, and the citation tags search engines read.</summary>
public sealed class DetailModel(SiteContent content) : PageModel, IPageMeta
{
    public PublicationPage Paper { get; private set; } = null!;

    public string Title => $"{Paper.Paper.Title} - {content.Site.Title}";

    public string? Description => Paper.Description;

    /// <summary>Link previews show the paper's figure, not the avatar.</summary>
    public WebImage? Image => Paper.Paper.Image;

    public string OpenGraphType => "article";

    public string? CanonicalPath => Paper.Path;

    /// <summary>The paper's citation count, when a source knows it.</summary>
    public int? Citations => content.CitationsOf(Paper.Paper);

    public IActionResult OnGet(string slug)
    {
        if (!content.PublicationIndex.Pages.TryGetValue(slug, out var page))
        {
            return NotFound();
        }

        Paper = page;
        return Page();
    }
}
