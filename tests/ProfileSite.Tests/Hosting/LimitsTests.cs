using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProfileSite.Hosting;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Hosting;

/// <summary>Rate limit, concurrency cap and the server limits taken from the settings.</summary>
public sealed class LimitsTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task RateLimit_Answers429WithRetryAfterPastTheBurst_ThenRecovers()
    {
        await using var app = AppProcess.Start(
            $"--ProfileSite:ContentPath={_content.ContentPath}", $"--ProfileSite:WebRootPath={_content.WebRootPath}",
            "--ProfileSite:Security:RequestsPerSecond=1", "--ProfileSite:Security:RequestBurst=3");
        await app.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        // Static files are not counted: a page view's CSS and images never use up the budget.
        for (var i = 0; i < 10; i++)
        {
            using var asset = await client.GetAsync("/css/site.css");
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        }

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await client.GetAsync("/");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        // At least the burst passes (a slow machine may have earned a token meanwhile), then 429.
        Assert.NotNull(limited);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 3, string.Join(",", statuses));
        var retryAfter = limited.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        Assert.Equal("Too many requests from your address. Please try again in a moment.\n", await limited.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", string.Join(",", limited.Headers.GetValues("X-Content-Type-Options")));
        limited.Dispose();

        await Task.Delay(retryAfter);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            using var again = await client.GetAsync("/");
            status = again.StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(250);
            }
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task ConcurrencyCap_Answers503_InsteadOfQueueingWithoutBound()
    {
        var gate = new GatePageFilter(open: false);
        await using var site = new SiteFactory(_content)
        {
            Configure = b => b
                .UseSetting("ProfileSite:Security:MaxConcurrentRequests", "1")
                .UseSetting("ProfileSite:Security:MaxQueuedRequests", "0")
                .ConfigureServices(s => s.AddPageFilter(gate)),
        };
        using var client = site.CreateClient();

        var slow = client.GetAsync("/");
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        using var rejected = await client.GetAsync("/");
        gate.Release();
        using var completed = await slow;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), rejected.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        using var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task SlowPage_IsCancelledAfterTheTimeout_With503InTheSitesLook()
    {
        var gate = new GatePageFilter(open: false);
        await using var site = new SiteFactory(_content)
        {
            Configure = b => b.UseSetting("ProfileSite:Security:RequestTimeoutSeconds", "1").ConfigureServices(s => s.AddPageFilter(gate)),
        };
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Something went wrong", page.QuerySelector("main h2")!.TextContent);
        Assert.NotNull(page.QuerySelector(".request-id code"));
    }

    [Fact]
    public async Task ServerLimits_AndShutdownTimeout_ComeFromTheSettings()
    {
        await using var site = new SiteFactory(_content)
        {
            Configure = b => b
                .UseSetting("ProfileSite:ShutdownTimeoutSeconds", "42")
                .UseSetting("ProfileSite:Security:MaxRequestBodyBytes", "1234")
                .UseSetting("ProfileSite:Security:MaxConnections", "77"),
        };
        using var client = site.CreateClient();
        using var _ = await client.GetAsync("/healthz");

        Assert.Equal(TimeSpan.FromSeconds(42), site.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        var kestrel = site.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        Assert.False(kestrel.AddServerHeader);
        Assert.Equal(1234, kestrel.Limits.MaxRequestBodySize);
        Assert.Equal(77, kestrel.Limits.MaxConcurrentConnections);
        Assert.Equal(4096, kestrel.Limits.MaxRequestLineSize);
        Assert.Equal(16 * 1024, kestrel.Limits.MaxRequestHeadersTotalSize);
        Assert.Equal(64, kestrel.Limits.MaxRequestHeaderCount);
        var timeout = site.Services.GetRequiredService<IOptions<RequestTimeoutOptions>>().Value.DefaultPolicy!;
        Assert.Equal(TimeSpan.FromSeconds(30), timeout.Timeout);
        Assert.Equal(503, timeout.TimeoutStatusCode);
    }

    [Fact]
    public async Task ImpossibleLimit_StopsTheStartWithTheSettingsName_AndNoStackTrace()
    {
        await using var app = AppProcess.Start(
            $"--ProfileSite:ContentPath={_content.ContentPath}", $"--ProfileSite:WebRootPath={_content.WebRootPath}",
            "--ProfileSite:Security:RequestBurst=0");

        Assert.Equal(1, await app.WaitForExitAsync());
        Assert.Contains("ProfileSite:Security:RequestBurst: The field RequestBurst must be between 1 and 1000000.", app.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.StandardError + app.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64")]
    public void ClientKey_GroupsAnIpv6ClientByItsSlash64(string address, string key)
    {
        Assert.Equal(key, SecurityExtensions.ClientKey(IPAddress.Parse(address)));
    }
}
