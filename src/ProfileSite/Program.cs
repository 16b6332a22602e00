using System.CommandLine;
using ProfileSite.Cli;
using ProfileSite.Content;
using ProfileSite.Content.Loading;
using ProfileSite.Hosting;
using ProfileSite.Theming;
using Serilog;

// Verbs: `serve` is the default, so `ProfileSite` alone serves the site. Each verb lives in Cli/.
var root = new RootCommand("ProfileSite: an academic homepage served from Markdown and YAML files.")
    .AddServeCommand(ServeAsync);
return await root.Parse(args).InvokeAsync(ServeCommand.Invocation);

static async Task<int> ServeAsync(string[] args)
{
    // Bootstrap logger: startup problems are logged before configuration is read.
    Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

    try
    {
        var builder = WebApplication.CreateBuilder(args);

        // Logging, settings, content and pages
        builder.Services.AddSiteLogging();
        builder.Services.AddSiteContent();
        builder.Services.AddSitePages();
        builder.Services.AddSiteHealth();
        builder.Services.AddSiteTheme();

        var app = builder.Build();

        // Errors in the site's look, then static files, request log, pages
        app.UseSiteErrorPages();
        app.UseSiteStaticFiles();
        app.UseSiteRequestLogging();
        app.MapRazorPages();
        app.MapSiteHealth();
        app.MapSiteTheme();

        // Content is read and validated before listening: bad content stops here, listing every problem
        app.LoadSiteContent();
        await app.RunAsync();
        return 0;
    }
    catch (ContentInvalidException ex)
    {
        // The owner's mistake, not a crash: list every problem, no stack trace.
        ContentReport.Write(Console.Error, ex.Result);
        return 1;
    }
    catch (Exception ex) when (ex is not HostAbortedException)
    {
        Log.Fatal(ex, "ProfileSite stopped unexpectedly");
        return 3;
    }
    finally
    {
        await Log.CloseAndFlushAsync();
    }
}
