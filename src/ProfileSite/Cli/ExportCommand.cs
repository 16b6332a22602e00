using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using ProfileSite.Content;
using ProfileSite.Export;

namespace ProfileSite.Cli;

public static class ExportCommand
{
    /// <summary>
    /// <c>export --out DIR [--base-url URL] [--content DIR] [--clean]</c>: starts the site in this
    /// process on a loopback port (the same <paramref name="serve"/> as <c>serve</c>), fetches every
    /// route over HTTP and writes the answers as static files with .gz and .br siblings. Other
    /// settings (<c>--ProfileSite:WebRootPath=...</c>) are passed to the server as they are.
    /// </summary>
    public static RootCommand AddExportCommand(this RootCommand root, Func<string[], Task<int>> serve)
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to write the site to (absent or empty, unless --clean).",
            Required = true,
        };
        var baseUrl = new Option<Uri>("--base-url")
        {
            Description = "The public address the export is served from, e.g. https://user.github.io/repo/. "
                + "Its path becomes the site's base path. Default: site.yaml's url, else http://localhost/.",
            CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : Fail(result, "--base-url must be an absolute http(s) URL, e.g. https://user.github.io/repo/"),
        };
        var content = new Option<DirectoryInfo>("--content") { Description = "The content folder (default: as for serve)." };
        var clean = new Option<bool>("--clean") { Description = "Empty the output folder first." };
        var command = new Command("export", "Write the whole site as static files for any static host or CDN.")
        {
            output, baseUrl, content, clean,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, cancellation) => ExportAsync(
            serve, result.GetValue(output)!, result.GetValue(baseUrl), result.GetValue(content), result.GetValue(clean),
            [.. result.UnmatchedTokens], cancellation));
        root.Subcommands.Add(command);
        return root;
    }

    private static Uri? Fail(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }

    private static async Task<int> ExportAsync(
        Func<string[], Task<int>> serve, DirectoryInfo output, Uri? baseUrl, DirectoryInfo? content, bool clean,
        string[] settings, CancellationToken cancellation)
    {
        if (!PrepareOutput(output, clean))
        {
            return 2;
        }

        // The server is the production site on a loopback port; our settings come last so they win.
        List<string> args = [.. settings, "--urls=http://127.0.0.1:0", "--ProfileSite:Images:Generate=true", "--Serilog:MinimumLevel:Default=Warning",
            "--Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime=Warning"];
        if (!settings.Any(s => s.StartsWith("--environment", StringComparison.OrdinalIgnoreCase)))
        {
            args.Add("--environment=Production");
        }

        if (content is not null)
        {
            args.Add($"--ProfileSite:ContentPath={content.FullName}");
        }

        if (baseUrl is not null)
        {
            args.Add($"--ProfileSite:BasePath={baseUrl.AbsolutePath.TrimEnd('/')}");
        }

        var stopwatch = Stopwatch.StartNew();
        using var capture = HostCapture.Start();
        var serving = Task.Run(() => serve([.. args]), CancellationToken.None);
        if (await Task.WhenAny(capture.Listening, serving) == serving)
        {
            return await serving is 0 ? 1 : await serving; // the content report is already printed
        }

        var (host, address) = await capture.Listening;
        try
        {
            var paths = host.Services.GetRequiredService<ContentPaths>();
            var site = host.Services.GetRequiredService<ContentStore>().Current.Site;
            var basePath = host.Services.GetRequiredService<IOptions<ProfileSiteOptions>>().Value.BasePath.TrimEnd('/');
            var publicBase = baseUrl ?? new Uri(site.BaseUrl is { } url ? new Uri(url, "/") : new Uri("http://localhost/"), basePath + "/");
            if (!publicBase.AbsolutePath.EndsWith('/'))
            {
                publicBase = new Uri(publicBase + "/");
            }

            // Every image variant the pages name is made first, so the export carries them all.
            if (host.Services.GetService<Images.VariantGenerator>() is { } images)
            {
                using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                patience.CancelAfter(TimeSpan.FromMinutes(30));
                try
                {
                    await images.WhenIdleAsync(patience.Token);
                }
                catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    await Console.Error.WriteLineAsync("warning: image variants were still being made after 30 minutes; those not made are missing from the export");
                }
            }

            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            {
                BaseAddress = address,
                Timeout = TimeSpan.FromSeconds(60),
            };
            var summary = await new StaticExporter(client, publicBase, paths.WebRootPath, Console.Error).RunAsync(output.FullName, cancellation);
            await Console.Out.WriteLineAsync(
                $"Exported {summary.Files} files ({summary.Compressed} text files with .gz and .br) for {publicBase} to {output.FullName} in {stopwatch.Elapsed.TotalSeconds:0.0} s"
                + (summary.BrokenLinks > 0 ? $"; {summary.BrokenLinks} broken link(s), see above" : ""));
            return 0;
        }
        finally
        {
            host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
            await serving;
        }
    }

    /// <summary>Refuses to mix an export into a folder holding other files, unless told to empty it.</summary>
    private static bool PrepareOutput(DirectoryInfo output, bool clean)
    {
        if (output.Exists && output.EnumerateFileSystemInfos().Any())
        {
            if (!clean)
            {
                Console.Error.WriteLine($"{output.FullName}: error: the folder is not empty; choose another or pass --clean to empty it");
                return false;
            }

            foreach (var entry in output.EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo directory)
                {
                    directory.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }
        }

        output.Create();
        return true;
    }
}
