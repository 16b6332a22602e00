using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Hosting;

/// <summary>
/// Behind a reverse proxy: what the app believes about the visitor (scheme, host, address) comes
/// from X-Forwarded-* only when the connection is from a trusted proxy. Observed on the request
/// as the pipeline left it.
/// </summary>
public sealed class ProxyTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.1.2.3");
    private static readonly IPAddress Visitor = IPAddress.Parse("203.0.113.9");

    [Fact]
    public async Task TrustedProxyNetwork_SchemeHostAndClientAddressAreTheForwardedOnes()
    {
        using var content = new TestContent();
        await using var site = Site(content, ("ProfileSite:KnownNetworks:0", "10.1.0.0/16"));

        var seen = await SendAsync(site, from: Proxy);

        Assert.Equal(200, seen.Response.StatusCode);
        Assert.Equal("https", seen.Request.Scheme);
        Assert.Equal("www.example.org", seen.Request.Host.Value);
        Assert.Equal(Visitor, seen.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task TrustedProxyAddress_IsBelievedToo()
    {
        using var content = new TestContent();
        await using var site = Site(content, ("ProfileSite:KnownProxies:0", "10.1.2.3"));

        var seen = await SendAsync(site, from: Proxy);

        Assert.Equal("https", seen.Request.Scheme);
        Assert.Equal(Visitor, seen.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task UntrustedProxy_ForwardedHeadersAreIgnored()
    {
        using var content = new TestContent();
        await using var site = Site(content, ("ProfileSite:KnownNetworks:0", "10.9.0.0/16"));

        var seen = await SendAsync(site, from: Proxy);

        Assert.Equal(200, seen.Response.StatusCode);
        Assert.Equal("http", seen.Request.Scheme);
        Assert.Equal("localhost", seen.Request.Host.Value);
        Assert.Equal(Proxy, seen.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task ByDefault_OnlyLoopbackIsTrusted()
    {
        using var content = new TestContent();
        await using var site = Site(content);

        var fromLan = await SendAsync(site, from: Proxy);
        var fromLoopback = await SendAsync(site, from: IPAddress.Loopback);

        Assert.Equal("http", fromLan.Request.Scheme);
        Assert.Equal(Proxy, fromLan.Connection.RemoteIpAddress);
        Assert.Equal("https", fromLoopback.Request.Scheme);
        Assert.Equal(Visitor, fromLoopback.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task HttpsRedirection_IsOffByDefault()
    {
        using var content = new TestContent();
        await using var site = Site(content);

        var seen = await SendAsync(site, from: Proxy, forwardedProto: null);

        Assert.Equal(200, seen.Response.StatusCode);
    }

    [Fact]
    public async Task HttpsRedirection_WhenOn_RedirectsPlainHttpButNotWhatATrustedProxyForwardsAsHttps()
    {
        using var content = new TestContent();
        await using var site = Site(content, ("ProfileSite:HttpsRedirection", "true"), ("ProfileSite:KnownProxies:0", "10.1.2.3"));

        var direct = await SendAsync(site, from: IPAddress.Parse("198.51.100.7"));
        var viaProxy = await SendAsync(site, from: Proxy);

        Assert.Equal(307, direct.Response.StatusCode);
        Assert.Equal("https://localhost/", direct.Response.Headers.Location.ToString());
        Assert.Equal(200, viaProxy.Response.StatusCode);
    }

    [Fact]
    public async Task InvalidProxyNetwork_StopsTheStartNamingTheValue()
    {
        using var content = new TestContent();

        await using var app = AppProcess.Start(
            $"--ProfileSite:ContentPath={content.ContentPath}", $"--ProfileSite:WebRootPath={content.WebRootPath}",
            "--ProfileSite:KnownNetworks:0=10.1.0.0/99");
        var exitCode = await app.WaitForExitAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("error: ProfileSite:KnownNetworks: '10.1.0.0/99' is not a network in CIDR form", app.StandardError);
        Assert.DoesNotContain("   at ", app.StandardError + app.StandardOutput);
    }

    private static WebApplicationFactory<Program> Site(TestContent content, params (string Key, string Value)[] settings) =>
        new SiteFactory(content).WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    /// <summary>GET / arriving from <paramref name="from"/> with the headers a TLS-terminating proxy adds.</summary>
    private static Task<HttpContext> SendAsync(WebApplicationFactory<Program> site, IPAddress from, string? forwardedProto = "https") =>
        site.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("localhost");
            context.Request.Path = "/";
            context.Connection.RemoteIpAddress = from;
            context.Request.Headers["X-Forwarded-For"] = Visitor.ToString();
            context.Request.Headers["X-Forwarded-Host"] = "www.example.org";
            if (forwardedProto is not null)
            {
                context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            }
        });
}
