using Microsoft.AspNetCore.Diagnostics;

namespace ProfileSite.Theming;

/// <summary>The colour theme a visitor chose; <see cref="System"/> follows the device setting.</summary>
public enum Theme
{
    System,
    Light,
    Dark,
}

/// <summary>
/// The one place the visitor's theme is read (the <c>theme</c> cookie), once per request, so the
/// server renders <c>&lt;html data-theme&gt;</c> and the first paint is already right. A whole-page
/// cache must vary by <see cref="CookieName"/>.
/// </summary>
public sealed class ThemeChoice
{
    /// <summary>The cookie that remembers the choice; absent means <see cref="Theme.System"/>.</summary>
    public const string CookieName = "theme";

    public ThemeChoice(IHttpContextAccessor accessor)
    {
        var context = accessor.HttpContext;
        Current = Parse(context?.Request.Cookies[CookieName]) ?? Theme.System;

        // On a re-executed error page the request path is /error/404: send the visitor back to
        // the address they asked for instead.
        var reExecuted = context?.Features.Get<IStatusCodeReExecuteFeature>();
        ReturnPath = reExecuted is not null
            ? reExecuted.OriginalPathBase + reExecuted.OriginalPath + reExecuted.OriginalQueryString
            : $"{context?.Request.PathBase}{context?.Request.Path}{context?.Request.QueryString}";
    }

    public Theme Current { get; }

    /// <summary>The value of <c>&lt;html data-theme&gt;</c>: light, dark, or system (site.css follows the device).</summary>
    public string Attribute => Name(Current);

    /// <summary>Where the toggle sends the visitor back to after a choice.</summary>
    public string ReturnPath { get; }

    /// <summary>The lower-case name used in the cookie, the form and the attribute.</summary>
    public static string Name(Theme theme) => theme switch
    {
        Theme.Light => "light",
        Theme.Dark => "dark",
        _ => "system",
    };

    /// <summary>Reads a cookie or form value; null when it is not one of light, dark, system.</summary>
    public static Theme? Parse(string? value) => value switch
    {
        "light" => Theme.Light,
        "dark" => Theme.Dark,
        "system" => Theme.System,
        _ => null,
    };
}
