using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ProfileSite.Hosting;

/// <summary>
/// The Content-Security-Policy for a site. Everything comes from the site itself (no inline
/// script, no <c>style=""</c>, no nonce), so the policy is strict and the same for every page; it
/// widens only for the one analytics provider the owner turned on in <c>site.yaml</c>.
/// </summary>
public static partial class ContentSecurityPolicy
{
    /// <summary>The policy for these settings: <c>default-src 'self'</c> plus the analytics origins, if any.</summary>
    public static string For(SiteSettings site)
    {
        var scripts = Sources(site.Analytics?.ScriptSources);
        var connects = Sources(site.Analytics?.ConnectSources);
        var images = Sources(site.Analytics?.ImageSources);
        var directives = new List<string> { "default-src 'self'" };
        if (scripts.Length > 0)
        {
            directives.Add($"script-src 'self' {string.Join(' ', scripts)}");
        }

        if (connects.Length > 0)
        {
            directives.Add($"connect-src 'self' {string.Join(' ', connects)}");
        }

        if (images.Length > 0)
        {
            directives.Add($"img-src 'self' {string.Join(' ', images)}");
        }

        directives.AddRange(["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"]);
        return string.Join("; ", directives);
    }

    /// <summary>
    /// Only plain https origins (optionally with a path) pass: a source with a space, quote or
    /// semicolon could add directives or keywords such as 'unsafe-inline' to the header.
    /// </summary>
    private static string[] Sources(System.Collections.Immutable.ImmutableArray<string>? sources) =>
        sources is { IsDefaultOrEmpty: false } list
            ? [.. list.Where(s => HostSource().IsMatch(s)).Distinct(StringComparer.OrdinalIgnoreCase)]
            : [];

    [GeneratedRegex(@"^https://(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?$")]
    private static partial Regex HostSource();
}

/// <summary>
/// The security headers of every response (pages, files, error pages, 304s, rejections), as one
/// set computed once: the values are fixed strings, except the Content-Security-Policy, which
/// depends on the snapshot's analytics settings and is rebuilt only when a reload changes them.
/// </summary>
public sealed class SecurityHeaders(ContentStore store, IOptions<ProfileSiteOptions> options)
{
    /// <summary>Powerful features a homepage never uses, denied to the page and anything it embeds.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), encrypted-media=(), " +
        "geolocation=(), gyroscope=(), hid=(), interest-cohort=(), magnetometer=(), microphone=(), midi=(), " +
        "payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    private static readonly StringValues NoSniff = "nosniff";
    private static readonly StringValues Deny = "DENY";
    private static readonly StringValues Referrer = "strict-origin-when-cross-origin";
    private static readonly StringValues Permissions = PermissionsPolicy;
    private static readonly StringValues Opener = "same-origin";

    private readonly StringValues _hsts = options.Value.Security.Hsts
        ? $"max-age={options.Value.Security.HstsMaxAgeDays * 86400}{(options.Value.Security.HstsIncludeSubDomains ? "; includeSubDomains" : "")}"
        : StringValues.Empty;

    // The policy depends on the snapshot's settings only; rebuilt when a reload brings new ones.
    private CachedPolicy? _policy;

    /// <summary>Sets every header on the response (nothing has been written yet).</summary>
    public void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy();
        headers.XContentTypeOptions = NoSniff;
        headers.XFrameOptions = Deny; // frame-ancestors for browsers that predate it
        headers["Referrer-Policy"] = Referrer;
        headers["Permissions-Policy"] = Permissions;
        headers["Cross-Origin-Opener-Policy"] = Opener;
        if (_hsts.Count > 0 && context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = _hsts;
        }
    }

    private StringValues Policy()
    {
        var site = store.Current.Site;
        var cached = Volatile.Read(ref _policy);
        if (cached is null || !ReferenceEquals(cached.Site, site))
        {
            cached = new CachedPolicy(site, ContentSecurityPolicy.For(site));
            Volatile.Write(ref _policy, cached);
        }

        return cached.Value;
    }

    private sealed record CachedPolicy(SiteSettings Site, StringValues Value);
}

/// <summary>
/// Adds the security headers first thing, before anything can write a response: every answer
/// carries them without a per-request callback. The error page the exception handler renders
/// gets them again (<see cref="SecurityExtensions.UseSecurityHeadersAfterErrors"/>).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, SecurityHeaders headers)
{
    public Task InvokeAsync(HttpContext context)
    {
        headers.Apply(context);
        return next(context);
    }
}
