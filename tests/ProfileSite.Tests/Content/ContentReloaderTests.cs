using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content;

/// <summary>
/// Live reload against the real app on a temp content folder: the owner saves, the page changes;
/// a bad save keeps the last good site; fixing it recovers without a restart.
/// </summary>
public sealed partial class ContentReloaderTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private AppProcess Start(string environment, params string[] settings) => AppProcess.StartIn(environment,
        [$"--ProfileSite:ContentPath={_content.ContentPath}", $"--ProfileSite:WebRootPath={_content.WebRootPath}", .. settings]);

    private static async Task<string> PageAsync(HttpClient client) => await client.GetStringAsync("/");

    private static async Task<JsonElement> ReadyAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/readyz")).RootElement;

    /// <summary>Polls until <paramref name="condition"/> holds; generous, so a busy CI machine only makes it slower.</summary>
    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}");
            await Task.Delay(50);
        }
    }

    private static string News(string text) => $"- date: 2024.09\n  text: {text}\n";

    [Fact]
    public async Task Reload_EditBreakFix_ServesTheEditKeepsTheLastGoodSiteAndRecovers()
    {
        await using var app = Start("Development");
        await app.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Contains("Paper accepted to NeurIPS 2024!", await PageAsync(client));

        // Edit: the new text is served.
        _content.Write("news.yaml", News("Edited news"));
        await Eventually(async () => (await PageAsync(client)).Contains("Edited news", StringComparison.Ordinal), "the edit is served");
        var goodVersion = (await ReadyAsync(client)).GetProperty("version").GetString();

        // Break: the last good content stays, /readyz reports the errors.
        _content.Write("news.yaml", "- date: Jan 2024\n  text: Broken edit\n");
        await Eventually(async () => (await ReadyAsync(client)).GetProperty("status").GetString() == "Degraded", "/readyz reports the bad edit");
        var ready = await ReadyAsync(client);
        Assert.Equal(goodVersion, ready.GetProperty("version").GetString());
        Assert.Equal(1, ready.GetProperty("reload").GetProperty("errorCount").GetInt32());
        Assert.Equal(
            ["content/news.yaml:1:9: error: 'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got \"Jan 2024\""],
            ready.GetProperty("reload").GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        var page = await PageAsync(client);
        Assert.Contains("Edited news", page);
        Assert.DoesNotContain("Broken edit", page);

        // Another save while still broken reloads again but does not log the same errors again.
        var failedAt = ready.GetProperty("reload").GetProperty("failedAt").GetString();
        _content.Write("about.md", "Still *here*.\n");
        await Eventually(async () => (await ReadyAsync(client)).GetProperty("reload").GetProperty("failedAt").GetString() != failedAt, "the next save is reloaded");
        Assert.Single(ErrorLines().Matches(app.StandardOutput));

        // Fix: recovered by itself.
        _content.Write("news.yaml", News("Fixed news"));
        await Eventually(async () => (await PageAsync(client)).Contains("Fixed news", StringComparison.Ordinal), "the fix is served");
        ready = await ReadyAsync(client);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, ready.GetProperty("reload").ValueKind);
        Assert.Contains("Still <em>here</em>.", await PageAsync(client));
    }

    [GeneratedRegex(@"content/news\.yaml:1:9: error: 'date' must be")]
    private static partial Regex ErrorLines();

    [Fact]
    public async Task Readyz_InProduction_ReportsOnlyCounts()
    {
        await using var app = Start("Production");
        await app.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        _content.Write("news.yaml", "- date: Jan 2024\n  text: Broken edit\n");
        await Eventually(async () => (await ReadyAsync(client)).GetProperty("status").GetString() == "Degraded", "/readyz reports the bad edit");

        var body = await client.GetStringAsync("/readyz");
        var reload = JsonDocument.Parse(body).RootElement.GetProperty("reload");
        Assert.Equal(1, reload.GetProperty("errorCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, reload.GetProperty("errors").ValueKind);
        Assert.DoesNotContain("news.yaml", body);
        Assert.DoesNotContain(_content.Root, body);
    }

    [Fact]
    public async Task Reload_WithPolling_ServesTheEdit()
    {
        await using var app = Start("Production", "--ProfileSite:ReloadUsePolling=true", "--ProfileSite:ReloadPollIntervalMilliseconds=100");
        await app.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        _content.Write("news.yaml", News("Polled news"));

        await Eventually(async () => (await PageAsync(client)).Contains("Polled news", StringComparison.Ordinal), "the polled edit is served");
        Assert.Contains("(polling)", app.StandardOutput);
    }

    [Fact]
    public async Task Reload_ContentRewrittenHundredTimesUnderLoad_EveryResponseIsOneWholeVersion()
    {
        // Four clients from one address read as fast as they can: lift the per-IP rate limit,
        // which is not what this test is about (LimitsTests covers it).
        await using var app = Start("Production", "--ProfileSite:Security:RequestsPerSecond=100000", "--ProfileSite:Security:RequestBurst=100000");
        await app.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var seen = new ConcurrentBag<(HttpStatusCode Status, string? Version, string? Marker)>();
        using var writing = new CancellationTokenSource();

        async Task ReadAsync()
        {
            var parser = new HtmlParser();
            while (!writing.IsCancellationRequested)
            {
                using var response = await client.GetAsync("/");
                var page = parser.ParseDocument(await response.Content.ReadAsStringAsync());
                var version = page.QuerySelector("meta[name=generator]")?.GetAttribute("content");
                var marker = Marker().Match(page.QuerySelector("#about-me")?.TextContent ?? "") is { Success: true } m ? m.Value : null;
                seen.Add((response.StatusCode, version, marker));
            }
        }

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(ReadAsync)).ToArray();
        for (var i = 0; i < 100; i++)
        {
            // As editors save: a temp file renamed over the old one.
            var temp = Path.Combine(_content.ContentPath, $".about.md.{i}.tmp");
            await File.WriteAllTextAsync(temp, $"Edit number edit-{i:D3}-end of the about text.\n");
            File.Move(temp, Path.Combine(_content.ContentPath, "about.md"), overwrite: true);
            await Task.Delay(i % 10 == 0 ? 400 : 15); // bursts, and pauses long enough for reloads to land mid-read
        }

        await Eventually(async () => (await PageAsync(client)).Contains("edit-099-end", StringComparison.Ordinal), "the last edit is served");
        await writing.CancelAsync();
        await Task.WhenAll(readers);

        Assert.True(seen.Count > 100, $"only {seen.Count} responses");
        Assert.All(seen, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var afterFirstEdit = seen.Where(r => r.Marker is not null).ToArray();
        Assert.All(afterFirstEdit, r => Assert.NotNull(r.Version));
        // One whole version per response: each version always comes with the same text, and each text with one version.
        Assert.All(afterFirstEdit.GroupBy(r => r.Version), g => Assert.Single(g.Select(r => r.Marker).Distinct()));
        Assert.All(afterFirstEdit.GroupBy(r => r.Marker), g => Assert.Single(g.Select(r => r.Version).Distinct()));
        Assert.True(afterFirstEdit.Select(r => r.Marker).Distinct().Count() > 3, "reloads landed while clients were reading");
    }

    [GeneratedRegex(@"edit-\d{3}-end")]
    private static partial Regex Marker();
}
