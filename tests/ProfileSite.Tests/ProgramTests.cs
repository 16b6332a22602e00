using AngleSharp.Html.Parser;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests;

/// <summary>The app as a real process: what `dotnet run --project src/ProfileSite` gives an owner.</summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task ShippedSite_ServesEveryNewsItemAndAllFivePapers()
    {
        await using var app = AppProcess.Start();
        await app.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));

        Assert.Equal("Zhongwang Zhang", page.QuerySelector("aside h1")!.TextContent);
        var news = page.QuerySelectorAll("#news li .dated-text").Select(n => n.TextContent).ToArray();
        Assert.Equal(
            [
                "🎉🎉 I won the 2024 China National Scholarship!",
                "🎉🎉 One paper accepted to NeurIPS 2024!",
                "🎉🎉 One paper accepted to ICLR 2024!",
                "🎉🎉 One paper accepted to TPAMI!",
            ],
            news);
        var titles = page.QuerySelectorAll("article.paper h3").Select(h => h.TextContent.Trim()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [
                "Anchor function: a type of benchmark functions for studying language models",
                "Embedding principle of loss landscape of deep neural networks",
                "Implicit Regularization of Dropout",
                "Initialization is Critical to Whether Transformers Fit Composite Functions by Inference or Memorizing",
                "Stochastic Modified Equations and Dynamics of Dropout Algorithm",
            ],
            titles);
        var badges = page.QuerySelectorAll("article.paper .badge").Select(b => b.TextContent).Order(StringComparer.Ordinal);
        Assert.Equal(["Arxiv", "ICLR2024", "NeurIPS2024", "Neurips 2021 spotlight", "TPAMI"], badges);
        Assert.All(page.QuerySelectorAll("article.paper"), card => Assert.Equal("Zhongwang Zhang", card.QuerySelector(".paper-authors strong")!.TextContent.TrimEnd('*')));
        Assert.Equal(["2021.09 - now", "2017.09 - 2021.06"], page.QuerySelectorAll("#educations time").Select(t => t.TextContent));
        Assert.Equal(5, page.QuerySelectorAll("article.paper .paper-citations").Length); // sample numbers from content/google-scholar-stats
        Assert.NotNull(page.QuerySelector(".profile-citations"));
        foreach (var image in page.QuerySelectorAll("img"))
        {
            var response = await client.GetAsync(image.GetAttribute("src"));
            Assert.True(response.IsSuccessStatusCode, image.GetAttribute("src"));
        }
    }

    [Fact]
    public async Task InvalidContent_ExitsWithEveryErrorAndNoStackTrace()
    {
        using var content = new TestContent();
        content.Write("news.yaml", "- date: someday\n  text: hi\n");
        content.Write("profile.yaml", "name: Ada\nemial: x\n");

        await using var app = AppProcess.Start($"--ProfileSite:ContentPath={content.ContentPath}", $"--ProfileSite:WebRootPath={content.WebRootPath}");
        var exitCode = await app.WaitForExitAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("content/news.yaml:1:9: error: 'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got \"someday\"", app.StandardError);
        Assert.Contains("content/profile.yaml:2:1: error: unknown key 'emial'; did you mean 'email'?", app.StandardError);
        Assert.Contains("2 errors, 0 warnings in", app.StandardError);
        Assert.DoesNotContain("   at ", app.StandardError + app.StandardOutput);
        Assert.DoesNotContain("Exception", app.StandardError + app.StandardOutput);
    }

    [Fact]
    public async Task MissingContentFolder_IsOneClearLine()
    {
        using var content = new TestContent();
        var missing = Path.Combine(content.Root, "does-not-exist");

        await using var app = AppProcess.Start($"--ProfileSite:ContentPath={missing}", $"--ProfileSite:WebRootPath={content.WebRootPath}");
        var exitCode = await app.WaitForExitAsync();

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"{missing}: error: content folder not found", app.StandardError);
        Assert.DoesNotContain("   at ", app.StandardError + app.StandardOutput);
    }

    [Fact]
    public async Task SettingsFromEnvironmentStyleKeys_AreHonoured()
    {
        using var content = new TestContent();
        content.Write("profile.yaml", "name: Grace Configured\n");

        await using var app = AppProcess.Start($"--ProfileSite:ContentPath={content.ContentPath}", $"--ProfileSite:WebRootPath={content.WebRootPath}");
        await app.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));

        Assert.Equal("Grace Configured", page.QuerySelector("aside h1")!.TextContent);
    }

    [Fact]
    public async Task PortInUse_EndsWithOneClearLineAndExitCode1()
    {
        await using var first = AppProcess.Start();
        await first.WaitUntilListeningAsync();

        var (exitCode, _, stderr) = await AppProcess.RunAsync($"--urls={first.BaseAddress}");

        // The host logs its own failure first (with the exception); the last word is ours.
        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: Failed to bind to address", stderr.Trim().Split('\n')[^1], StringComparison.Ordinal);
        Assert.Contains("choose another address with --urls", stderr, StringComparison.Ordinal);
    }
}
