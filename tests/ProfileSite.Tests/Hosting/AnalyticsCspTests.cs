using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Hosting;

/// <summary>The Content-Security-Policy widens for exactly the analytics provider site.yaml turns on, and no further.</summary>
public sealed class AnalyticsCspTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private async Task<string> CspOfHomeAsync()
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();
        using var response = await client.GetAsync("/");
        response.EnsureSuccessStatusCode();
        return Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task AnalyticsOff_PolicyAllowsOnlyTheSiteItself()
    {
        var csp = await CspOfHomeAsync();

        Assert.Equal("default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'", csp);
    }

    [Fact]
    public async Task Plausible_AllowsOnlyPlausible()
    {
        _content.Write("site.yaml", "url: https://ada.example.org/\nanalytics:\n  provider: plausible\n");

        var csp = await CspOfHomeAsync();

        Assert.Contains("script-src 'self' https://plausible.io;", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' https://plausible.io;", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("google", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Umami_AllowsOnlyTheConfiguredHost()
    {
        _content.Write("site.yaml", "url: https://ada.example.org/\nanalytics:\n  provider: umami\n  website_id: 94db1cb1-74f4-4a40-ad6c-962362670409\n  host: https://umami.example.org\n");

        var csp = await CspOfHomeAsync();

        Assert.Contains("script-src 'self' https://umami.example.org;", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("plausible", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ga4_AllowsGoogleTagManagerScriptsAndBeacons()
    {
        _content.Write("site.yaml", "url: https://ada.example.org/\nanalytics:\n  provider: ga4\n  measurement_id: G-ABC123DEF4\n");

        var csp = await CspOfHomeAsync();

        Assert.Contains("script-src 'self' https://*.googletagmanager.com;", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' https://*.google-analytics.com", csp, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' https://*.google-analytics.com https://*.googletagmanager.com;", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("plausible", csp, StringComparison.Ordinal);
    }
}
