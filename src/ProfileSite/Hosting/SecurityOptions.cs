using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ProfileSite.Hosting;

/// <summary>
/// Security headers and request limits, from <c>ProfileSite:Security</c>. The defaults suit a
/// read-only personal site on the open internet; every limit can be raised by the operator
/// (<c>ProfileSite__Security__RequestsPerSecond=50</c>).
/// </summary>
public sealed class SecurityOptions
{
    /// <summary>
    /// Send <c>Strict-Transport-Security</c> on HTTPS responses. Off by default: it is a promise
    /// browsers remember for <see cref="HstsMaxAgeDays"/>, so turn it on only once TLS works. It is
    /// never sent on plain HTTP; behind a TLS-terminating proxy the app must see the original
    /// scheme (forwarded headers) for it to apply.
    /// </summary>
    public bool Hsts { get; set; }

    /// <summary>How long browsers keep to HTTPS after an HSTS response, in days. Default 365.</summary>
    [Range(1, 3650)]
    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>Extend HSTS to every subdomain (<c>includeSubDomains</c>). Off by default.</summary>
    public bool HstsIncludeSubDomains { get; set; }

    /// <summary>
    /// Sustained requests per second one client IP may make to pages and other endpoints (static
    /// files are not counted). 0 turns the per-client limit off. Default 20.
    /// </summary>
    [Range(0, 1_000_000)]
    public int RequestsPerSecond { get; set; } = 20;

    /// <summary>Requests one client IP may make at once before the per-second rate applies. Default 200.</summary>
    [Range(1, 1_000_000)]
    public int RequestBurst { get; set; } = 200;

    /// <summary>
    /// Requests the whole site works on at once; more wait in a queue of
    /// <see cref="MaxQueuedRequests"/>, beyond it they get 503. Default 256.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxConcurrentRequests { get; set; } = 256;

    /// <summary>Requests that may wait for a free slot before 503 is answered. Default 512.</summary>
    [Range(0, 100_000)]
    public int MaxQueuedRequests { get; set; } = 512;

    /// <summary>A page or endpoint taking longer than this is cancelled with 503. Default 30 s.</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>Open TCP connections Kestrel accepts (idle keep-alive ones included). Default 1000.</summary>
    [Range(1, 1_000_000)]
    public int MaxConnections { get; set; } = 1000;

    /// <summary>Largest request body. The site takes no uploads or forms. Default 8 KiB.</summary>
    [Range(0, 64L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 8 * 1024;

    /// <summary>Largest request line (method, path, query). Default 4 KiB; longer gets 414.</summary>
    [Range(1024, 64 * 1024)]
    public int MaxRequestLineBytes { get; set; } = 4 * 1024;

    /// <summary>Largest total size of the request headers. Default 16 KiB; larger gets 431.</summary>
    [Range(4 * 1024, 256 * 1024)]
    public int MaxRequestHeadersBytes { get; set; } = 16 * 1024;

    /// <summary>Most request headers accepted. Default 64; more gets 431.</summary>
    [Range(16, 1000)]
    public int MaxRequestHeaderCount { get; set; } = 64;
}

/// <summary>Validates <see cref="ProfileSiteOptions.Security"/> like the top-level options (data annotations).</summary>
internal sealed class SecurityOptionsValidation : IValidateOptions<ProfileSiteOptions>
{
    public ValidateOptionsResult Validate(string? name, ProfileSiteOptions options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options.Security, new ValidationContext(options.Security), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(results.Select(r =>
            $"{ProfileSiteOptions.Section}:Security:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
    }
}
