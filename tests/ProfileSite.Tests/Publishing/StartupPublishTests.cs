using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProfileSite.Content;
using ProfileSite.Publishing;
using ProfileSite.Tests.Support;
using ProfileSite.Theming;

namespace ProfileSite.Tests.Publishing;

/// <summary>
/// The first visitors after a start: the startup snapshot is published in the background, and a
/// request for a page the publisher has not built yet waits for that page only. It gets the
/// published bytes, never a page rendered on the side, and the publish builds and verifies everything.
/// </summary>
public sealed class StartupPublishTests : IDisposable
{
    private const int Papers = 30;
    private readonly TestContent _content = new();

    public StartupPublishTests()
    {
        for (var i = 0; i < Papers; i++)
        {
            _content.Write($"publications/2020-paper-{i:00}.md", $"""
                ---
                title: Paper Number {i}
                authors: [Ada Example, Bob Coauthor]
                venue: Workshop {i}
                year: 2020
                tags: [topic-{i % 4}]
                ---
                The abstract of paper {i}.
                """);
        }
    }

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task RequestsDuringTheStartupPublish_GetThePublishedBytes_InEveryTheme()
    {
        await using var site = new SiteFactory(_content);
        var store = site.Services.GetRequiredService<ContentStore>(); // starts the server: publishing begins
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (store.Published is null)
            {
                await Task.Delay(1, timeout.Token);
            }
        }

        Assert.False(store.StartupPublished.IsCompleted, "the publish ended before the test could ask; the test proves nothing");
        var version = store.Current.Version;
        // The pages the publisher reaches last first: the dark theme of the last papers.
        var paths = store.Current.PublicationIndex.Pages.Values.Select(p => p.Path).Order(StringComparer.Ordinal).Reverse().ToList();
        var asks = (from theme in (string[])["dark", "light", ""] from path in paths select (path, theme)).ToList();

        var during = await Task.WhenAll(asks.Select(ask => GetAsync(site, ask.path, ask.theme)));
        await site.WaitUntilPublishedAsync();
        var after = await Task.WhenAll(asks.Select(ask => GetAsync(site, ask.path, ask.theme)));

        Assert.Null(site.Services.GetRequiredService<ContentReloadStatus>().Failure);
        Assert.Equal(Papers + 2, paths.Count);
        for (var i = 0; i < asks.Count; i++)
        {
            var (path, theme) = asks[i];
            Assert.True(during[i].Status == HttpStatusCode.OK, $"{path} ({theme}) answered {during[i].Status} while publishing");
            Assert.True(Publisher.PageETag(version, theme) == during[i].ETag, $"{path} ({theme}) was not answered from published bytes: ETag {during[i].ETag}");
            Assert.Equal(after[i].ETag, during[i].ETag);
            Assert.True(after[i].Body == during[i].Body, $"{path} ({theme}) differs from its published page");
        }
    }

    private static async Task<(HttpStatusCode Status, string? ETag, string Body)> GetAsync(SiteFactory site, string path, string theme)
    {
        using var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (theme.Length > 0)
        {
            request.Headers.Add("Cookie", $"{ThemeChoice.CookieName}={theme}");
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Headers.ETag?.Tag, await response.Content.ReadAsStringAsync());
    }
}
