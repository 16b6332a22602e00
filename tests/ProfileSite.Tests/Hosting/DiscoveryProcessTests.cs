using System.Xml.Linq;
using AngleSharp.Html.Parser;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Hosting;

/// <summary>The shipped example site as a real process: what a crawler and a feed reader get from a fresh clone.</summary>
public sealed class DiscoveryProcessTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task ShippedSite_WithoutUrl_WarnsAtStartupAndLinksToWhereItWasReached()
    {
        await using var app = AppProcess.Start();
        await app.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var home = app.BaseAddress.AbsoluteUri;

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        var feed = XDocument.Parse(await client.GetStringAsync("/feed.xml")).Root!;
        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml")).Root!;

        Assert.Contains("content/site.yaml: warning: 'url' is not set; canonical and feed links are derived from each request", app.StandardOutput + app.StandardError);
        Assert.Equal(home, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        // The JPEG preview made from the SVG avatar (previews ignore SVG), at the address the request came to.
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(home) + "variants/[0-9a-f]{16}/avatar-og\\.jpg$", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal(home, sitemap.Element(Sitemap + "url")!.Element(Sitemap + "loc")!.Value);
        var ids = feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();
        Assert.Equal(9, ids.Count); // four news items, five papers
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
