using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProfileSite.Pages;

/// <summary>Error pages in the site's look. No exception text, no paths: only what a visitor can act on.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(SiteContent content) : PageModel, IPageMeta
{
    public int Code { get; private set; }

    public string Heading => Code switch
    {
        404 => "Page not found",
        405 => "Method not allowed",
        >= 400 and < 500 => "Bad request",
        _ => "Something went wrong",
    };

    public string Title => $"{Heading} - {content.Site.Title}";

    public string? Description => null;

    public bool Indexable => false;

    public void OnGet(int? code)
    {
        Code = code is >= 400 and < 600 ? code.Value : 500;
        Response.StatusCode = Code;
    }
}
