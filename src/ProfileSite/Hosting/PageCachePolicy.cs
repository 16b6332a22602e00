using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using ProfileSite.Theming;

namespace ProfileSite.Hosting;

/// <summary>
/// A rendered page depends only on the content snapshot and the visitor's <c>theme</c> cookie, so
/// it is cached whole per (version, theme) and carries <c>ETag: "version"</c> (plus the theme):
/// a browser revalidating gets 304 without the page being rendered. A reload brings a new
/// version, so the old entries are simply never asked for again and expire.
/// </summary>
internal sealed class PageCachePolicy : IOutputCachePolicy
{

    /// <summary>Razor pages only: health checks, feeds and other endpoints decide for themselves.</summary>
    public static bool IsPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null;

    /// <summary>The entity tag of a page: the content version, and the theme when one is chosen.</summary>
    public static string ETag(string version, string theme) =>
        theme.Length == 0 ? $"\"{version}\"" : $"\"{version}-{theme}\"";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // The theme the page will render (ThemeChoice reads the cookie the same way): "" for the
        // device's setting, so a missing, "system" or unknown cookie share one entry.
        var theme = ThemeChoice.Parse(context.HttpContext.Request.Cookies[ThemeChoice.CookieName]) is { } chosen and not Theme.System
            ? ThemeChoice.Name(chosen)
            : "";

        // The request's own snapshot (scoped), the one the page renders: key and body always agree.
        var content = context.HttpContext.RequestServices.GetRequiredService<SiteContent>();
        context.CacheVaryByRules.VaryByValues["version"] = content.Version;
        context.CacheVaryByRules.VaryByValues["theme"] = theme;
        context.Tags.Add("pages");

        // Set before the page runs (a page flushes its body, and so its headers, as it renders) and
        // stored with the entry, so the output cache answers If-None-Match with 304 itself.
        // "no-cache": browsers may keep the page but revalidate it, which costs them a 304.
        var response = context.HttpContext.Response;
        response.Headers.ETag = ETag(content.Version, theme);
        response.Headers.CacheControl = "no-cache";
        response.OnStarting(static state =>
        {
            // Only a page that rendered (or the 304 standing for it) is that version; an error is not.
            var response = (HttpResponse)state;
            if (response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status304NotModified))
            {
                response.Headers.Remove("ETag");
                response.Headers.Remove("Cache-Control");
            }

            return Task.CompletedTask;
        }, response);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
