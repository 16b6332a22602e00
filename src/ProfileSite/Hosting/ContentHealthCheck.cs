using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProfileSite.Content;

namespace ProfileSite.Hosting;

/// <summary>Ready once a snapshot is loaded; degraded (still serving the last good one) while the latest edit has errors.</summary>
public sealed class ContentHealthCheck(ContentStore store, ContentReloadStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            store.Peek is null ? HealthCheckResult.Unhealthy("no content loaded yet")
            : status.Failure is { } failure ? HealthCheckResult.Degraded($"the latest edit has {failure.ErrorCount} error(s); serving the last good content")
            : HealthCheckResult.Healthy("content loaded"));
}

/// <summary>
/// The JSON body of both health endpoints. Outside Development only counts are shown: error
/// messages name files and folders, which a public endpoint must not reveal.
/// </summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var services = context.RequestServices;
        var content = services.GetRequiredService<ContentStore>().Peek;
        var failure = services.GetRequiredService<ContentReloadStatus>().Failure;
        var detailed = services.GetRequiredService<IHostEnvironment>().IsDevelopment();
        var body = new
        {
            status = report.Status.ToString(),
            version = content?.Version,
            loadedAt = content?.LoadedAt,
            warnings = content?.Warnings.Length ?? 0,
            images = services.GetService<Images.VariantGenerator>()?.Progress(),
            reload = failure is null ? null : new
            {
                failedAt = failure.At,
                errorCount = failure.ErrorCount,
                warningCount = failure.WarningCount,
                errors = detailed ? failure.Problems.Where(p => p.IsError).Select(p => p.ToString()).ToArray() : null,
            },
        };
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(body, context.RequestAborted);
    }
}
