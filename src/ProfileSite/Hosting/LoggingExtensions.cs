using Serilog;

namespace ProfileSite.Hosting;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog from the "Serilog" section of appsettings.json. The static logger is kept as the
    /// bootstrap logger (preserveStaticLogger) so several hosts in one process (the tests) never
    /// fight over freezing it.
    /// </summary>
    public static IServiceCollection AddSiteLogging(this IServiceCollection services) =>
        services.AddSerilog(
            (sp, lc) => lc.ReadFrom.Configuration(sp.GetRequiredService<IConfiguration>()).ReadFrom.Services(sp),
            preserveStaticLogger: true);

    /// <summary>
    /// One line per request: method, path, status, time and the request id, which the 500 page
    /// shows too, so the owner can find the line (and the exception logged with it) a visitor saw.
    /// </summary>
    public static IApplicationBuilder UseSiteRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // The configured logger: without it the lines go to the static (bootstrap) logger,
            // which preserveStaticLogger keeps apart from the configured sinks.
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "{RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms (request {RequestId})";
            options.EnrichDiagnosticContext = (diagnostics, context) => diagnostics.Set("RequestId", context.TraceIdentifier);
        });
}
