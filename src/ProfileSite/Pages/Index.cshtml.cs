using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProfileSite.Pages;

/// <summary>The About page: sidebar profile, about text, news, publications, dated sections.</summary>
public sealed class IndexModel(SiteContent content) : PageModel, IPageMeta
{
    public SiteContent Snapshot { get; } = content;

    public string Title => Snapshot.Site.Title;

    public string? Description => Snapshot.Site.Description;

    public string? CanonicalPath => "/";

    public string OpenGraphType => "profile";
}
