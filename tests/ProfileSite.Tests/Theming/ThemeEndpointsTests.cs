using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Theming;

/// <summary>GET /theme: the no-JavaScript theme toggle. The browser suite drives it for real; these pin the edges.</summary>
public sealed class ThemeEndpointsTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private static async Task<HttpResponseMessage> SendAsync(SiteFactory site, string set, string returnPath)
    {
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"/theme?set={Uri.EscapeDataString(set)}&return={Uri.EscapeDataString(returnPath)}");
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task ThemeRequest_SetsAYearLongLaxCookieAndRedirectsBack()
    {
        await using var site = new SiteFactory(_content);

        using var response = await SendAsync(site, "dark", "/publications?tag=x");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/publications?tag=x", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("theme=dark;", cookie, StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task ThemeRequest_NeverRedirectsOffTheSite(string returnPath)
    {
        await using var site = new SiteFactory(_content);

        using var response = await SendAsync(site, "light", returnPath);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ThemeRequest_SystemForgetsTheChoice()
    {
        await using var site = new SiteFactory(_content);

        using var response = await SendAsync(site, "system", "/");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("theme=;", cookie, StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ThemeRequest_UnknownThemeIsABadRequest()
    {
        await using var site = new SiteFactory(_content);

        using var response = await SendAsync(site, "purple", "/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("dark", "dark")]
    [InlineData("light", "light")]
    [InlineData("purple", "system")]
    public async Task About_RendersTheRememberedThemeOnTheHtmlElement(string cookie, string attribute)
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"theme={cookie}");

        var html = await client.GetStringAsync("/");

        Assert.Contains($"<html lang=\"en\" dir=\"ltr\" data-theme=\"{attribute}\">", html, StringComparison.Ordinal);
    }
}
