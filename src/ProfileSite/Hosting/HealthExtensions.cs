using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProfileSite.Content;

namespace ProfileSite.Hosting;

public static class HealthExtensions
{
    private const string ReadyTag = "ready";

    /// <summary>Health checks from the framework: liveness needs no check, readiness needs loaded content.</summary>
    public static IServiceCollection AddSiteHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ContentHealthCheck>("content", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// <c>/healthz</c> answers while the process can serve; <c>/readyz</c> once content is loaded
    /// (degraded, still 200, while the latest edit has errors). Both describe the content served.
    /// </summary>
    public static WebApplication MapSiteHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthResponse.WriteAsync });
        return app;
    }
}
