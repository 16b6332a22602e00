using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Hosting;

/// <summary>
/// Regression for issue 13: one form feed (text pasted from a PDF) in a paper title or a news
/// item made every route answer an empty 500, because the Atom writer threw on it.
/// </summary>
public sealed class ControlCharacterRoutesTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    [Theory]
    [InlineData("\u000C")]
    [InlineData("\u0001")]
    [InlineData("\u001B[31m")]
    [InlineData("\u0085")]
    [InlineData("\uFFFE")]
    [InlineData("\u202E")]
    [InlineData("&#12;")]
    public async Task EveryRoute_Answers_WhenNewsAndTitlesCarryAControlCharacter(string written)
    {
        _content.Write("news.yaml", $"- date: 2024.09\n  text: \"Accepted{written}to NeurIPS\"\n");
        _content.Write("publications/2022-cuts.md", $"---\ntitle: Cuts{written}and Where to Find Them\nauthors: [Dan Other]\nyear: 2022\n---\nThe{written}abstract.\n");
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/", "/publications", "/publications/2022-cuts", "/publications.bib", "/publications.json", "/sitemap.xml", "/robots.txt", "/site.webmanifest", "/feed.xml" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }

        var feed = XDocument.Parse(await client.GetStringAsync("/feed.xml"));
        Assert.Contains(feed.Descendants(), e => e.Value.Contains("Cuts", StringComparison.Ordinal));
        Assert.DoesNotContain("Cuts" + written, await client.GetStringAsync("/publications/2022-cuts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ReportsTheFormFeed_WithItsPosition()
    {
        _content.Write("news.yaml", "- date: 2024.09\n  text: \"Accepted\u000Cto NeurIPS\"\n");

        var result = await AppCommand.RunAsync(["check", "--content", _content.ContentPath, "--webroot", _content.WebRootPath]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("content/news.yaml:2:18: warning: U+000C FORM FEED", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }
}
