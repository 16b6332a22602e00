using Serilog;
using Serilog.Configuration;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Settings.Configuration;

namespace ProfileSite.Hosting;

public static class LoggingExtensions
{
    private static readonly ConfigurationReaderOptions SinkAssemblies = new(
        typeof(Log).Assembly,
        typeof(ConsoleLoggerConfigurationExtensions).Assembly,
        typeof(FileLoggerConfigurationExtensions).Assembly,
        typeof(LoggerSinkConfigurationDebugExtensions).Assembly,
        typeof(LoggingExtensions).Assembly);

    /// <summary>Serilog.Sinks.Console's default template: <c>[13:02:10 INF] GET / responded 200 in 0.1 ms (request …)</c>.</summary>
    private const string DefaultOutputTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Serilog from the "Serilog" section of appsettings.json, the console written in batches from a
    /// background thread (<see cref="BatchedConsole"/>): a request only queues its log line, and when
    /// the queue is full it waits rather than lose the line. The static logger is kept as the
    /// bootstrap logger (preserveStaticLogger) so several hosts in one process (the tests) never
    /// fight over freezing it. Without that section (the published app started from another
    /// folder, so appsettings.json is not in the content root) it still logs to the console:
    /// a site that serves must never be silent. The section may name what Serilog itself and the
    /// sinks this app carries (BatchedConsole, Console, File, Debug) offer; they are looked up in those
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
                        .WriteTo.BatchedConsole();
                }

                // ASP.NET Core's own per-request log (request starting/finished) duplicates the
                // request log below; while its category can log at all, hosting also builds an
                // Activity and a log scope for every request (creating the request's context fell from
                // 5.7% to 1.6% of a published page's CPU time without them; bench/README.md).
                lc.MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LevelAlias.Off);
                lc.ReadFrom.Services(sp);
            },
            preserveStaticLogger: true);

    /// <summary>
    /// Standard output written in batches by <see cref="BatchedConsoleSink"/>; in appsettings.json
    /// <c>"WriteTo": [ { "Name": "BatchedConsole" } ]</c>, with the same optional arguments as
    /// Serilog.Sinks.Console's <c>Console</c> (no colours) and the queue's length.
    /// </summary>
    /// <param name="sinks">Serilog's <c>WriteTo</c>.</param>
    /// <param name="outputTemplate">Serilog output template of each line; ignored when <paramref name="formatter"/> is given.</param>
    /// <param name="formatter">A formatter instead of the template, e.g. Serilog.Formatting.Compact's <c>CompactJsonFormatter</c> for JSON lines.</param>
    /// <param name="queueLimit">Events queued before a logging request waits for the writer (10,000).</param>
    /// <param name="restrictedToMinimumLevel">The lowest level written.</param>
    /// <param name="formatProvider">Culture of the template's values (the current culture when null).</param>
    public static LoggerConfiguration BatchedConsole(
        this LoggerSinkConfiguration sinks,
        string outputTemplate = DefaultOutputTemplate,
        ITextFormatter? formatter = null,
        int queueLimit = 10_000,
        LogEventLevel restrictedToMinimumLevel = LogEventLevel.Verbose,
        IFormatProvider? formatProvider = null) =>
        sinks.Sink(
            new BatchedConsoleSink(formatter ?? new MessageTemplateTextFormatter(outputTemplate, formatProvider), Console.OpenStandardOutput(), queueLimit),
            restrictedToMinimumLevel);

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
