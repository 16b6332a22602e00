using System.Net;
using System.Text.Json;
using System.Xml;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using ProfileSite.Content;
using ProfileSite.Content.Discovery;
using ProfileSite.Content.Loading;
using ProfileSite.Publishing;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Publishing;

/// <summary>
/// What a snapshot can serve is built and verified when the snapshot is made: text no document
/// can carry never reaches a request (documents are well-formed by construction), and a snapshot
/// whose pages cannot be built is refused whole while the last good one keeps serving.
/// </summary>
public sealed class PublishVerificationTests : IDisposable
{
    private static readonly string[] Routes =
        ["/", "/publications", "/publications/2024-flows", "/publications/2024-flows.bib", "/publications.bib", "/publications.json",
         "/feed.xml", "/sitemap.xml", "/robots.txt", "/site.webmanifest"];

    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    [Theory]
    [InlineData("\f")]
    [InlineData("\u0001")]
    [InlineData("\u0008")]
    [InlineData("\uFFFE")]
    [InlineData("\uFFFF")]
    [InlineData("]]>")]
    public async Task ControlCharactersInNewsAndTitles_EveryRouteStillAnswers_AndEveryDocumentParses(string hostile)
    {
        // A form feed pasted from a PDF used to make the Atom writer throw: every page answered an empty 500.
        var escaped = JsonSerializer.Serialize(hostile); // a YAML double-quoted string takes JSON escapes
        _content.Write("news.yaml", $"- date: 2025.01\n  text: {escaped[..^1]}pasted from a PDF{escaped[1..]}\n");
        _content.Write("publications/2024-flows.md", $"""
            ---
            title: {escaped[..^1]}Faster Flows{escaped[1..]}
            authors: [Ada Example]
            date: 2024-09
            ---
            The abstract.
            """);
        if (_content.Load() is { Succeeded: false } refused)
        {
            // Refusing such text where the owner wrote it is the other acceptable answer.
            Assert.All(refused.Problems.Where(p => p.IsError), p => Assert.True(p.Line > 0, p.ToString()));
            return;
        }

        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        foreach (var route in Routes)
        {
            using var response = await client.GetAsync(route);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route} answered {(int)response.StatusCode}");
            var type = response.Content.Headers.ContentType!.MediaType!;
            if (type.Contains("xml", StringComparison.Ordinal))
            {
                new XmlDocument().LoadXml(body);
            }
            else if (type.Contains("json", StringComparison.Ordinal))
            {
                using var _ = JsonDocument.Parse(body);
            }
            else if (type == "text/html")
            {
                var page = new HtmlParser().ParseDocument(body);
                foreach (var block in page.QuerySelectorAll("script[type='application/ld+json']"))
                {
                    using var _ = JsonDocument.Parse(block.TextContent);
                }
            }
        }

        var feed = new XmlDocument();
        feed.LoadXml(await client.GetStringAsync("/feed.xml"));
        Assert.Contains(feed.GetElementsByTagName("title").Cast<XmlElement>(), t => t.InnerText.Contains("pasted from a PDF", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LongWordInATitle_EveryRouteAnswersWithinAMinute()
    {
        // Checking the image variants a page names read every long run of text without spaces once per letter:
        // a 10,000-letter "word" pasted into a title held the start (and each live reload) for minutes.
        var word = new string('x', 30_000);
        _content.Write("publications/2024-flows.md", $"---\ntitle: Faster Flows {word}\nauthors: [Ada Example]\ndate: 2024-09\nimage: images/flows.png\n---\nThe abstract.\n");

        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        await Task.Run(async () =>
        {
            foreach (var route in Routes)
            {
                using var response = await client.GetAsync(route);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route} answered {(int)response.StatusCode}");
            }
        }).WaitAsync(TimeSpan.FromMinutes(1));
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/publications/2024-flows"));
        Assert.Contains(word, page.GetElementById("paper-title")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SnapshotThatCannotBePublished_IsRefused_AndTheLastGoodKeepsServing()
    {
        var breaker = new BreakPagesOf("Grace Broken");
        await using var site = new SiteFactory(_content) { Configure = b => b.ConfigureServices(s => s.AddPageFilter(breaker)) };
        await site.WaitUntilPublishedAsync();
        using var client = site.CreateClient();
        var store = site.Services.GetRequiredService<ContentStore>();
        var before = store.Current.Version;

        _content.Write("profile.yaml", "name: Grace Broken\n");
        var broken = ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath)).Content!;
        var errors = store.Swap(broken);

        Assert.Contains(errors, e => e.ToString() == "content/: error: / could not be built: this content breaks the page");
        Assert.Contains(errors, e => e.File == "content/publications/2024-flows.md" && e.Message.StartsWith("/publications/2024-flows ", StringComparison.Ordinal));
        Assert.Equal(before, store.Current.Version);
        foreach (var route in Routes)
        {
            using var response = await client.GetAsync(route);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal("Ada Example", (await site.GetDocumentAsync("/")).QuerySelector("aside h1")!.TextContent);
    }

    [Fact]
    public void Feed_WithEveryCharacterXmlForbids_IsWellFormedByConstruction()
    {
        var content = _content.LoadValid();
        var hostile = string.Concat(Enumerable.Range(0, 32).Select(c => (char)c)) + "\uFFFE\uFFFF\uD800 lone and ]]> --> <end>";
        content = content with
        {
            News = [new NewsItem(content.News[0].Date, "<p>" + hostile + "</p>")],
            Profile = content.Profile with { Name = "Ada" + hostile },
            Site = content.Site with { Title = "Title" + hostile, Description = hostile },
        };

        var discovery = SiteDiscovery.Build(content, new Uri("https://ada.example.org/"), DiscoveryPages.AboutOnly);

        var feed = new XmlDocument();
        feed.Load(new MemoryStream(discovery.Feed));
        new XmlDocument().Load(new MemoryStream(discovery.Sitemap));
        using var manifest = JsonDocument.Parse(discovery.Manifest);
        using var jsonLd = JsonDocument.Parse(discovery.AboutJsonLd);
        Assert.Contains("lone and ]]> --> <end>", feed.DocumentElement!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RefusesDocumentsThatDoNotParse()
    {
        Assert.Null(Publisher.Verify("<a/>"u8.ToArray(), "application/xml"));
        Assert.NotNull(Publisher.Verify("<a>"u8.ToArray(), "application/atom+xml"));
        Assert.NotNull(Publisher.Verify("{"u8.ToArray(), "application/json"));
        Assert.NotNull(Publisher.Verify("<script type=\"application/ld+json\">{\"a\":</script>"u8.ToArray(), "text/html; charset=utf-8"));
        Assert.Null(Publisher.Verify("<script type=\"application/ld+json\">{\"a\":1}</script>"u8.ToArray(), "text/html; charset=utf-8"));
    }

    /// <summary>Throws while rendering any page of a snapshot whose owner has this name: a bug only that content meets.</summary>
    private sealed class BreakPagesOf(string name) : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
            context.HttpContext.RequestServices.GetRequiredService<SiteContent>().Profile.Name == name
                ? throw new InvalidOperationException("this content breaks the page")
                : next();
    }
}
