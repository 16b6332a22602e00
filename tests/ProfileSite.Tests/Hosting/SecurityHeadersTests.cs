using System.Collections.Immutable;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProfileSite.Content;
using ProfileSite.Hosting;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Hosting;

/// <summary>The security headers, on every kind of response the site gives.</summary>
public sealed class SecurityHeadersTests : IDisposable
{
    private const string StrictPolicy = "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    public static TheoryData<string, string, HttpStatusCode> Responses => new()
    {
        { "GET", "/", HttpStatusCode.OK },
        { "HEAD", "/", HttpStatusCode.OK },
        { "GET", "/css/site.css", HttpStatusCode.OK },
        { "GET", "/images/avatar.png", HttpStatusCode.OK },
        { "GET", "/healthz", HttpStatusCode.OK },
        { "GET", "/feed.xml", HttpStatusCode.OK },
        { "GET", "/sitemap.xml", HttpStatusCode.OK },
        { "GET", "/robots.txt", HttpStatusCode.OK },
        { "GET", "/site.webmanifest", HttpStatusCode.OK },
        { "GET", "/about", HttpStatusCode.MovedPermanently },
        { "GET", "/no-such-page", HttpStatusCode.NotFound },
        { "GET", "/images/no-such.png", HttpStatusCode.NotFound },
        { "POST", "/", HttpStatusCode.MethodNotAllowed },
        { "DELETE", "/css/site.css", HttpStatusCode.MethodNotAllowed },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string method, string path, HttpStatusCode status)
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task ServerError_AndNotModified_CarryTheSecurityHeaders()
    {
        await using var site = new SiteFactory(_content) { Configure = b => b.ConfigureServices(s => s.AddPageFilter(new ThrowingPageFilter("boom"))) };
        using var client = site.CreateClient();
        using var error = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        AssertSecurityHeaders(error);

        await using var cached = new SiteFactory(_content);
        using var cachedClient = cached.CreateClient();
        using var first = await cachedClient.GetAsync("/");
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { { "If-None-Match", first.Headers.ETag!.Tag } } };
        using var notModified = await cachedClient.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        AssertSecurityHeaders(notModified);
    }

    [Fact]
    public async Task Hsts_IsSentOnlyWhenEnabledAndOverHttps()
    {
        await using var off = new SiteFactory(_content);
        await using var on = new SiteFactory(_content) { Configure = b => b.UseSetting("ProfileSite:Security:Hsts", "true") };

        Assert.False((await HeadersAsync(off, "https://localhost/")).Contains("Strict-Transport-Security"));
        Assert.False((await HeadersAsync(on, "http://localhost/")).Contains("Strict-Transport-Security"));
        var https = await HeadersAsync(on, "https://localhost/");
        Assert.Equal("max-age=31536000", string.Join(",", https.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public void Policy_IsStrictWithoutAnalytics()
    {
        Assert.Equal(StrictPolicy, ContentSecurityPolicy.For(new SiteSettings { Title = "t" }));
    }

    [Fact]
    public void Policy_WidensOnlyForTheAnalyticsProviderTurnedOn()
    {
        var site = new SiteSettings
        {
            Title = "t",
            Analytics = new AnalyticsSettings("plausible", ["https://plausible.io"], ["https://plausible.io/api/event"]),
        };

        var policy = ContentSecurityPolicy.For(site);

        Assert.Equal(
            "default-src 'self'; script-src 'self' https://plausible.io; connect-src 'self' https://plausible.io/api/event; " +
            "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
            policy);
    }

    [Fact]
    public void Policy_DropsSourcesThatCouldWeakenOrBreakIt()
    {
        var site = new SiteSettings
        {
            Title = "t",
            Analytics = new AnalyticsSettings("x",
                ["https://ok.example.org", "'unsafe-inline'", "https://a.example.org; script-src *", "http://plain.example.org", "*", "data:", "https://ok.example.org"],
                ["https://*.example.net", "https://x.example.org 'unsafe-eval'"]),
        };

        var policy = ContentSecurityPolicy.For(site);

        Assert.Contains("script-src 'self' https://ok.example.org;", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' https://*.example.net;", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http:", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("data:", policy, StringComparison.Ordinal);
        Assert.Single(policy.Split(';'), d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServedPolicy_FollowsTheSnapshotsAnalytics()
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();
        using var before = await client.GetAsync("/");
        Assert.Equal(StrictPolicy, string.Join(",", before.Headers.GetValues("Content-Security-Policy")));

        // Another branch fills Analytics from site.yaml; here the snapshot is given it directly.
        var store = site.Services.GetRequiredService<ContentStore>();
        store.Swap(store.Current with
        {
            Version = "with-analytics",
            Site = store.Current.Site with { Analytics = new AnalyticsSettings("umami", ["https://umami.example.org"], ImmutableArray<string>.Empty) },
        });
        using var after = await client.GetAsync("/css/site.css");

        Assert.StartsWith("default-src 'self'; script-src 'self' https://umami.example.org; object-src 'none'",
            string.Join(",", after.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    private static async Task<System.Net.Http.Headers.HttpResponseHeaders> HeadersAsync(SiteFactory site, string baseAddress)
    {
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers;
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        string One(string name) => string.Join(",", response.Headers.GetValues(name));
        Assert.Equal(StrictPolicy, One("Content-Security-Policy"));
        Assert.Equal("nosniff", One("X-Content-Type-Options"));
        Assert.Equal("DENY", One("X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", One("Referrer-Policy"));
        Assert.Equal("same-origin", One("Cross-Origin-Opener-Policy"));
        var permissions = One("Permissions-Policy").Split(", ");
        Assert.Superset(
            new HashSet<string> { "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()", "interest-cohort=()" },
            permissions.ToHashSet());
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("X-Powered-By"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
