using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

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
/// Adds the security headers to every response: pages, static files, error pages, 304s and
/// rejections alike. They are written when the response starts, so nothing later in the
/// pipeline (the exception handler clears headers) can drop them.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, ContentStore store, IOptions<ProfileSiteOptions> options)
{
    /// <summary>Powerful features a homepage never uses, denied to the page and anything it embeds.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), encrypted-media=(), " +
        "geolocation=(), gyroscope=(), hid=(), interest-cohort=(), magnetometer=(), microphone=(), midi=(), " +
        "payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    private readonly string? _hsts = options.Value.Security.Hsts
        ? $"max-age={options.Value.Security.HstsMaxAgeDays * 86400}{(options.Value.Security.HstsIncludeSubDomains ? "; includeSubDomains" : "")}"
        : null;

    // The policy depends on the snapshot's settings only; rebuilt when a reload brings new ones.
    private CachedPolicy? _policy;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (self, httpContext) = ((SecurityHeadersMiddleware, HttpContext))state;
            self.Apply(httpContext);
            return Task.CompletedTask;
        }, (this, context));
        return next(context);
    }

    private void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy();
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY"; // frame-ancestors for browsers that predate it
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (_hsts is not null && context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = _hsts;
        }

        headers.Remove("X-Powered-By");
    }

    private string Policy()
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

    private sealed record CachedPolicy(SiteSettings Site, string Value);
}
