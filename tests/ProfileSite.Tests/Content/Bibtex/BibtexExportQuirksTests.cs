using System.Text;
using System.Text.Json;
using ProfileSite.Content;
using ProfileSite.Content.Loading;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content.Bibtex;

/// <summary>
/// Whole <c>.bib</c> files the way particular tools write them, through the loader: what each
/// tool's quirk must give on the served paper (names and values invented, forms real).
/// </summary>
public sealed class BibtexExportQuirksTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private ContentLoadResult Load() => _content.LoadSucceeded();

    private static string[] Tags(SiteContent content, string slug, string name) =>
        [.. content.PublicationIndex.Pages[slug].CitationTags.Where(t => t.Name == name).Select(t => t.Content)];

    private static JsonElement Csl(SiteContent content, string id) =>
        JsonDocument.Parse(content.PublicationIndex.CslJson).RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);

    [Fact]
    public void NasaAds_JournalMacroIsTheJournalAndEtAlEndsTheAuthors()
    {
        _content.Write("publications/ads.bib", """
            @ARTICLE{2016PhRvL.116f1102A,
                   author = {{Abbott}, B.~P. and {Abbott}, R. and et al.},
                    title = "{Observation of Waves}",
                  journal = {\prl},
                     year = 2016,
                    month = feb,
                   volume = {116},
                      eid = {061102},
                    pages = {061102},
                   adsurl = {https://ui.adsabs.harvard.edu/abs/2016PhRvL.116f1102A},
                  adsnote = {Provided by the SAO/NASA Astrophysics Data System}
            }
            """);

        var content = Load().Content!;

        var paper = content.PublicationsBySlug["2016phrvl-116f1102a"];
        Assert.Equal("Phys. Rev. Lett.", paper.Venue);
        Assert.Equal(["B. P. Abbott", "R. Abbott"], paper.Authors.Select(a => a.Name));
        Assert.True(paper.MoreAuthors);
        Assert.Equal(["Phys. Rev. Lett."], Tags(content, paper.Slug, "citation_journal_title"));
        Assert.Equal(["B. P. Abbott", "R. Abbott"], Tags(content, paper.Slug, "citation_author"));
    }

    [Fact]
    public void CrossrefDoiOrgBibtex_TitleMarkupIsStyledAndPlainWhereTextIsWanted()
    {
        // doi.org's BibTeX for a title with JATS markup, on one line with a leading space, as served.
        _content.Write("publications/crossref.bib",
            " @article{Wang_2022, title={Single-cell <scp>RNA</scp> sequencing of <i>Arabidopsis</i> roots &amp; shoots}, volume={110}, DOI={10.1111/tpj.15678}, number={2}, journal={The Plant Journal}, publisher={Wiley}, author={Wang, Li and Chen, Hui}, year={2022}, month=feb, pages={e15678} }\n");

        var content = Load().Content!;

        var paper = content.PublicationsBySlug["wang-2022"];
        Assert.Equal("Single-cell RNA sequencing of Arabidopsis roots & shoots", paper.Title);
        Assert.Equal("Single-cell <span class=\"small-caps\">RNA</span> sequencing of <em>Arabidopsis</em> roots &amp; shoots", paper.TitleHtml);
        Assert.Equal(["Single-cell RNA sequencing of Arabidopsis roots & shoots"], Tags(content, paper.Slug, "citation_title"));
        Assert.Equal("Single-cell <span style=\"font-variant:small-caps;\">RNA</span> sequencing of <i>Arabidopsis</i> roots & shoots", Csl(content, "Wang_2022").GetProperty("title").GetString());
    }

    [Fact]
    public void WorkNotOutYet_ShowsItsStateInsteadOfNdWithoutAWarning()
    {
        // BibTeX users write the state in 'year' (styles print it as written); biblatex users in 'pubstate'.
        _content.Write("publications/states.bib", """
            @article{press, author = {Doe, Jane}, title = {A}, journal = {J}, year = {In Press}}
            @article{appear, author = {Doe, Jane}, title = {B}, journal = {J}, year = "to appear"}
            @article{biblatex, author = {Doe, Jane}, title = {C}, journaltitle = {J}, pubstate = {inpress}}
            @article{dated, author = {Doe, Jane}, title = {D}, journal = {J}, year = {2025}, pubstate = {forthcoming}}
            @article{junk, author = {Doe, Jane}, title = {E}, journal = {J}, year = {n/a}}
            """);

        var result = Load();
        var content = result.Content!;

        Assert.Equal(
            ["content/publications/states.bib:5:66: warning: 'year' \"n/a\" has no year in it; the entry is listed under \"Undated\""],
            result.Problems.Where(p => p.File.EndsWith("states.bib", StringComparison.Ordinal)).Select(p => p.ToString()));
        string[] keys = ["press", "appear", "biblatex", "dated", "junk"];
        Assert.Equal(["in press", "to appear", "in press", "2025", "n.d."], keys.Select(k => content.PublicationsBySlug[k].DateText));
        Assert.Equal("in press", Csl(content, "press").GetProperty("status").GetString());
        Assert.Equal("forthcoming", Csl(content, "dated").GetProperty("status").GetString());
        Assert.False(Csl(content, "junk").TryGetProperty("status", out _));
    }

    [Fact]
    public void LinkInHowPublishedOrWrappedInUrl_IsTheWorksLinkNotItsVenue()
    {
        // The @misc form for a web page that al-folio and Google Scholar users copy (no biblatex 'url').
        _content.Write("publications/web.bib", """
            @misc{tool2020,
              author = {Doe, Jane},
              title = {A Tool},
              howpublished = {\url{https://example.org/tool_v2}},
              year = {2020}
            }
            @misc{talk2021, author = {Doe, Jane}, title = {A Talk}, howpublished = {Invited talk, Example University}, year = {2021}}
            @misc{wrapped2022, author = {Doe, Jane}, title = {Wrapped}, url = {\url{https://example.org/a\_b}}, year = {2022}}
            @misc{href2023, author = {Doe, Jane}, title = {Linked}, howpublished = {\href{https://example.org/c}{the site}}, year = {2023}}
            """);

        var content = Load().Content!;

        var tool = content.PublicationsBySlug["tool2020"];
        Assert.Equal((null, "https://example.org/tool_v2"), (tool.Venue, tool.Url));
        Assert.Equal("Invited talk, Example University", content.PublicationsBySlug["talk2021"].Venue);
        Assert.Equal("https://example.org/a_b", content.PublicationsBySlug["wrapped2022"].Url);
        Assert.Equal((null, "https://example.org/c"), (content.PublicationsBySlug["href2023"].Venue, content.PublicationsBySlug["href2023"].Url));
    }

    [Fact]
    public void KeyWithAccents_IsServedAtItsAsciiFoldedAddress()
    {
        // biblatex and Better BibTeX (with its ASCII folding off) allow keys like these.
        _content.Write("publications/keys.bib", """
            @article{Müller2020, author = {M{\"u}ller, J{\"o}rg}, title = {A}, journal = {J}, year = {2020}}
            @article{Łukasiewicz_Straße_1930, author = {{\L}ukasiewicz, Jan}, title = {B}, journal = {J}, year = {1930}}
            """);

        var content = Load().Content!;

        Assert.Equal("A", content.PublicationsBySlug["muller2020"].Title);
        Assert.Equal("B", content.PublicationsBySlug["lukasiewicz-strasse-1930"].Title);
    }

    [Fact]
    public void Latin1File_IsReadAsWindows1252WithAWarningNotRefused()
    {
        // An older JabRef or Mendeley set-up on Windows: accents and curly quotes in Windows-1252.
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        _content.WriteBytes("publications/legacy.bib", windows1252.GetBytes("@article{k,\n  author = {Müller, Jörg},\n  title = {“Étude” X},\n  year = {2001}\n}\n"));

        var result = Load();

        var warning = Assert.Single(result.Problems, p => p.File.EndsWith("legacy.bib", StringComparison.Ordinal));
        Assert.Equal("content/publications/legacy.bib:2:14: warning: the file is not UTF-8 (byte 0xFC at offset 25); it is read as Windows-1252 (Latin-1); save it as UTF-8", warning.ToString());
        var paper = result.Content!.PublicationsBySlug["k"];
        Assert.Equal(("Jörg Müller", "“Étude” X"), (paper.Authors[0].Name, paper.Title));
    }

    [Fact]
    public void Utf16FileWithItsByteOrderMark_IsRead()
    {
        _content.WriteBytes("publications/utf16.bib", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("@article{k, author = {Gödel, Kurt}, title = {Über Sätze}, year = {1931}}\r\n")]);

        var paper = Load().Content!.PublicationsBySlug["k"];

        Assert.Equal(("Kurt Gödel", "Über Sätze", 1931), (paper.Authors[0].Name, paper.Title, paper.Date.Year));
    }

    [Fact]
    public void WholeLibraryExport_LargerThanAContentFile_IsRead()
    {
        // A whole Zotero or Mendeley library is megabytes; the limit for a hand-written file is 1 MiB.
        var entries = new StringBuilder();
        for (var i = 0; entries.Length < 1_200_000; i++)
        {
            entries.Append("@article{k").Append(i).Append(", author = {Doe, Jane}, title = {Paper ").Append(i)
                .Append("}, journal = {J}, year = {2020}, abstract = {").Append('x', 400).Append("}}\n");
        }

        _content.Write("publications/library.bib", entries.ToString());

        var content = Load().Content!;

        Assert.True(content.PublicationsBySlug.ContainsKey("k2000"));
    }
}
