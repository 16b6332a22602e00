using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ProfileSite.Content.Text;

namespace ProfileSite.Pages;

/// <summary>
/// Error pages in the site's look. No exception text, no paths: only what a visitor can act on,
/// and for a 5xx the request id the owner finds in the log line of that request.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(SiteContent content, IStringLocalizer<SiteText> text) : PageModel, IPageMeta
{
    public int Code { get; private set; }

    public string Heading => text[Code switch
    {
        404 => "Error.NotFound",
        405 => "Error.MethodNotAllowed",
        429 => "Error.TooManyRequests",
        >= 400 and < 500 => "Error.BadRequest",
        _ => "Error.Failed",
    }];

    public string Title => $"{Heading} - {content.Site.Title}";

    public string? Description => null;

    public bool Indexable => false;

    public string? CanonicalPath => null;

    /// <summary>Shown on 5xx pages; the same id is in the request's log line.</summary>
    public string? RequestId => Code >= 500 ? HttpContext.TraceIdentifier : null;

    /// <summary>
    /// Runs for every method: the page is re-executed with the failed request's method (a 405 for
    /// a POST renders here as a POST), and has no handler beyond showing itself.
    /// </summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        var code = RouteData.Values["code"] is string text && int.TryParse(text, out var parsed) ? parsed : 500;

        // Asked for directly, /error/500 is just an address that does not exist.
        Code = !reExecuted ? 404 : code is >= 400 and < 600 ? code : 500;
        Response.StatusCode = Code;
    }
}
