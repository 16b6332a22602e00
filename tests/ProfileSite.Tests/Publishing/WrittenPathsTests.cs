using System.Net;
using System.Xml;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Publishing;

/// <summary>
/// A relative path the owner writes (a Markdown image or link, <c>image:</c>, <c>avatar:</c>) is
/// taken from the web root, as <c>check</c> resolves it, on every page that shows it: the About
/// page, a paper's own page below /publications/, the feed, and under a base path. (It used to
/// resolve against each page's own address: /publications/images/fig.png, a 404.)
/// </summary>
public sealed class WrittenPathsTests : IDisposable
{
    private readonly TestContent _content = new();

    public WrittenPathsTests()
    {
        _content.WriteImage("images/fig.png", 40, 30);
        Directory.CreateDirectory(Path.Combine(_content.WebRootPath, "files"));
        File.WriteAllText(Path.Combine(_content.WebRootPath, "files", "poster v2.pdf"), "%PDF-1.4 poster\n");
        const string Body = "![Overview](images/fig.png) and the [poster](files/poster%20v2.pdf).";
        _content.Write("about.md", Body + "\n");
        _content.Write("news.yaml", $"- date: 2024.09\n  text: \"{Body}\"\n");
        _content.Write("publications/2024-flows.md", $"""
            ---
            title: Faster Flows in Sparse Graphs
            authors: [Ada Example]
            date: 2024-09
            image: ./images/flows.png
            summary: "{Body}"
            ---
            {Body}
            """);
    }

    /// <summary>A variant of images/fig.png under its hashed immutable address (see ImageVariant.Url).</summary>
    private const string Variant = @"/variants/[0-9a-f]{16}/fig-[0-9]+\.(avif|webp|jpg|png)";

    public void Dispose() => _content.Dispose();

    private static async Task IdleAsync(SiteFactory site)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await site.Services.GetRequiredService<ProfileSite.Images.VariantGenerator>().WhenIdleAsync(timeout.Token);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/repo")]
    public async Task RelativePaths_ResolveAtTheWebRoot_OnEveryPage(string basePath)
    {
        await using var site = new SiteFactory(_content) { Configure = b => b.UseSetting("ProfileSite:BasePath", basePath) };
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://localhost{basePath}/") });
        await IdleAsync(site);
        // The original's own address serves the clean whole copy the pipeline made of it.
        using (var original = await client.GetAsync("images/fig.png"))
        {
            Assert.Equal(HttpStatusCode.OK, original.StatusCode);
            Assert.Equal("image/png", original.Content.Headers.ContentType?.MediaType);
        }

        foreach (var page in new[] { "", "publications/2024-flows", "publications" })
        {
            var document = new HtmlParser().ParseDocument(await client.GetStringAsync(page));
            var images = document.QuerySelectorAll("img[alt=Overview]").Select(i => i.GetAttribute("src")!).ToList();
            var posters = document.QuerySelectorAll("a").Where(a => a.TextContent == "poster").Select(a => a.GetAttribute("href")!).ToList();
            Assert.True(images.Count + posters.Count > 0 || page == "publications", $"nothing written on /{page}");
            foreach (var src in images)
            {
                Assert.Matches($"^{basePath}{Variant}$", src);
            }

            foreach (var href in posters)
            {
                Assert.Equal($"{basePath}/files/poster%20v2.pdf", href);
                using var response = await client.GetAsync(href);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            var candidates = document.QuerySelectorAll("img").Select(i => i.GetAttribute("src")!)
                .Concat(document.QuerySelectorAll("source, img[srcset]").SelectMany(e => e.GetAttribute("srcset")!.Split(", ").Select(c => c.Split(' ')[0])));
            foreach (var src in candidates)
            {
                using var response = await client.GetAsync(src);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{src} on /{page} answered {(int)response.StatusCode}");
                Assert.StartsWith("image/", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task RelativePaths_InTheFeed_ResolveAgainstItsBaseToTheWebRoot()
    {
        await using var site = new SiteFactory(_content) { Configure = b => b.UseSetting("ProfileSite:BasePath", "/repo") };
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost/repo/") });
        await IdleAsync(site);
        var feed = new XmlDocument();
        feed.LoadXml(await client.GetStringAsync("feed.xml"));
        var xmlBase = new Uri(feed.DocumentElement!.GetAttribute("xml:base"));

        var contents = feed.GetElementsByTagName("content").Cast<XmlElement>().Select(c => new HtmlParser().ParseFragment(c.InnerText, null!)).ToList();
        var sources = contents.SelectMany(nodes => nodes.OfType<AngleSharp.Dom.IElement>())
            .SelectMany(e => e.QuerySelectorAll("img").Prepend(e).Where(x => x.LocalName == "img"))
            .Select(i => new Uri(xmlBase, i.GetAttribute("src")!))
            .ToList();

        Assert.NotEmpty(sources);
        foreach (var src in sources)
        {
            // The site's url from site.yaml is the host; the path must name the file on this site.
            Assert.Matches($"^/repo{Variant}$", src.AbsolutePath);
            using var response = await client.GetAsync(src.AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
