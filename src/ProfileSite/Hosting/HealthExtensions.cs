namespace ProfileSite.Hosting;

public static class HealthExtensions
{
    /// <summary>Health checks from the framework; <c>/healthz</c> answers while the process can serve.</summary>
    public static IServiceCollection AddSiteHealth(this IServiceCollection services)
    {
        services.AddHealthChecks();
        return services;
    }

    public static WebApplication MapSiteHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz");
        return app;
    }
}
