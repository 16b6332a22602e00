namespace ProfileSite.Theming;

public static class ThemeEndpoints
{
    /// <summary>The theme read once per request for the layout (see <see cref="ThemeChoice"/>).</summary>
    public static IServiceCollection AddSiteTheme(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ThemeChoice>();
        return services;
    }

    /// <summary>
    /// <c>GET /theme?set=light|dark|system&amp;return=/path</c>: remembers the choice for a year and
    /// redirects back, so the toggle is a plain form that works without JavaScript. GET, because
    /// the site answers nothing else (a read-only site refuses other methods); the only state it
    /// changes is the visitor's own colour preference, so a forged or prefetched request can do
    /// no harm, and no antiforgery token is needed (one would make every page uncacheable).
    /// </summary>
    public static WebApplication MapSiteTheme(this WebApplication app)
    {
        app.MapGet("/theme", (HttpContext context) =>
        {
            var query = context.Request.Query;
            if (ThemeChoice.Parse(query["set"]) is not { } theme)
            {
                return Results.BadRequest();
            }

            if (theme == Theme.System)
            {
                context.Response.Cookies.Delete(ThemeChoice.CookieName);
            }
            else
            {
                context.Response.Cookies.Append(ThemeChoice.CookieName, ThemeChoice.Name(theme), new CookieOptions
                {
                    Path = "/",
                    SameSite = SameSiteMode.Lax,
                    MaxAge = TimeSpan.FromDays(365),
                    Secure = context.Request.IsHttps,
                    IsEssential = true,
                });
            }

            // A per-visitor answer: never stored by a cache, never indexed.
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers["X-Robots-Tag"] = "noindex";

            return Results.LocalRedirect(LocalReturnPath(query["return"]));
        });
        return app;
    }

    /// <summary>
    /// Only a path on this site: "/x" but not "//host" or "/\host" (both leave the site in a
    /// browser), nor an absolute URL. Anything else goes home, so the form is no open redirect.
    /// </summary>
    public static string LocalReturnPath(string? value) =>
        value is ['/', ..] && !value.StartsWith("//", StringComparison.Ordinal) && !value.StartsWith("/\\", StringComparison.Ordinal)
            && !value.Any(char.IsControl)
            ? value
            : "/";
}
