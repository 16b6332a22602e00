using ProfileSite.Content;
using ProfileSite.Content.Bibtex;
using ProfileSite.Content.Loading;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content;

/// <summary>Publication front matter beyond the basics, .bib files, coauthors.yaml, and what the index derives.</summary>
public sealed class PublicationLoadingTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private ContentLoadResult Load() => _content.Load();

    private SiteContent LoadValid() => _content.LoadValid();

    private ContentError SingleError() => _content.SingleError();

    private const string SmallBib = """
        % Exported from a reference manager
        @string{neurips = "Advances in Neural Information Processing Systems"}

        @inproceedings{example2023spectral,
          author    = {Example, Ada and M{\"u}ller, J{\"o}rg and others},
          title     = {Spectral Sparsifiers \& {Flows}},
          booktitle = neurips # " 36",
          year      = 2023,
          month     = dec,
          doi       = {10.5555/12345},
          keywords  = {graphs; sparsification},
          abstract  = {We sparsify graphs --- fast.},
        }

        @article{other2020arxiv,
          title   = {A Preprint},
          author  = {Other, Dan},
          journal = {arXiv preprint arXiv:2001.00001},
          year    = {2020},
        }
        """;

    // ---- front matter ------------------------------------------------------------------------

    [Fact]
    public void Load_TypeAndTags_AreStoredNormalised()
    {
        _content.Write("publications/2022-cuts.md", """
            ---
            title: Cuts and Where to Find Them
            authors: [Dan Other, A. Example]
            year: 2022
            type: InProceedings
            tags: [cuts, graphs]
            ---
            """);

        var cuts = LoadValid().PublicationsBySlug["2022-cuts"];

        Assert.Equal(PublicationType.Conference, cuts.Type);
        Assert.Equal<string>(["cuts", "graphs"], cuts.Tags);
        Assert.Equal(PublicationType.Other, LoadValid().PublicationsBySlug["2024-flows"].Type);
    }

    [Fact]
    public void Load_UnknownType_IsAnErrorWithASuggestion()
    {
        _content.Write("publications/2022-cuts.md", "---\ntitle: Cuts\nauthors: [Dan Other]\nyear: 2022\ntype: confrence\n---\n");

        var error = SingleError();

        Assert.Equal("content/publications/2022-cuts.md:5:7: error: unknown type 'confrence'; did you mean 'conference'? expected one of: journal, conference, workshop, preprint, thesis, book, chapter, report, other", error.ToString());
    }

    [Fact]
    public void Load_DoiAndArxivLinks_GiveBareIds()
    {
        _content.Write("publications/2022-cuts.md", "---\ntitle: Cuts\nauthors: [Dan Other]\nyear: 2022\nlinks: { doi: 10.1109/TPAMI.2024.3357172, arxiv: https://arxiv.org/abs/2401.08309v2 }\n---\n");

        var cuts = LoadValid().PublicationsBySlug["2022-cuts"];

        Assert.Equal("10.1109/TPAMI.2024.3357172", cuts.Doi);
        Assert.Equal("2401.08309v2", cuts.ArxivId);
    }

    [Fact]
    public void Load_OwnBibtexThatDoesNotParse_IsAnErrorInsideTheFrontMatter()
    {
        _content.Write("publications/2022-cuts.md", "---\ntitle: Cuts\nauthors: [Dan Other]\nyear: 2022\nbibtex: |\n  @article{cuts\n    title = {Cuts}}\n---\n");

        var error = SingleError();

        Assert.Equal("content/publications/2022-cuts.md:7:5: error: in 'bibtex': expected ',' after the key 'cuts', found 't'", error.ToString());
    }

    // ---- .bib files ------------------------------------------------------------------------

    [Fact]
    public void Load_BibFile_BecomesPapersNextToTheMarkdownOnes()
    {
        _content.Write("publications/refs.bib", SmallBib);

        var content = LoadValid();

        Assert.Equal(["2024-flows", "example2023spectral", "2022-cuts", "other2020arxiv"], content.Publications.Select(p => p.Slug));
        var spectral = content.PublicationsBySlug["example2023spectral"];
        Assert.Equal("Spectral Sparsifiers & Flows", spectral.Title);
        Assert.Equal(["Ada Example", "Jörg Müller"], spectral.Authors.Select(a => a.Name));
        Assert.True(spectral.Authors[0].IsOwner);
        Assert.True(spectral.MoreAuthors);
        Assert.Equal("Advances in Neural Information Processing Systems 36", spectral.Venue);
        Assert.Equal(new PartialDate(2023, 12, null), spectral.Date);
        Assert.Equal(PublicationType.Conference, spectral.Type);
        Assert.Equal("10.5555/12345", spectral.Doi);
        Assert.Equal("https://doi.org/10.5555/12345", Assert.Single(spectral.Links).Url);
        Assert.Equal<string>(["graphs", "sparsification"], spectral.Tags);
        Assert.Equal("<p>We sparsify graphs — fast.</p>", spectral.AbstractHtml);
        Assert.Equal("content/publications/refs.bib", spectral.SourceFile);
        var preprint = content.PublicationsBySlug["other2020arxiv"];
        Assert.Equal(PublicationType.Preprint, preprint.Type);
        Assert.Equal("2001.00001", preprint.ArxivId);
    }

    [Fact]
    public void Load_ArxivExport_IsAPreprintWithItsArxivLink()
    {
        _content.Write("publications/arxiv.bib", """
            @misc{x2024, title={T}, author={Example, Ada}, year={2024}, eprint={2405.05409}, archivePrefix={arXiv}, primaryClass={cs.LG}}
            @misc{y2024, title={U}, author={Example, Ada}, year={2024}, eprint={not an id?}, archivePrefix={arXiv}}
            """);

        var content = LoadValid();

        var x = content.PublicationsBySlug["x2024"];
        Assert.Equal(PublicationType.Preprint, x.Type);
        Assert.Equal("2405.05409", x.ArxivId);
        Assert.Equal("https://arxiv.org/abs/2405.05409", Assert.Single(x.Links).Url);
        Assert.Null(content.PublicationsBySlug["y2024"].ArxivId);
        Assert.Empty(content.PublicationsBySlug["y2024"].Links);
    }

    [Fact]
    public void Load_MarkdownNamingABibKey_OverridesAndAddsFields()
    {
        _content.Write("publications/refs.bib", SmallBib);
        _content.WriteImage("images/spectral.png", 160, 100);
        _content.Write("publications/2023-spectral.md", """
            ---
            bibtex_key: example2023spectral
            badge: NeurIPS 2023
            image: images/spectral.png
            summary: Sparsifiers, **faster**.
            selected: true
            tags: [spectral]
            links: { code: https://github.com/ada/spectral }
            ---
            """);

        var content = LoadValid();

        Assert.DoesNotContain(content.Publications, p => p.Slug == "example2023spectral");
        var spectral = content.PublicationsBySlug["2023-spectral"];
        Assert.Equal("Spectral Sparsifiers & Flows", spectral.Title);
        Assert.Equal("NeurIPS 2023", spectral.Badge);
        Assert.Equal("/images/spectral.png", spectral.Image!.Src);
        Assert.Equal("Sparsifiers, <strong>faster</strong>.", spectral.SummaryHtml);
        Assert.True(spectral.Selected);
        Assert.Equal<string>(["spectral"], spectral.Tags);
        Assert.Equal(["doi", "code"], spectral.Links.Select(l => l.Kind));
        Assert.Equal("<p>We sparsify graphs — fast.</p>", spectral.AbstractHtml);
        Assert.Equal("example2023spectral", content.PublicationIndex.Pages["2023-spectral"].BibtexKey);
        Assert.Contains(spectral, content.SelectedPublications);
    }

    [Fact]
    public void Load_BibKeyNamedByNoEntry_SaysSo()
    {
        _content.Write("publications/2023-spectral.md", "---\nbibtex_key: nothere2023\nbadge: X\n---\n");

        var result = Load();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.ToString() == "content/publications/2023-spectral.md:2:13: error: no entry with key 'nothere2023' in the .bib files under publications/, so this file must give 'title', 'authors' and 'year' or 'date' itself");
    }

    [Fact]
    public void Load_BrokenBibFile_WarnsWithFileLineColumnAndServesTheRest()
    {
        _content.Write("publications/refs.bib", "@article{a,\n  title = {A},\n  author = {Other, Dan},\n  year = 20x4,\n}\n\n@misc{b, title = {B}, year = 2020}\n@misc{c title = {C}}\n");

        var result = Load();

        Assert.True(result.Succeeded);
        Assert.Equal(
            [
                "content/publications/refs.bib:4:12: warning: expected ',' or '}' after the value of 'year', found 'x'; the text up to the next entry is skipped",
                "content/publications/refs.bib:8:9: warning: expected ',' after the key 'c', found 't'; the text up to the next entry is skipped",
                "content/publications/refs.bib:7:1: warning: entry 'b' has no 'author' or 'editor'; it is listed without names",
            ],
            result.Problems.Select(p => p.ToString()));
        var b = result.Content!.PublicationsBySlug["b"];
        Assert.Equal(("B", 2020), (b.Title, b.Date.Year));
        Assert.Empty(b.Authors);
    }

    [Fact]
    public void Load_BibEntryWithoutYear_IsListedUndatedWithAWarningAtTheEntry()
    {
        _content.Write("publications/refs.bib", "\n\n  @book{a, title = {A}, author = {Other, Dan}}\n");

        var result = Load();

        Assert.Equal("content/publications/refs.bib:3:3: warning: entry 'a' has no 'year' or 'date'; it is listed under \"Undated\"", Assert.Single(result.Problems).ToString());
        var paper = result.Content!.PublicationsBySlug["a"];
        Assert.True(paper.Undated);
        Assert.Equal(paper, result.Content.Publications[^1]);
        Assert.Equal("Undated", result.Content.PublicationIndex.Years[^1].Heading);
    }

    [Fact]
    public void Load_StrictBibliography_MakesTheWarningsErrors()
    {
        _content.Write("publications/refs.bib", "\n\n  @book{a, title = {A}, author = {Other, Dan}}\n");

        var result = ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath) { StrictBibliography = true });

        Assert.False(result.Succeeded);
        Assert.Equal("content/publications/refs.bib:3:3: error: entry 'a' has no 'year' or 'date'; it is listed under \"Undated\"", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Load_TwoFilesWithTheSameBibtexKey_IsAnError()
    {
        _content.Write("publications/2022-cuts.md", "---\ntitle: Cuts\nauthors: [Dan Other]\nyear: 2022\nbibtex_key: same2022\n---\n");
        _content.Write("publications/2022-more.md", "---\ntitle: More\nauthors: [Dan Other]\nyear: 2022\nbibtex_key: same2022\n---\n");

        Assert.Equal("content/publications/2022-more.md:5:13: error: citation key 'same2022' is also used by content/publications/2022-cuts.md; keys must be unique", SingleError().ToString());
    }

    [Fact]
    public void Load_DuplicateBibKeys_KeepTheFirstEntryWithAWarning()
    {
        _content.Write("publications/a.bib", "@misc{same, title = {A}, author = {X, Y}, year = 2020}\n");
        _content.Write("publications/b.bib", "@misc{Same, title = {B}, author = {X, Y}, year = 2021}\n");

        var result = Load();

        Assert.Equal("content/publications/b.bib:1:7: warning: duplicate key 'Same' (first at content/publications/a.bib:1:1); this entry is skipped, as biber skips it", Assert.Single(result.Problems).ToString());
        Assert.Equal("A", result.Content!.PublicationsBySlug["same"].Title);
    }

    // ---- coauthors.yaml --------------------------------------------------------------------

    [Fact]
    public void Load_Coauthors_LinkAuthorNamesWhateverTheSpelling()
    {
        _content.Write("coauthors.yaml", """
            Bob Coauthor: https://bob.example.org/
            Carol Senior:
              url: https://carol.example.org/
              aliases: [C. Senior]
            """);
        _content.Write("publications/2022-cuts.md", "---\ntitle: Cuts\nauthors: [C. Senior, bob coauthor, Ada Example]\nyear: 2022\n---\n");

        var content = LoadValid();

        Assert.Equal(["https://carol.example.org/", "https://bob.example.org/", null], content.PublicationsBySlug["2022-cuts"].Authors.Select(a => a.Url));
        Assert.Equal("https://carol.example.org/", content.PublicationsBySlug["2024-flows"].Authors[2].Url);
    }

    [Fact]
    public void Load_CoauthorWithBadUrl_IsAnErrorAtItsValue()
    {
        _content.Write("coauthors.yaml", "Bob Coauthor: bob.example.org\nCarol Senior: { url: https://c.example.org/, homepage: x }\n");

        var result = Load();

        Assert.Equal(
            [
                "content/coauthors.yaml:1:15: error: the homepage of 'Bob Coauthor' must be an absolute http(s) URL, got \"bob.example.org\"",
                "content/coauthors.yaml:2:46: error: unknown key 'homepage'; expected one of: url, aliases",
            ],
            result.Problems.Where(p => p.IsError).Select(p => p.ToString()));
    }

    [Fact]
    public void Load_CoauthorInNoPaper_IsAWarning()
    {
        _content.Write("coauthors.yaml", "Bob Coauthor: https://bob.example.org/\nBobby Typo: https://typo.example.org/\n");

        var warning = Assert.Single(LoadValid().Warnings);

        Assert.Equal("content/coauthors.yaml:2:1: warning: co-author 'Bobby Typo' appears in no paper's author list; check the spelling", warning.ToString());
    }

    // ---- derived: keys and BibTeX out ------------------------------------------------------

    [Fact]
    public void Index_GeneratedKeys_AreStableAndUnique()
    {
        _content.Write("publications/2024-flows-2.md", "---\ntitle: Faster Flows, Again\nauthors: [Ada Example]\ndate: 2024-10\n---\n");

        var pages = LoadValid().PublicationIndex.Pages;

        Assert.Equal("example2024faster", pages["2024-flows"].BibtexKey);
        Assert.Equal("example2024fasterb", pages["2024-flows-2"].BibtexKey);
        Assert.Equal("other2022cuts", pages["2022-cuts"].BibtexKey);
    }

    [Fact]
    public void Bibtex_GeneratedEntry_EscapesLatexAndKeepsUnicode()
    {
        _content.Write("publications/2022-cuts.md", "---\ntitle: \"Cuts & Flows: 50% of {Graphs} with ~k_1 edges\"\nauthors: [Jörg Müller, Ada Example]\nvenue: Journal of Graphs\ntype: journal\ndate: 2022-03\n---\n");

        var bibtex = LoadValid().PublicationIndex.Pages["2022-cuts"].Bibtex;

        Assert.Equal("""
            @article{muller2022cuts,
              author = {Müller, Jörg and Example, Ada},
              title = {Cuts \& Flows: 50\% of \{Graphs\} with \textasciitilde{}k\_1 edges},
              journal = {Journal of Graphs},
              year = {2022},
              month = mar,
            }
            """, bibtex);
    }

    [Theory]
    [InlineData("journal", "article", "journal")]
    [InlineData("conference", "inproceedings", "booktitle")]
    [InlineData("preprint", "misc", "howpublished")]
    [InlineData("thesis", "phdthesis", "school")]
    [InlineData("chapter", "incollection", "booktitle")]
    [InlineData("report", "techreport", "institution")]
    public void Bibtex_RoundTrip_FrontMatterToBibtexAndBackGivesTheSameFields(string type, string entryType, string venueField)
    {
        _content.Write("publications/2022-cuts.md", $"""
            ---
            title: "Cuts & Flows: 50% of {"{Graphs}"} -- with ~k_1 edges"
            authors: [Jörg Müller*, Ludwig van Beethoven, Ada Example†]
            venue: Proceedings of Graphs & Networks (GN '22)
            type: {type}
            date: 2022-03
            url: https://papers.example.org/cuts?id=1&v=2
            tags: [cuts, max flow]
            links: {"{"} doi: 10.1000/xyz_123, arxiv: 2203.01234 {"}"}
            ---
            """);
        var original = LoadValid();
        var paper = original.PublicationsBySlug["2022-cuts"];
        var bibtex = original.PublicationIndex.Pages["2022-cuts"].Bibtex;

        var entry = Assert.Single(BibtexParser.Parse(bibtex).Entries);
        Assert.Equal(entryType, entry.Type);
        Assert.Equal(paper.Venue, entry[venueField]);

        // Back through the loader as a .bib file: the same paper comes out.
        _content.Delete("publications/2022-cuts.md").Write("publications/roundtrip.bib", bibtex);
        var back = LoadValid().PublicationsBySlug[entry.Key];
        Assert.Equal("muller2022cuts", entry.Key);
        Assert.Equal(paper.Title, back.Title);
        Assert.Equal(paper.Authors.Select(a => (a.Name, a.IsOwner)), back.Authors.Select(a => (a.Name, a.IsOwner)));
        Assert.Equal(paper.Venue, back.Venue);
        Assert.Equal(paper.Date, back.Date);
        Assert.Equal(paper.Type, back.Type);
        Assert.Equal(paper.Url, back.Url);
        Assert.Equal(paper.Doi, back.Doi);
        Assert.Equal(paper.ArxivId, back.ArxivId);
        Assert.Equal<string>(paper.Tags, back.Tags);
    }
}
