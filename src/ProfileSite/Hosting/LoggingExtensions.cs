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
    /// One line per request: method, path, status, time. Written through the configured logger:
    /// left to itself the middleware would use the static bootstrap logger, ignoring the
    /// configured levels and formatter (JSON in the container).
    /// </summary>
    public static IApplicationBuilder UseSiteRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "{RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.Logger = app.ApplicationServices.GetService<Serilog.ILogger>();
        });
}
