using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Pages;

/// <summary>The About page as a visitor sees it, parsed from the served HTML.</summary>
public sealed class IndexTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private async Task<IHtmlDocument> GetHomeAsync()
    {
        await using var site = new SiteFactory(_content);
        return await site.GetDocumentAsync("/");
    }

    [Fact]
    public async Task About_HasTitleLanguageAndDescription()
    {
        var page = await GetHomeAsync();

        Assert.Equal("Ada Example - Homepage", page.Title);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Ada Example studies graph algorithms.", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task About_TopBarLinksToEverySectionPresent()
    {
        _content.Write("sections/20-educations.yaml", "title: Educations\nicon: 📖\nitems:\n  - date: 2021.09 - now\n    text: Ph.D.\n");

        var page = await GetHomeAsync();

        var links = page.QuerySelectorAll("header nav a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToArray();
        Assert.Equal([("About Me", "/#about-me"), ("News", "/#news"), ("Publications", "/#publications"), ("Educations", "/#educations")], links);
        foreach (var (_, href) in links)
        {
            Assert.NotNull(page.GetElementById(href![2..]));
        }
    }

    [Fact]
    public async Task About_FirstFrameWaitsUntilTopBarAndProfileAreParsed()
    {
        var page = await GetHomeAsync();

        // One render-blocking "expect" link in the head, naming the profile by its id: the browser paints
        // nothing until that element is parsed whole, so the top bar and profile never show half-parsed.
        var expect = Assert.Single(page.Head!.QuerySelectorAll("link[rel=expect]"));
        Assert.Equal("render", expect.GetAttribute("blocking"));
        var target = page.GetElementById(expect.GetAttribute("href")!.TrimStart('#'))!;
        Assert.Equal("ASIDE", target.TagName);
        Assert.NotNull(target.QuerySelector(".profile"));
        Assert.Equal(DocumentPositions.Following, page.QuerySelector("header.masthead")!.CompareDocumentPosition(target) & DocumentPositions.Following);
    }

    [Fact]
    public async Task About_SidebarShowsTheProfile()
    {
        var page = await GetHomeAsync();
        var sidebar = page.QuerySelector("aside")!;

        Assert.Equal("Ada Example", sidebar.QuerySelector("h1")!.TextContent);
        var avatar = (IHtmlImageElement)sidebar.QuerySelector("img.avatar")!;
        // A JPEG made from the PNG (no transparency), inside a <picture> offering AVIF and WebP first.
        Assert.Matches(@"^/variants/[0-9a-f]{16}/avatar-64\.jpg$", avatar.GetAttribute("src"));
        Assert.Equal(["image/avif", "image/webp"], avatar.ParentElement!.QuerySelectorAll("source").Select(s => s.GetAttribute("type")));
        Assert.Equal("64", avatar.GetAttribute("width"));
        Assert.Equal("high", avatar.GetAttribute("fetchpriority"));
        Assert.Null(avatar.GetAttribute("loading"));
        Assert.Equal("Photo of Ada Example", avatar.AlternativeText);
        Assert.Equal("Professor of Computer Science", sidebar.QuerySelector(".profile-bio")!.TextContent);
        var facts = sidebar.QuerySelectorAll(".profile-facts li").Select(li => li.TextContent.Trim()).ToArray();
        Assert.Contains("Location: Zurich, Switzerland", facts);
        Assert.Contains("Employer: Example University", facts.Select(f => string.Join(' ', f.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))));
        Assert.Equal("mailto:ada@example.org", sidebar.QuerySelector("a[href^='mailto:']")!.GetAttribute("href"));
        var profileLinks = sidebar.QuerySelectorAll("a[rel=me]").Select(a => (a.TextContent, a.GetAttribute("href"))).ToArray();
        Assert.Equal(
            [("Google Scholar", "https://scholar.google.com/citations?user=ABCDEFGAAAAJ"), ("GitHub", "https://github.com/ada-example"), ("ORCID", "https://orcid.org/0000-0002-1825-0097")],
            profileLinks);
        Assert.All(sidebar.QuerySelectorAll("a[rel=me]"), a => Assert.NotNull(a.ParentElement!.QuerySelector("svg use")));
    }

    [Fact]
    public async Task About_ShowsAboutTextAndNews()
    {
        var page = await GetHomeAsync();

        Assert.Equal("About Me", page.QuerySelector("#about-me h2")!.TextContent);
        Assert.Equal("graph algorithms", page.QuerySelector("#about-me strong")!.TextContent);
        var news = page.QuerySelectorAll("#news li").ToArray();
        Assert.Equal(2, news.Length);
        Assert.Equal("2024.09", news[0].QuerySelector("time")!.TextContent);
        Assert.Equal("2024-09", news[0].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("🎉 Paper accepted to NeurIPS 2024!", news[0].QuerySelector(".dated-text")!.TextContent);
        Assert.Equal("https://icalp.example.org/", news[1].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task About_ShowsEverySelectedPublicationCard()
    {
        var page = await GetHomeAsync();

        var card = Assert.Single(page.QuerySelectorAll("#publications article.paper"));
        Assert.Equal("NeurIPS 2024", card.QuerySelector(".badge")!.TextContent);
        var image = (IHtmlImageElement)card.QuerySelector("img")!;
        Assert.Matches(@"^/variants/[0-9a-f]{16}/flows-448\.jpg$", image.GetAttribute("src"));
        Assert.Matches(@"^/variants/[0-9a-f]{16}/flows-224\.jpg 224w, /variants/[0-9a-f]{16}/flows-448\.jpg 448w, /variants/[0-9a-f]{16}/flows-480\.jpg 480w$", image.GetAttribute("srcset"));
        Assert.Equal(("480", "300"), (image.GetAttribute("width"), image.GetAttribute("height")));
        Assert.Equal("lazy", image.GetAttribute("loading"));
        Assert.Equal("Faster Flows in Sparse Graphs", image.AlternativeText);
        var title = card.QuerySelector("h3 a")!;
        Assert.Equal(("Faster Flows in Sparse Graphs", "https://papers.example.org/flows"), (title.TextContent, title.GetAttribute("href")));
        Assert.Equal("Ada Example*, Bob Coauthor*, Carol Senior†", card.QuerySelector(".paper-authors")!.TextContent);
        Assert.Equal("Ada Example*", card.QuerySelector(".paper-authors strong")!.TextContent);
        Assert.Single(card.QuerySelectorAll(".paper-authors strong"));
        Assert.Equal("We make flows faster.", card.QuerySelector(".paper-summary")!.TextContent);
        Assert.Equal("NeurIPS 2024, 2024", card.QuerySelector(".paper-venue")!.TextContent);
    }

    [Fact]
    public async Task About_PublicationLinksReadWellOutOfContext()
    {
        var page = await GetHomeAsync();

        var pdf = page.QuerySelector(".paper-links a")!;
        Assert.Equal("https://papers.example.org/flows.pdf", pdf.GetAttribute("href"));
        Assert.Equal("PDF of Faster Flows in Sparse Graphs", pdf.TextContent);
        Assert.Equal("PDF", pdf.FirstChild!.TextContent); // what is seen; the rest is visually hidden
    }

    [Fact]
    public async Task About_AllPapersShownWhenNoneSelected_WithOwnerAliasBolded()
    {
        _content.Write("publications/2024-flows.md", File.ReadAllText(Path.Combine(_content.ContentPath, "publications/2024-flows.md")).Replace("selected: true\n", ""));

        var page = await GetHomeAsync();

        var cards = page.QuerySelectorAll("article.paper").ToArray();
        Assert.Equal(2, cards.Length);
        Assert.Equal("A. Example", cards[1].QuerySelector(".paper-authors strong")!.TextContent);
        Assert.Null(cards[1].QuerySelector("img")); // no image given: no broken <img>
        Assert.Equal("SODA", cards[1].QuerySelector(".badge")!.TextContent);
    }

    [Fact]
    public async Task About_LegendExplainsMarksAndLinksToScholar()
    {
        var page = await GetHomeAsync();

        var legend = page.QuerySelector("#publications .legend")!;
        Assert.Equal("* denotes equal contribution, † denotes corresponding author, see the full list in Google Scholar.", legend.TextContent);
        Assert.Equal("https://scholar.google.com/citations?user=ABCDEFGAAAAJ", legend.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task About_DatedSectionsShowInFileOrder_AndMissingOnesStayHidden()
    {
        _content.Write("sections/10-honors.yaml", "title: Honors and Awards\nicon: 🎖\nitems:\n  - date: 2021.10\n    text: Best *Paper* Award\n");
        _content.Write("sections/30-talks.yaml", "title: Invited Talks\nicon: 💬\nitems:\n  - date: 2021.06\n    text: A talk at [Example](https://talks.example.org/)\n");

        var page = await GetHomeAsync();

        var ids = page.QuerySelectorAll("main section").Select(s => s.Id ?? "").ToArray();
        Assert.Equal(["about-me", "news", "publications", "honors", "talks"], ids);
        Assert.Null(page.GetElementById("educations"));
        Assert.Null(page.GetElementById("internships"));
        Assert.DoesNotContain(page.QuerySelectorAll("header nav a"), a => a.TextContent.Contains("Internships", StringComparison.Ordinal));
        Assert.Equal("🎖 Honors and Awards", string.Join(' ', page.QuerySelector("#honors h2")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("Best Paper Award", page.QuerySelector("#honors .dated-text")!.TextContent);
        Assert.Equal("https://talks.example.org/", page.QuerySelector("#talks .dated-text a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task About_HasOneH1AndLandmarks()
    {
        var page = await GetHomeAsync();

        Assert.Single(page.QuerySelectorAll("h1"));
        foreach (var landmark in new[] { "header", "nav", "main", "aside", "footer" })
        {
            Assert.NotNull(page.QuerySelector(landmark));
        }

        Assert.Equal("#main", page.QuerySelector("a.skip-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task About_EveryAssetIsServedByTheSiteItself()
    {
        var page = await GetHomeAsync();

        // Canonical and feed links are absolute by definition (crawlers resolve nothing); they name this site, not a resource to load.
        // The "expect" link names an element of this page (#id), not a resource either.
        var assets = page.QuerySelectorAll("[src], link[href]:not([rel=canonical]):not([rel=alternate]):not([rel=expect]), use[href], script[src]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!)
            .ToArray();
        Assert.NotEmpty(assets);
        Assert.All(assets, url => Assert.StartsWith("/", url));
        Assert.All(assets, url => Assert.False(url.StartsWith("//", StringComparison.Ordinal), url));
        // No inline executable script (JSON-LD data blocks are data, not code).
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task About_StylesheetAndImagesAreServed()
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        var css = await client.GetAsync("/css/site.css");
        var image = await client.GetAsync("/images/flows.png");

        Assert.Equal(System.Net.HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        // The image's own address answers with its clean copy, or, for the moments while only a smaller
        // variant of it is made (the variant cache is shared by this run's sites), with a redirect to that
        // variant, which may be a JPEG (VariantEndpoint): an image either way.
        Assert.Equal(System.Net.HttpStatusCode.OK, image.StatusCode);
        Assert.StartsWith("image/", image.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPath_Is404InTheSiteLook()
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        var response = await client.GetAsync("/no/such/page");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("main h2")!.TextContent);
        Assert.Equal("Ada Example", page.QuerySelector("aside h1")!.TextContent);
        Assert.StartsWith("Page not found - ", page.Title);
    }
}
