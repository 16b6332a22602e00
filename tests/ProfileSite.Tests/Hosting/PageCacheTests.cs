using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ProfileSite.Content;
using ProfileSite.Content.Loading;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Hosting;

/// <summary>
/// Whole pages built once per content version and theme when the snapshot is published (not per
/// request), with ETag = the version (and the theme).
/// </summary>
public sealed class PageCacheTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task Page_IsRenderedOncePerVersionAndTheme_WhenPublished_NotPerRequest()
    {
        var gate = new GatePageFilter();
        await using var site = new SiteFactory(_content) { Configure = b => b.ConfigureServices(s => s.AddPageFilter(gate)) };
        using var client = site.CreateClient();
        await site.WaitUntilPublishedAsync();
        var version = site.Services.GetRequiredService<ContentStore>().Current.Version;
        Assert.Equal(3, gate.Renders); // the device's theme, light and dark

        using var first = await client.GetAsync("/");
        using var second = await client.GetAsync("/");

        Assert.Equal(3, gate.Renders);
        Assert.Equal($"\"{version}\"", first.Headers.ETag!.Tag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal("no-cache", first.Headers.CacheControl!.ToString());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MatchingIfNoneMatch_Gets304WithoutABody()
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();
        using var first = await client.GetAsync("/");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { { "If-None-Match", first.Headers.ETag!.Tag } } };
        using var revalidated = await client.SendAsync(request);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { { "If-None-Match", "\"an-old-version\"" } } };
        using var changed = await client.SendAsync(stale);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, revalidated.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task NewSnapshot_IsServedAtOnce_UnderANewETag()
    {
        var gate = new GatePageFilter();
        // The test swaps the snapshot itself; the file watcher would load a second one (with image facts) meanwhile.
        await using var site = new SiteFactory(_content)
        {
            Configure = b => b.UseSetting("ProfileSite:Reload", "false").ConfigureServices(s => s.AddPageFilter(gate)),
        };
        using var client = site.CreateClient();
        await site.WaitUntilPublishedAsync();
        using var before = await client.GetAsync("/");

        _content.Write("profile.yaml", "name: Grace Renamed\n");
        var reloaded = ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath)).Content!;
        Assert.Empty(site.Services.GetRequiredService<ContentStore>().Swap(reloaded));
        using var after = await client.GetAsync("/");

        Assert.Equal(6, gate.Renders); // each snapshot's three themes, once
        Assert.Equal($"\"{reloaded.Version}\"", after.Headers.ETag!.Tag);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        var page = new HtmlParser().ParseDocument(await after.Content.ReadAsStringAsync());
        Assert.Equal("Grace Renamed", page.QuerySelector("aside h1")!.TextContent);
    }

    [Fact]
    public async Task ThemeCookie_IsItsOwnCacheEntry_AndStrangeValuesShareTheSystemEntry()
    {
        var gate = new GatePageFilter();
        await using var site = new SiteFactory(_content) { Configure = b => b.ConfigureServices(s => s.AddPageFilter(gate)) };
        using var client = site.CreateClient();
        await site.WaitUntilPublishedAsync();
        var version = site.Services.GetRequiredService<ContentStore>().Current.Version;

        using var plain = await GetWithCookieAsync(client, null);
        using var dark = await GetWithCookieAsync(client, "theme=dark");
        using var darkAgain = await GetWithCookieAsync(client, "theme=dark");
        Assert.Equal(3, gate.Renders);
        Assert.Equal($"\"{version}\"", plain.Headers.ETag!.Tag);
        Assert.Equal($"\"{version}-dark\"", dark.Headers.ETag!.Tag);

        // A value the toggle never writes renders as "follow the device", so it is the plain entry:
        // no new render, and no way for a scanner to grow the cache with made-up cookies.
        using var odd = await GetWithCookieAsync(client, "theme=%3Cscript%3E");
        using var system = await GetWithCookieAsync(client, "theme=system");
        Assert.Equal(3, gate.Renders);
        Assert.Equal($"\"{version}\"", odd.Headers.ETag!.Tag);
        Assert.Equal($"\"{version}\"", system.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
    }

    [Fact]
    public async Task CachePagesOff_RendersEveryTime_WithoutETag()
    {
        var gate = new GatePageFilter();
        await using var site = new SiteFactory(_content)
        {
            Configure = b => b.UseSetting("ProfileSite:CachePages", "false").ConfigureServices(s => s.AddPageFilter(gate)),
        };
        using var client = site.CreateClient();
        await site.WaitUntilPublishedAsync(); // still built once, to verify the snapshot

        using var first = await client.GetAsync("/");
        using var second = await client.GetAsync("/");

        Assert.Equal(5, gate.Renders);
        Assert.Null(second.Headers.ETag);
    }

    [Fact]
    public async Task ErrorPages_AreNeverCachedOrTagged()
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        using var missing = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Null(missing.Headers.ETag);
    }

    private static Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string? cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return client.SendAsync(request);
    }
}
