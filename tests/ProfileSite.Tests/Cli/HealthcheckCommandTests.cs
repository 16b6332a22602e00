using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Cli;

/// <summary>The verb the container's HEALTHCHECK runs (the runtime image has no curl).</summary>
public sealed class HealthcheckCommandTests
{
    [Fact]
    public async Task Healthcheck_RunningSite_ExitsZero()
    {
        using var content = new TestContent();
        await using var app = await StartSiteAsync(content);

        var result = await AppCommand.RunAsync("healthcheck", "--url", new Uri(app.BaseAddress, "healthz").ToString(), "--timeout", "30");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("200", result.StandardOutput);
    }

    [Fact]
    public async Task Healthcheck_NothingListening_ExitsOneWithTheReason()
    {
        var port = AppProcess.FreePort();

        var result = await AppCommand.RunAsync("healthcheck", "--url", $"http://127.0.0.1:{port}/healthz", "--timeout", "10");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"http://127.0.0.1:{port}/healthz", result.StandardError);
    }

    [Fact]
    public async Task Healthcheck_PageThatIsNotOk_ExitsOne()
    {
        using var content = new TestContent();
        await using var app = await StartSiteAsync(content);

        var result = await AppCommand.RunAsync("healthcheck", "--url", new Uri(app.BaseAddress, "no-such-page").ToString(), "--timeout", "30");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("404", result.StandardOutput);
    }

    [Theory]
    [InlineData(null, null, "http://127.0.0.1:8080/healthz")]
    [InlineData(null, "5000", "http://127.0.0.1:5000/healthz")]
    [InlineData("http://127.0.0.1:18081", "8080", "http://127.0.0.1:18081/healthz")]
    [InlineData("http://+:9000;https://+:9443", null, "http://127.0.0.1:9000/healthz")]
    public void Healthcheck_DefaultUrl_IsWhereTheHostListens(string? urls, string? httpPorts, string expected) =>
        Assert.Equal(new Uri(expected), ProfileSite.Cli.HealthcheckCommand.DefaultUrl(urls, httpPorts));

    private static async Task<AppProcess> StartSiteAsync(TestContent content)
    {
        var app = AppProcess.Start($"--ProfileSite:ContentPath={content.ContentPath}", $"--ProfileSite:WebRootPath={content.WebRootPath}");
        await app.WaitUntilListeningAsync();
        return app;
    }
}
