using ProfileSite.Content;
using ProfileSite.Export;

namespace ProfileSite.Cli;

/// <summary>
/// The second half of <c>check</c>: what the files say must also publish. The site is started in
/// this process on a loopback port (the same serve as <c>serve</c>, as <c>export</c> does), its
/// snapshot published, every page and document built and verified, and whatever failed is
/// reported like any content error. So what <c>check</c> accepts, every route serves.
/// </summary>
internal static class PublishCheck
{
    public static async Task<IReadOnlyList<ContentError>> RunAsync(Func<string[], Task<int>> serve, ContentPaths paths, CancellationToken cancellation)
    {
        string[] args =
        [
            $"--ProfileSite:ContentPath={paths.ContentPath}", $"--ProfileSite:WebRootPath={paths.WebRootPath}",
            "--ProfileSite:Reload=false", "--ProfileSite:Citations:Enabled=false", "--ProfileSite:Images:Generate=false", "--urls=http://127.0.0.1:0", "--environment=Production",
            "--Serilog:MinimumLevel:Default=Fatal", "--Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime=Fatal",
            "--Serilog:MinimumLevel:Override:Microsoft.AspNetCore=Fatal",
        ];
        using var capture = HostCapture.Start();
        var serving = Task.Run(() => serve(args), CancellationToken.None);
        if (await Task.WhenAny(capture.Listening, serving) == serving)
        {
            // The files loaded a moment ago; a start that fails now is not the content's fault.
            return [new ContentError(paths.ContentPath, 0, 0, Severity.Error, $"the site could not be started to publish it (exit code {await serving})")];
        }

        var (host, _) = await capture.Listening;
        try
        {
            await host.Services.GetRequiredService<ContentStore>().StartupPublished.WaitAsync(cancellation);
            return host.Services.GetRequiredService<ContentReloadStatus>().Failure?.Problems ?? [];
        }
        finally
        {
            host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
            await serving;
        }
    }
}
