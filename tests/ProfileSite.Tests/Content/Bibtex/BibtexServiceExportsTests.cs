using System.Text.Json;
using ProfileSite.Content;
using ProfileSite.Content.Loading;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content.Bibtex;

/// <summary>
/// Real entries from the services scholars download <c>.bib</c> files from (NASA ADS, Crossref and
/// DataCite through doi.org, Semantic Scholar), each copied from the public file named beside it,
/// through the loader: what the served paper says and which warnings the owner gets.
/// </summary>
public sealed class BibtexServiceExportsTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private ContentLoadResult Load() => _content.LoadSucceeded();

    private static string[] Warnings(ContentLoadResult result, string file) =>
        [.. result.Problems.Where(p => p.File.EndsWith(file, StringComparison.Ordinal)).Select(p => p.ToString())];

    [Fact]
    public void NasaAds_JournalMacroReadsAsTheAbbreviationLatexPrints()
    {
        // adsabs/export_service, README.md (the service's own example answer).
        _content.Write("publications/ads.bib", """
            @ARTICLE{2015ApJS..219...21Z,
               author = {{Zhang}, M. and {Fang}, M. and {Wang}, H. and {Sun}, J. and
            	{Wang}, M. and {Jiang}, Z. and {Anathipindika}, S.},
                title = "{A Deep Near-infrared Survey toward the Aquila Molecular Cloud. I. Molecular Hydrogen Outflows}",
              journal = {\apjs},
            archivePrefix = "arXiv",
               eprint = {1506.08372},
             primaryClass = "astro-ph.SR",
                 year = 2015,
                month = aug,
               volume = 219,
                  eid = {21},
                pages = {21},
                  doi = {10.1088/0067-0049/219/2/21},
               adsurl = {http://adsabs.harvard.edu/abs/2015ApJS..219...21Z},
              adsnote = {Provided by the SAO/NASA Astrophysics Data System}
            }

            @ARTICLE{2025PSJ.....6..252C,
                   author = {{Cassese}, Ben and {Rice}, Malena and {Lu}, Tiger},
                    title = "{A High-precision, Differentiable Code for Solar System Ephemerides}",
                  journal = {\psj},
                     year = 2025,
                    month = nov,
                   volume = {6},
                      doi = {10.3847/PSJ/ae0a36},
            }
            """);

        var result = Load();

        var apjs = result.Content!.PublicationsBySlug["2015apjs-219-21z"];
        Assert.Equal("ApJS", apjs.Venue);
        Assert.Equal("ApJS", JsonDocument.Parse(result.Content.PublicationIndex.CslJson).RootElement.EnumerateArray()
            .Single(e => e.GetProperty("id").GetString() == "2015ApJS..219...21Z").GetProperty("container-title").GetString());
        // \psj is one of the macros ADS writes that aas_macros.sty 5.2 does not define.
        var psj = result.Content.PublicationsBySlug["2025psj-6-252c"];
        Assert.Equal("PSJ", psj.Venue);
        Assert.Empty(Warnings(result, "ads.bib"));
    }

    [Fact]
    public void NasaAds_PunctuationForMissingNamesIsRepairedWithAWarning()
    {
        // adsabs/export_service, exportsrv/tests/unittests/stubdata/bibTexTest.py (ADS records as exported).
        _content.Write("publications/ads.bib", """
            @ARTICLE{2007RJPh....1...35.,
                   author = {{.}, S.~N. Agbo and {.}, E.~C. Okoroigwe},
                    title = "{Analysis of Thermal Losses in the Flat-Plate Collector of a Thermosyphon Solar Water Heater}",
                  journal = {Research Journal of Physics},
                     year = 2007,
            }

            @INPROCEEDINGS{2007AAS...210.2104M,
                   author = {{Mahabal}, Ashish A. and {Drake}, A.~J. and {Indiana} and {}, . . .},
                    title = "{Time Domain Exploration with the Palomar-QUEST Sky Survey}",
                booktitle = {American Astronomical Society Meeting Abstracts \#210},
                     year = 2007,
            }
            """);

        var result = Load();

        var agbo = result.Content!.PublicationsBySlug["2007rjph-1-35"];
        Assert.Equal(["S. N. Agbo", "E. C. Okoroigwe"], agbo.Authors.Select(a => a.Name));
        Assert.Equal("Agbo", agbo.Authors[0].Parts!.Family);
        var mahabal = result.Content.PublicationsBySlug["2007aas-210-2104m"];
        Assert.Equal(["Ashish A. Mahabal", "A. J. Drake", "Indiana"], mahabal.Authors.Select(a => a.Name));
        Assert.True(mahabal.MoreAuthors);
        Assert.Equal(
            [
                "content/publications/ads.bib:2:18: warning: 'author': name \"{.}, S.~N. Agbo\" has a family part without letters; read as \"S. N. Agbo\"",
                "content/publications/ads.bib:2:38: warning: 'author': name \"{.}, E.~C. Okoroigwe\" has a family part without letters; read as \"E. C. Okoroigwe\"",
                "content/publications/ads.bib:9:76: warning: 'author': name \"{}, . . .\" has no letters; read as \"and others\"",
            ],
            Warnings(result, "ads.bib"));
    }

    [Fact]
    public void NasaAds_DoisRunTogetherGiveTheFirstWithAWarning()
    {
        // adsabs/export_service, exportsrv/tests/unittests/stubdata/bibTexTest.py: the article's DOI and arXiv's, joined.
        _content.Write("publications/ads.bib", """
            @ARTICLE{2020EPJC...80...96D,
                   author = {{Dhaygude}, Akanksha and {Desai}, Shantanu},
                    title = "{Generalized Lomb{\textendash}Scargle analysis of 36Cl decay rate measurements at PTB and BNL}",
                  journal = {European Physical Journal C},
                     year = 2020,
                      doi = {10.1140/epjc/s10052-020-7683-610.48550/arXiv.1912.06970},
            archivePrefix = {arXiv},
                   eprint = {1912.06970},
            }
            """);

        var result = Load();

        var paper = result.Content!.PublicationsBySlug["2020epjc-80-96d"];
        Assert.Equal("10.1140/epjc/s10052-020-7683-6", paper.Doi);
        Assert.Equal(
            ["content/publications/ads.bib:6:11: warning: 'doi' \"10.1140/epjc/s10052-020-7683-610.48550/arXiv.1912.06970\" holds more than one DOI; the first, 10.1140/epjc/s10052-020-7683-6, is the work's"],
            Warnings(result, "ads.bib"));
    }

    [Theory]
    [InlineData("10.1088/0004-637X/812/1/24")]
    [InlineData("10.1007/JHEP04(2011)038")]
    [InlineData("10.5281/zenodo.10908474")]
    [InlineData("10.1002/(SICI)1097-4636(199706)35:4<471::AID-JBM8>3.0.CO;2-H")]
    [InlineData("10.1016/j.physletb.2010.05.001")]
    public void OneDoi_IsNotTakenForSeveral(string doi) => Assert.Null(Doi.FirstOfSeveral(doi));

    [Fact]
    public void SemanticScholar_AuthorsSeparatedByCommasAreEachAName()
    {
        // A Semantic Scholar entry as its authors edited it, quoted in a project README (found by
        // searching public repositories for "api.semanticscholar.org/CorpusID:").
        _content.Write("publications/s2.bib", """
            @article{Feng2024CityGPTEU,
              title={CityGPT: Empowering Urban Spatial Cognition of Large Language Models},
              author={Jie Feng, Tianhui Liu, Yuwei Du, Siqi Guo, Yuming Lin, and Yong Li},
              journal={ArXiv},
              year={2024},
              volume={abs/2406.13948},
              url={https://api.semanticscholar.org/CorpusID:270619725}
            }
            """);

        var result = Load();

        var paper = result.Content!.PublicationsBySlug["feng2024citygpteu"];
        Assert.Equal(["Jie Feng", "Tianhui Liu", "Yuwei Du", "Siqi Guo", "Yuming Lin", "Yong Li"], paper.Authors.Select(a => a.Name));
        Assert.Equal(
            ["content/publications/s2.bib:3:11: warning: 'author': name \"Jie Feng, Tianhui Liu, Yuwei Du, Siqi Guo, Yuming Lin,\" is 5 names separated by commas, not one (BibTeX's forms are \"First von Last\", \"von Last, First\" and \"von Last, Jr, First\"); each is read as a name"],
            Warnings(result, "s2.bib"));
    }

    [Fact]
    public void NameWithASuffix_StaysOneName()
    {
        _content.Write("publications/jr.bib", "@article{k, author = {King, Jr., Martin Luther and van der Berg, III, Jan}, title = {T}, year = {1963}}");

        var result = Load();

        Assert.Equal(["Martin Luther King, Jr.", "Jan van der Berg, III"], result.Content!.PublicationsBySlug["k"].Authors.Select(a => a.Name));
        Assert.Empty(Warnings(result, "jr.bib"));
    }

    [Fact]
    public void Crossref_PrettyPrintedJatsTitleHasNoSpaceBeforeItsColon()
    {
        // doi.org's answer for 10.1111/j.1365-2958.2006.05172.x as quoted (trimmed) in a project's
        // tests of registry answers (found by searching public repositories for "Wirth_2006").
        _content.Write("publications/crossref.bib", """
             @article{Wirth_2006, title={Sex and virulence in
                                <i>Escherichia coli</i>
                                : an evolutionary perspective}, DOI={10.1111/j.1365-2958.2006.05172.x}, journal={Molecular Microbiology}, author={Wirth, Thierry}, year={2006}}
            """);

        var content = Load().Content!;
        var paper = content.PublicationsBySlug["wirth-2006"];

        Assert.Equal("Sex and virulence in Escherichia coli: an evolutionary perspective", paper.Title);
        Assert.Equal("Sex and virulence in <em>Escherichia coli</em>: an evolutionary perspective", paper.TitleHtml);
        var csl = JsonDocument.Parse(content.PublicationIndex.CslJson).RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "Wirth_2006");
        Assert.Equal("Sex and virulence in <i>Escherichia coli</i>: an evolutionary perspective", csl.GetProperty("title").GetString());
    }
}
