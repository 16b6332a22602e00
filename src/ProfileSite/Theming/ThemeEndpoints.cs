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
    /// <c>POST /theme</c> with <c>set=light|dark|system</c> and <c>return=/path</c>: remembers the
    /// choice for a year and redirects back, so the toggle is a plain form that works without
    /// JavaScript. No antiforgery token: the worst a forged post can do is change a colour, and
    /// a token would make every page uncacheable.
    /// </summary>
    public static WebApplication MapSiteTheme(this WebApplication app)
    {
        app.MapPost("/theme", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (ThemeChoice.Parse(form["set"]) is not { } theme)
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

            // js/theme.js posts with fetch and needs no page back; a form post (navigate) does.
            var fetched = context.Request.Headers["Sec-Fetch-Mode"] is [{ } mode] && mode != "navigate";
            return fetched ? Results.NoContent() : Results.LocalRedirect(LocalReturnPath(form["return"]));
        }).DisableAntiforgery();
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
