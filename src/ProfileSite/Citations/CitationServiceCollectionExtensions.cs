using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace ProfileSite.Citations;

public static class CitationServiceCollectionExtensions
{
    /// <summary>
    /// Remote citation sources: a named HttpClient with the standard resilience pipeline
    /// (attempt timeout, retries with backoff honouring Retry-After, circuit breaker), at most
    /// five redirects, the background refresher, the cache file and the health report.
    /// </summary>
    public static IServiceCollection AddSiteCitations(this IServiceCollection services)
    {
        services.AddOptions<CitationOptions>()
            .BindConfiguration(CitationOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RemoteCitationStatus>();
        services.AddSingleton<CitationCache>();
        services.AddSingleton<CitationFetcher>();
        services.AddHostedService<CitationRefresher>();

        services.AddHttpClient(CitationFetcher.ClientName, client =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd("ProfileSite/1.0 (+citations)");
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline and the fetch timeout decide
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 5,
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            })
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
            {
                var options = sp.GetRequiredService<IOptions<CitationOptions>>().Value;
                resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
                resilience.TotalRequestTimeout.Timeout = options.FetchTimeout;
                resilience.Retry.MaxRetryAttempts = options.Retries;
                resilience.Retry.Delay = options.RetryDelay;
                resilience.Retry.MaxDelay = options.FetchTimeout;
                resilience.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2 > TimeSpan.FromSeconds(30) ? options.AttemptTimeout * 2 : TimeSpan.FromSeconds(30);
            });

        services.AddHealthChecks().AddCheck<CitationHealthCheck>("citations");
        return services;
    }
}

/// <summary>Reports each remote source's last success and last error. Failing sources degrade nothing: the page keeps the last good numbers.</summary>
internal sealed class CitationHealthCheck(RemoteCitationStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = status.Sources.ToDictionary(
            s => s.Key,
            s => (object)new { lastSuccess = s.Value.LastSuccess, lastFailure = s.Value.LastFailure, lastError = s.Value.LastError });
        return Task.FromResult(HealthCheckResult.Healthy("citations are served from the last good data", data));
    }
}
