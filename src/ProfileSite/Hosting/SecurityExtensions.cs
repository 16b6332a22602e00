using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace ProfileSite.Hosting;

/// <summary>
/// Hardening that is on by default: Kestrel limits for a read-only site, a graceful stop, a
/// per-client rate limit with a site-wide concurrency cap, request timeouts, security headers and
/// 405 for anything but GET and HEAD. Every number is in <see cref="SecurityOptions"/>.
/// </summary>
public static class SecurityExtensions
{
    public static IServiceCollection AddSiteSecurity(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ProfileSiteOptions>, SecurityOptionsValidation>();
        services.AddSingleton<SecurityHeaders>();

        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ProfileSiteOptions>>((kestrel, site) =>
        {
            var security = site.Value.Security;
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = security.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestLineSize = security.MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = security.MaxRequestHeadersBytes;
            kestrel.Limits.MaxRequestHeaderCount = security.MaxRequestHeaderCount;
            kestrel.Limits.MaxConcurrentConnections = security.MaxConnections;
            // A client that trickles its headers (slowloris) or idles on keep-alive holds a
            // connection slot; a page's requests arrive within seconds, so these can be short.
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(30);
        });

        services.AddOptions<HostOptions>().Configure<IOptions<ProfileSiteOptions>>((host, site) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(site.Value.ShutdownTimeoutSeconds));

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ProfileSiteOptions>>((limiter, site) =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(PerClient(site.Value.Security), SiteWide(site.Value.Security));
            limiter.OnRejected = RejectAsync;
        });

        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<ProfileSiteOptions>>((timeouts, site) =>
            timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(site.Value.Security.RequestTimeoutSeconds),
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            });

        return services;
    }

    /// <summary>First in the pipeline, so every response gets the headers, whoever writes it.</summary>
    public static WebApplication UseSiteSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }

    /// <summary>
    /// The exception handler clears the headers of the failed response before it renders the error
    /// page; this sets them again for that page (and costs a feature lookup otherwise).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeadersAfterErrors(this IApplicationBuilder app)
    {
        var middleware = app.ApplicationServices.GetRequiredService<SecurityHeaders>();
        return app.Use((context, next) =>
        {
            if (context.Features.Get<IExceptionHandlerFeature>() is not null)
            {
                middleware.Apply(context);
            }

            return next(context);
        });
    }

    /// <summary>
    /// Rate limit and concurrency cap. After static files, which are cheap and would otherwise make
    /// one page view count a dozen times; before published pages, which count like any request.
    /// (Request timeouts apply to what is rendered: <see cref="PipelineExtensions.UseSiteRendering"/>.)
    /// </summary>
    public static WebApplication UseSiteLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// The site is read-only: GET and HEAD are all it answers. Anything else (methods are
    /// case-sensitive: <c>get</c> is not GET) gets 405 with <c>Allow</c> here, before a page could
    /// render it (200) or antiforgery refuse it (400). The error page re-executed for it is
    /// rendered as a GET, so no page ever runs for another method.
    /// </summary>
    public static IApplicationBuilder UseReadOnlyMethods(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            if (context.Request.Method is "GET" or "HEAD")
            {
                return next(context);
            }

            if (IsReExecution(context))
            {
                context.Request.Method = HttpMethods.Get;
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
            return Task.CompletedTask;
        });

    /// <summary>An error page rendered for a request that was already counted and answered.</summary>
    internal static bool IsReExecution(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;

    /// <summary>
    /// A token bucket per client address: bursts of a page view are free, a scanner is slowed to
    /// the sustained rate. IPv6 clients are keyed by their /64, which one client usually controls whole.
    /// </summary>
    private static PartitionedRateLimiter<HttpContext> PerClient(SecurityOptions security) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            security.RequestsPerSecond == 0 || IsReExecution(context)
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetTokenBucketLimiter(ClientKey(context.Connection.RemoteIpAddress), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = security.RequestBurst,
                    TokensPerPeriod = security.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));

    /// <summary>One concurrency limit for the whole site: a flood waits in a bounded queue, then gets 503.</summary>
    private static PartitionedRateLimiter<HttpContext> SiteWide(SecurityOptions security) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            IsReExecution(context)
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetConcurrencyLimiter("site", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = security.MaxConcurrentRequests,
                    QueueLimit = security.MaxQueuedRequests,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }));

    /// <summary>The rate-limit partition of a client: its IPv4 address, or its IPv6 /64.</summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes).ToString() + "/64";
        }

        return address.ToString();
    }

    /// <summary>
    /// A small plain-text answer, written here so no error page is rendered under a flood: 429 with
    /// <c>Retry-After</c> when this client is over its rate, 503 when the whole site is at capacity.
    /// </summary>
    private static ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        string message;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            message = "Too many requests from your address. Please try again in a moment.\n";
        }
        else
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = "1";
            message = "The site is busy. Please try again in a moment.\n";
        }

        response.ContentType = "text/plain; charset=utf-8";
        return new ValueTask(response.WriteAsync(message, cancellationToken));
    }
}
