using ProfileSite.Content;
using ProfileSite.Content.Loading;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content;

public sealed class ContentLoaderTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private ContentLoadResult Load() => _content.Load();

    private SiteContent LoadValid() => _content.LoadValid();

    private ContentError SingleError() => _content.SingleError();

    // ---- valid content -------------------------------------------------------------------

    [Fact]
    public void Load_ValidFolder_ReadsEveryKind()
    {
        var content = LoadValid();

        Assert.Equal("Ada Example - Homepage", content.Site.Title);
        Assert.Equal("Ada Example", content.Profile.Name);
        Assert.Equal("Professor of <em>Computer Science</em>", content.Profile.BioHtml);
        Assert.Equal(["google_scholar", "github", "orcid"], content.Profile.Links.Select(l => l.Kind));
        Assert.Equal("https://scholar.google.com/citations?user=ABCDEFGAAAAJ", content.Profile.GoogleScholar!.Url);
        Assert.Equal("https://github.com/ada-example", content.Profile.Links[1].Url);
        Assert.Equal(new WebImage("images/avatar.png", 64, 64), content.Profile.Avatar);
        Assert.Contains("<strong>graph algorithms</strong>", content.About.Html);
        Assert.Equal(2, content.News.Length);
        Assert.Equal(2, content.Publications.Length);
        Assert.Empty(content.Warnings);
        Assert.Matches("^[0-9a-f]{16}$", content.Version);
    }

    [Fact]
    public void Load_News_RendersEmojiShortcodesAndMarkdownNewestFirst()
    {
        var news = LoadValid().News;

        Assert.Equal(new PartialDate(2024, 9, null), news[0].Date);
        Assert.Equal("🎉 Paper accepted to NeurIPS 2024!", news[0].Html);
        Assert.Equal("Gave a talk at <a href=\"https://icalp.example.org/\">ICALP</a>.", news[1].Html);
    }

    [Fact]
    public void Load_Publication_SplitsAuthorMarksAndRecognisesOwnerAndAliases()
    {
        var content = LoadValid();
        var flows = content.PublicationsBySlug["2024-flows"];
        var cuts = content.PublicationsBySlug["2022-cuts"];

        Assert.Equal(new Author("Ada Example", IsOwner: true, EqualContribution: true, Corresponding: false), flows.Authors[0]);
        Assert.Equal(new Author("Bob Coauthor", false, true, false), flows.Authors[1]);
        Assert.Equal(new Author("Carol Senior", false, false, true), flows.Authors[2]);
        Assert.True(cuts.Authors[1].IsOwner); // "A. Example" is an alias
        Assert.False(cuts.Authors[0].IsOwner);
    }

    [Fact]
    public void Load_Publication_ReadsEveryField()
    {
        var flows = LoadValid().PublicationsBySlug["2024-flows"];

        Assert.Equal("Faster Flows in Sparse Graphs", flows.Title);
        Assert.Equal("NeurIPS 2024", flows.Venue);
        Assert.Equal("NeurIPS 2024", flows.Badge);
        Assert.Equal(new PartialDate(2024, 9, null), flows.Date);
        Assert.Equal("https://papers.example.org/flows", flows.Url);
        Assert.Equal(new WebImage("images/flows.png", 480, 300), flows.Image);
        Assert.Equal("We make flows <strong>faster</strong>.", flows.SummaryHtml);
        Assert.True(flows.Selected);
        Assert.Equal(
            [new PublicationLink("pdf", "PDF", "https://papers.example.org/flows.pdf"), new PublicationLink("arxiv", "arXiv", "https://arxiv.org/abs/2401.00001")],
            flows.Links.ToArray());
        Assert.Equal("<p>The abstract of the flows paper.</p>", flows.AbstractHtml);
        Assert.Equal("content/publications/2024-flows.md", flows.SourceFile);
    }

    [Fact]
    public void Load_Publications_AreNewestFirstAndSelectedOnlyWhenMarked()
    {
        var content = LoadValid();

        Assert.Equal(["2024-flows", "2022-cuts"], content.Publications.Select(p => p.Slug));
        Assert.Equal(["2024-flows"], content.SelectedPublications.Select(p => p.Slug));
    }

    [Fact]
    public void Load_NoPaperSelected_SelectsAll()
    {
        _content.Write("publications/2024-flows.md", File.ReadAllText(Path.Combine(_content.ContentPath, "publications/2024-flows.md")).Replace("selected: true\n", ""));

        Assert.Equal(2, LoadValid().SelectedPublications.Length);
    }

    [Fact]
    public void Load_Sections_ReadDateRangesInFileOrderAndBuildNavigation()
    {
        _content.Write("sections/20-educations.yaml", """
            title: Educations
            icon: 📖
            items:
              - date: 2021.09 - now
                text: Ph.D., Example University.
              - date: 2017.09 - 2021.06
                text: Undergraduate, *Example College*.
            """);
        _content.Write("sections/10-honors.yaml", """
            title: Honors and Awards
            icon: 🎖
            items:
              - date: 2021.10
                text: Best Paper Award
            """);

        var content = LoadValid();

        Assert.Equal(["honors", "educations"], content.Sections.Select(s => s.Id));
        var education = content.Sections[1];
        Assert.Equal("📖", education.Icon);
        Assert.Equal("2021.09 - now", education.Items[0].Date!.ToDisplayString());
        Assert.True(education.Items[0].Date!.Ongoing);
        Assert.Equal("2017.09 - 2021.06", education.Items[1].Date!.ToDisplayString());
        Assert.Equal("Undergraduate, <em>Example College</em>.", education.Items[1].Html);
        Assert.Equal(["about-me", "news", "publications", "honors", "educations"], content.Navigation.Select(n => n.Id));
    }

    [Fact]
    public void Load_SectionOrder_ReordersNavigation()
    {
        _content.Write("site.yaml", "section_order: [publications, news]\n");

        Assert.Equal(["publications", "news", "about-me"], LoadValid().Navigation.Select(n => n.Id));
    }

    [Fact]
    public void Load_OptionalFilesMissing_HidesTheirSections()
    {
        _content.Delete("news.yaml").Delete("about.md").Delete("site.yaml");

        var content = LoadValid();

        Assert.Equal(["publications"], content.Navigation.Select(n => n.Id));
        Assert.Equal("Ada Example - Homepage", content.Site.Title); // the default title
    }

    [Fact]
    public void Load_CrlfAndBom_AreAccepted()
    {
        _content.WriteBytes("news.yaml", [0xEF, 0xBB, 0xBF, .. "- date: 2024.01\r\n  text: Hello\r\n"u8]);

        Assert.Equal("Hello", LoadValid().News.Single().Html);
    }

    [Fact]
    public void Load_SameInput_GivesSameVersion_AndAnEditChangesIt()
    {
        var first = LoadValid().Version;
        Assert.Equal(first, LoadValid().Version);

        _content.Write("news.yaml", "- date: 2024.01\n  text: Changed\n");

        Assert.NotEqual(first, LoadValid().Version);
    }

    // ---- invalid content: file, line, column and message -------------------------------

    [Fact]
    public void Load_MissingProfile_NamesTheFile()
    {
        _content.Delete("profile.yaml");

        var error = SingleError();

        Assert.Equal("content/profile.yaml", error.File);
        Assert.Contains("file not found", error.Message);
    }

    [Fact]
    public void Load_ProfileWithoutName_ReportsMissingField()
    {
        _content.Write("profile.yaml", "bio: hello\n");

        var error = SingleError();

        Assert.Equal("content/profile.yaml:1:1: error: missing required field 'name'", error.ToString());
    }

    [Fact]
    public void Load_ProfileUnknownKey_SuggestsTheClosest()
    {
        _content.Write("profile.yaml", "name: Ada\nemial: ada@example.org\n");

        Assert.Equal("content/profile.yaml:2:1: error: unknown key 'emial'; did you mean 'email'?", SingleError().ToString());
    }

    [Fact]
    public void Load_ProfileLinkNotAUrl_IsAnError()
    {
        _content.Write("profile.yaml", "name: Ada\nlinks:\n  website: not a url\n");

        Assert.Equal("content/profile.yaml:3:12: error: link 'website' must be an absolute http(s) URL, got \"not a url\"", SingleError().ToString());
    }

    [Fact]
    public void Load_NewsBadDate_PointsAtTheValue()
    {
        _content.Write("news.yaml", "- date: 2024.01\n  text: ok\n- date: Jan 2024\n  text: bad\n");

        Assert.Equal("content/news.yaml:3:9: error: 'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got \"Jan 2024\"", SingleError().ToString());
    }

    [Fact]
    public void Load_NewsNotAList_SaysWhatWasExpected()
    {
        _content.Write("news.yaml", "date: 2024.01\ntext: hi\n");

        Assert.Equal("content/news.yaml:1:1: error: expected a list of news items (- date: ..., text: ...), got a mapping", SingleError().ToString());
    }

    [Fact]
    public void Load_YamlSyntaxError_HasLineAndColumn()
    {
        _content.Write("news.yaml", "- date: 2024.01\n  text: [unclosed\n");

        var error = SingleError();

        Assert.Equal("content/news.yaml", error.File);
        Assert.True(error.Line >= 2, error.ToString());
        Assert.StartsWith("YAML syntax:", error.Message);
    }

    [Fact]
    public void Load_PublicationMissingTitle_LineIsInTheFileNotTheFrontMatter()
    {
        _content.Write("publications/2024-flows.md", "---\nauthors: [Ada Example]\nyear: 2024\n---\n");

        Assert.Equal("content/publications/2024-flows.md:2:1: error: missing required field 'title'", SingleError().ToString());
    }

    [Fact]
    public void Load_PublicationBadDate_PointsAtTheValue()
    {
        _content.Write("publications/2024-flows.md", "---\ntitle: T\nauthors: [Ada Example]\ndate: Jan 2024\n---\n");

        Assert.Equal("content/publications/2024-flows.md:4:7: error: 'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got \"Jan 2024\"", SingleError().ToString());
    }

    [Fact]
    public void Load_PublicationWithoutYearOrDate_IsAnError()
    {
        _content.Write("publications/2024-flows.md", "---\ntitle: T\nauthors: [Ada Example]\n---\n");

        Assert.Equal("content/publications/2024-flows.md:2:1: error: missing required field 'year' or 'date'", SingleError().ToString());
    }

    [Fact]
    public void Load_PublicationWithoutFrontMatter_IsAnError()
    {
        _content.Write("publications/2024-flows.md", "Just text\n");

        Assert.StartsWith("content/publications/2024-flows.md:1:1: error: expected YAML front matter", SingleError().ToString());
    }

    [Fact]
    public void Load_PublicationUnknownLink_SuggestsTheClosest()
    {
        _content.Write("publications/2024-flows.md", "---\ntitle: T\nauthors: [Ada Example]\nyear: 2024\nlinks:\n  pfd: https://x.example.org/a.pdf\n---\n");

        Assert.Equal("content/publications/2024-flows.md:6:3: error: unknown link 'pfd'; did you mean 'pdf'?", SingleError().ToString());
    }

    [Fact]
    public void Load_PublicationAuthorsNotAList_IsAnError()
    {
        _content.Write("publications/2024-flows.md", "---\ntitle: T\nauthors: {a: b}\nyear: 2024\n---\n");

        Assert.Equal("content/publications/2024-flows.md:3:10: error: 'authors' must be a list, got a mapping", Load().Problems.First(p => p.IsError).ToString());
    }

    [Fact]
    public void Load_SectionBadRange_NamesTheExpectedForms()
    {
        _content.Write("sections/30-talks.yaml", "title: Talks\nitems:\n  - date: 2021.09 - someday\n    text: A talk\n");

        Assert.Equal(
            "content/sections/30-talks.yaml:3:11: error: 'date' must be a date (YYYY, YYYY-MM, YYYY-MM-DD) or a range like '2021.09 - now', got \"2021.09 - someday\"",
            SingleError().ToString());
    }

    [Fact]
    public void Load_SectionWithoutTitle_IsAnError()
    {
        _content.Write("sections/30-talks.yaml", "items:\n  - date: 2021.06\n    text: A talk\n");

        Assert.Equal("content/sections/30-talks.yaml:1:1: error: missing required field 'title'", SingleError().ToString());
    }

    [Fact]
    public void Load_MissingImage_IsAWarningAndTheImageIsLeftOut()
    {
        _content.Write("profile.yaml", "name: Ada Example\navatar: images/missing.png\n");

        var result = Load();

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Problems);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.StartsWith("content/profile.yaml:2:9: warning: 'avatar' names images/missing.png, which does not exist", warning.ToString());
        Assert.Null(result.Content!.Profile.Avatar);
    }

    [Fact]
    public void Load_InvalidUtf8_GivesTheByteOffset()
    {
        _content.WriteBytes("news.yaml", [.. "- date: 2024.01\n  text: caf"u8, 0xE9, .. "\n"u8]);

        Assert.Equal("content/news.yaml:2:12: error: invalid UTF-8 at byte offset 27: save the file as UTF-8", SingleError().ToString());
    }

    [Fact]
    public void Load_ManyProblems_AreAllReportedAtOnce()
    {
        _content.Write("profile.yaml", "name: Ada\nemial: x\n");
        _content.Write("news.yaml", "- date: someday\n  text: hi\n");
        _content.Write("publications/2022-cuts.md", "---\ntitle: T\n---\n");

        var result = Load();

        Assert.Equal(4, result.ErrorCount); // unknown key, bad date, missing authors, missing year
        Assert.Equal(["content/news.yaml", "content/profile.yaml", "content/publications/2022-cuts.md"],
            result.Problems.Select(p => p.File).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_AliasBomb_IsRejectedFast()
    {
        _content.Write("news.yaml", """
            a: &a ["x","x","x","x","x","x","x","x","x"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            """);

        var error = SingleError();

        Assert.Equal("content/news.yaml:2:8: error: YAML aliases ('*a') are not supported: write the value out", error.ToString());
    }

    [Fact]
    public void Load_MissingContentFolder_IsOneClearError()
    {
        var result = ContentLoader.Load(new ContentLoadOptions(Path.Combine(_content.Root, "nope"), _content.WebRootPath));

        var error = Assert.Single(result.Problems);
        Assert.EndsWith("nope: error: content folder not found; set ProfileSite:ContentPath to the folder holding site.yaml and profile.yaml", error.ToString());
    }
}
