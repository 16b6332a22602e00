using System.Text.Json;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Hosting;

public sealed class HealthTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Health_ReportsTheServedContentVersionAndLoadTime(string path)
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        using var response = await client.GetAsync(path);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var page = await site.GetDocumentAsync("/");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var version = body.GetProperty("version").GetString()!;
        Assert.Matches("^[0-9a-f]{16}$", version);
        Assert.Equal("ProfileSite " + version, page.QuerySelector("meta[name=generator]")!.GetAttribute("content"));
        Assert.True(DateTimeOffset.UtcNow - body.GetProperty("loadedAt").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("reload").ValueKind);
    }
}
