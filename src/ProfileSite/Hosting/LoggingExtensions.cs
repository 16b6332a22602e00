using Serilog;
using Serilog.Settings.Configuration;

namespace ProfileSite.Hosting;

public static class LoggingExtensions
{
    private static readonly ConfigurationReaderOptions SinkAssemblies = new(
        typeof(Log).Assembly,
        typeof(ConsoleLoggerConfigurationExtensions).Assembly,
        typeof(FileLoggerConfigurationExtensions).Assembly,
        typeof(LoggerSinkConfigurationDebugExtensions).Assembly,
        typeof(LoggerConfigurationAsyncExtensions).Assembly);

    /// <summary>
    /// Serilog from the "Serilog" section of appsettings.json, the console written from a
    /// background thread (Serilog.Sinks.Async): a request only queues its log line, and when the
    /// queue is full it waits rather than lose the line. The static logger is kept as the
    /// bootstrap logger (preserveStaticLogger) so several hosts in one process (the tests) never
    /// fight over freezing it. Without that section (the published app started from another
    /// folder, so appsettings.json is not in the content root) it still logs to the console:
    /// a site that serves must never be silent. The section may name what Serilog itself and the
    /// sinks this app carries (Console, File, Debug, Async) offer; they are looked up in those
    /// assemblies only, not by scanning every dependency (Serilog.Settings.Configuration's default).
    /// </summary>
    public static IServiceCollection AddSiteLogging(this IServiceCollection services) =>
        services.AddSerilog(
            (sp, lc) =>
            {
                var configuration = sp.GetRequiredService<IConfiguration>();
                if (configuration.GetSection("Serilog").Exists())
                {
                    lc.ReadFrom.Configuration(configuration, SinkAssemblies);
                }
                else
                {
                    lc.MinimumLevel.Information()
                        .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
                        .MinimumLevel.Override("Polly", Serilog.Events.LogEventLevel.Fatal)
                        .MinimumLevel.Override("System.Net.Http.HttpClient", Serilog.Events.LogEventLevel.Warning)
                        .WriteTo.Async(a => a.Console(), blockWhenFull: true);
                }

                lc.ReadFrom.Services(sp);
            },
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
