using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using ProfileSite.Content;
using ProfileSite.Content.Discovery;
using ProfileSite.Content.Loading;
using ProfileSite.Hosting;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content;

/// <summary>The discovery documents built from a snapshot, without a host.</summary>
public sealed class SiteDiscoveryTests : IDisposable
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly Uri Base = new("https://ada.example.org/~ada/");

    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private SiteContent Load() => ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath)).Content!;

    [Fact]
    public void Sitemap_WithPublicationPages_ListsEveryPaperWithItsOwnTime()
    {
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var file in Directory.EnumerateFiles(_content.Root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, old);
        }

        File.SetLastWriteTimeUtc(Path.Combine(_content.ContentPath, "publications", "2022-cuts.md"), old.AddDays(3));
        File.SetLastWriteTimeUtc(Path.Combine(_content.WebRootPath, "images", "flows.png"), old.AddDays(2));

        var discovery = SiteDiscovery.Build(Load(), Base, new DiscoveryPages(true, true));
        var urls = XDocument.Parse(System.Text.Encoding.UTF8.GetString(discovery.Sitemap)).Root!.Elements(Sitemap + "url")
            .Select(u => (u.Element(Sitemap + "loc")!.Value, u.Element(Sitemap + "lastmod")!.Value));

        Assert.Equal(
            [
                ("https://ada.example.org/~ada/", "2020-01-04T00:00:00Z"),
                ("https://ada.example.org/~ada/publications", "2020-01-04T00:00:00Z"),
                ("https://ada.example.org/~ada/publications/2024-flows", "2020-01-03T00:00:00Z"),
                ("https://ada.example.org/~ada/publications/2022-cuts", "2020-01-04T00:00:00Z"),
            ],
            urls);
    }

    [Fact]
    public void Feed_WithPublicationPages_LinksPapersToTheirOwnPage()
    {
        var discovery = SiteDiscovery.Build(Load(), Base, new DiscoveryPages(true, true));

        var links = XDocument.Parse(System.Text.Encoding.UTF8.GetString(discovery.Feed)).Root!.Elements(Atom + "entry")
            .Select(e => (string)e.Element(Atom + "link")!.Attribute("href")!);

        Assert.Contains("https://ada.example.org/~ada/publications/2024-flows", links);
        Assert.Contains("https://ada.example.org/~ada/#news", links);
    }

    [Fact]
    public void Head_WideFigure_IsALargeCardWithAbsoluteImage()
    {
        var content = Load();
        var discovery = SiteDiscovery.Build(content, Base, DiscoveryPages.AboutOnly);

        var head = discovery.Head("Faster Flows", "About flows", "/publications/2024-flows", content.Publications[0].Image, "article");

        Assert.Equal("https://ada.example.org/~ada/publications/2024-flows", head.Canonical);
        Assert.Equal("https://ada.example.org/~ada" + _content.Asset("images/flows.png"), head.Image);
        Assert.Equal("summary_large_image", head.TwitterCard);
        Assert.Equal("Faster Flows", head.ImageAlt);
        Assert.False(head.NoIndex);
    }

    [Fact]
    public void Build_RelativeBase_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => SiteDiscovery.Build(Load(), new Uri("https://ada.example.org/sub"), DiscoveryPages.AboutOnly));
    }

    [Theory]
    [InlineData("Ph.D., School of Mathematical Sciences, Shanghai Jiao Tong University.", "Shanghai Jiao Tong University")]
    [InlineData("B.Sc. in Physics, Université de Genève", "Université de Genève")]
    [InlineData("Visiting student at MIT", "Visiting student at MIT")]
    [InlineData("清华大学 本科", "清华大学 本科")]
    [InlineData("Summer internship at Example Labs", null)]
    public void Alumni_ReadsTheInstitutionWhereItCan(string text, string? expected)
    {
        Assert.Equal(expected, Alumni.School(text));
    }

    [Fact]
    public void Alumni_SkipsOngoingDegreesAndDuplicates()
    {
        var section = new DatedSection("educations", "Educations", null,
        [
            new DatedItem(new DateRange(new PartialDate(2021, 9, null), null, true), "Ph.D., Example University."),
            new DatedItem(new DateRange(new PartialDate(2017, 9, null), new PartialDate(2021, 6, null), false), "B.Sc., <em>Zhiyuan College</em>, Example University."),
            new DatedItem(new DateRange(new PartialDate(2015, 9, null), new PartialDate(2017, 6, null), false), "Exchange, Example University."),
        ]);

        Assert.Equal(["Example University"], Alumni.Of([section]).ToArray());
    }

    [Fact]
    public void DetectPages_FindsPublicationRoutesWhenTheyExist()
    {
        static RouteEndpoint Route(string pattern) =>
            new(_ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0, EndpointMetadataCollection.Empty, pattern);

        Assert.Equal(DiscoveryPages.AboutOnly, DiscoveryCache.DetectPages([Route("/"), Route("/error/{code:int?}"), Route("/publications/{*rest}")]));
        Assert.Equal(new DiscoveryPages(true, false), DiscoveryCache.DetectPages([Route("/Publications")]));
        Assert.Equal(new DiscoveryPages(true, true), DiscoveryCache.DetectPages([Route("/publications"), Route("/publications/{slug}")]));
    }

    [Fact]
    public void Cache_BuildsOncePerSnapshotAndBase()
    {
        var content = Load();
        var cache = new DiscoveryCache(new DefaultEndpointDataSource());

        var first = cache.For(content, Base);

        Assert.Same(first, cache.For(content, Base));
        Assert.NotSame(first, cache.For(content, new Uri("http://localhost/")));
        Assert.NotSame(first, cache.For(content with { Version = "other" }, Base));
    }

    [Fact]
    public void BaseUrl_FromSiteYamlWinsOverTheRequest()
    {
        var content = Load();
        var http = new DefaultHttpContext();
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("evil.example", 8080);

        Assert.Equal(new Uri("https://ada.example.org/"), DiscoveryCache.BaseUrl(content, http.Request));
        Assert.Equal(new Uri("http://evil.example:8080/"), DiscoveryCache.BaseUrl(content with { Site = content.Site with { BaseUrl = null } }, http.Request));
    }
}
