using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Hosting;

/// <summary>The app logs even when started from a folder without its appsettings.json.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task StartedFromAnotherFolder_StillLogsToTheConsole()
    {
        using var content = new TestContent();

        // The content root is the working directory: here a folder with no appsettings.json.
        await using var app = AppProcess.StartFrom(content.Root, $"--ProfileSite:ContentPath={content.ContentPath}", $"--ProfileSite:WebRootPath={content.WebRootPath}");
        await app.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        (await client.GetAsync("/")).EnsureSuccessStatusCode();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!app.StandardOutput.Contains("GET / responded 200", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Contains("Loaded content", app.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("GET / responded 200", app.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheShippedSettings_EveryRequestHasOneLine_AndTheLastAreWrittenBeforeTheProcessEnds()
    {
        using var content = new TestContent();

        // From the app's folder in Production: appsettings.json's BatchedConsole writes the log.
        await using var app = AppProcess.Start(
            $"--ProfileSite:ContentPath={content.ContentPath}", $"--ProfileSite:WebRootPath={content.WebRootPath}", "--ProfileSite:Security:RequestsPerSecond=0");
        await app.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        await Parallel.ForEachAsync(Enumerable.Range(0, 400), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, cancellation) =>
        {
            using var response = await client.GetAsync("/healthz", cancellation);
            response.EnsureSuccessStatusCode();
        });

        // SIGTERM right after the last answer: the lines still queued are written before the exit.
        app.Terminate();
        Assert.Equal(0, await app.WaitForExitAsync());

        var lines = app.StandardOutput.Split('\n').Where(line => line.Contains("GET /healthz responded 200", StringComparison.Ordinal)).ToList();
        Assert.Equal(400, lines.Count);
        Assert.Equal(400, lines.Select(line => line[line.LastIndexOf("(request ", StringComparison.Ordinal)..]).Distinct().Count());
        Assert.Matches(@"^\[\d\d:\d\d:\d\d INF\] GET /healthz responded 200 in \d+\.\d ms \(request [^)]+\)\r?$", lines[0]);
    }
}
