using System.CommandLine;
using ProfileSite.Citations;
using ProfileSite.Cli;
using ProfileSite.Content;
using ProfileSite.Content.Loading;
using ProfileSite.Hosting;
using ProfileSite.Localization;
using ProfileSite.Images;
using ProfileSite.Publishing;
using ProfileSite.Theming;
using Serilog;

// Verbs: `serve` is the default, so `ProfileSite` alone serves the site. Each verb lives in Cli/.
var root = new RootCommand("ProfileSite: an academic homepage served from Markdown and YAML files.")
    .AddServeCommand(ServeAsync)
    .AddCheckCommand(ServeAsync);
root.AddHealthcheckCommand();
root.AddExportCommand(ServeAsync);
root.AddImportCommand();
return await root.Parse(args).InvokeAsync(ServeCommand.Invocation);

static async Task<int> ServeAsync(string[] args)
{
    // Bootstrap logger: startup problems are logged before configuration is read.
    Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

    try
    {
        var builder = WebApplication.CreateBuilder(args);

        // Logging, settings and the content snapshot (with live reload and citation refresh)
        builder.Services.AddSiteLogging();
        builder.Services.AddSiteContent();
        builder.Services.AddSiteCitations();
        builder.Services.AddSiteImages();

        // Pages and endpoints
        builder.Services.AddSitePages();
        builder.Services.AddSiteLocalization();
        builder.Services.AddSiteHealth();
        builder.Services.AddSiteDiscovery();
        builder.Services.AddSiteTheme();

        // Hardening and delivery: headers, limits, proxies; every response built and compressed once per snapshot
        builder.Services.AddSiteSecurity();
        builder.Services.AddSiteProxy();
        builder.Services.AddSitePublishing();

        var app = builder.Build();

        // Forwarded headers from trusted proxies and the base path come before everything else
        app.UseSiteProxy();

        // Security headers on every response, errors in the site's look, then image variants (and the
        // originals they stand for), files, request log and limits; pages and documents come from what
        // the snapshot published, and only what was not published is rendered (routing, timeouts,
        // pages and endpoints)
        app.UseSiteSecurityHeaders();
        app.UseSiteErrorPages();
        app.UseImageVariants();
        app.UseSiteStaticFiles();
        app.UseSiteRequestLogging();
        app.UseSiteLimits();
        app.UseSitePublishing();
        // What renders sets the culture of the page's language first: published pages and error pages too
        app.UseSiteLanguage();
        app.UseSiteRendering();
        app.MapRazorPages();
        app.MapPublicationFiles();
        app.MapSiteHealth();
        app.MapSiteDiscovery();
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
    catch (Microsoft.Extensions.Options.OptionsValidationException ex)
    {
        // The operator's mistake in a setting: name it, no stack trace.
        foreach (var failure in ex.Failures)
        {
            await Console.Error.WriteLineAsync($"error: {failure}");
        }

        return 1;
    }
    catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
    {
        // Another process has the port: the operator's to fix, in one line.
        await Console.Error.WriteLineAsync($"error: {ex.Message} Stop the other process or choose another address with --urls.");
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
