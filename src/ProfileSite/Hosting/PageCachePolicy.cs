using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace ProfileSite.Hosting;

/// <summary>
/// A rendered page depends only on the content snapshot and the visitor's <c>theme</c> cookie, so
/// it is cached whole per (version, theme) and carries <c>ETag: "version"</c> (plus the theme):
/// a browser revalidating gets 304 without the page being rendered. A reload brings a new
/// version, so the old entries are simply never asked for again and expire.
/// </summary>
internal sealed partial class PageCachePolicy : IOutputCachePolicy
{
    public const string ThemeCookie = "theme";

    /// <summary>Razor pages only: health checks, feeds and other endpoints decide for themselves.</summary>
    public static bool IsPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null;

    /// <summary>The entity tag of a page: the content version, and the theme when one is chosen.</summary>
    public static string ETag(string version, string theme) =>
        theme.Length == 0 ? $"\"{version}\"" : $"\"{version}-{theme}\"";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var theme = Theme(context.HttpContext.Request);
        if (theme is null)
        {
            // A cookie value no page would write: render it, but never let it make cache entries.
            context.AllowCacheLookup = false;
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

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

    /// <summary>"" when there is no theme cookie, the value when it looks like a theme name, else null.</summary>
    private static string? Theme(HttpRequest request) =>
        request.Cookies.TryGetValue(ThemeCookie, out var value)
            ? ThemeName().IsMatch(value) ? value : null
            : "";

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex ThemeName();
}
