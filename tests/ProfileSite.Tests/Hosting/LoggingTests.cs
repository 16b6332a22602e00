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
}
