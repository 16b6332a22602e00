using System.Text.Json;
using ProfileSite.Content;
using ProfileSite.Content.Bibtex;
using ProfileSite.Content.Loading;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content.Bibtex;

/// <summary>
/// The thirteen kinds of fault issue 12 found in real <c>.bib</c> files, each on a minimal input of
/// our own, asserting the value BibTeX, biber or biblatex gives (names invented).
/// </summary>
public sealed class BibtexKindsTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private ContentLoadResult LoadBib(string bib)
    {
        _content.Write("publications/refs.bib", bib);
        return _content.LoadSucceeded();
    }

    private Publication Paper(string bib, string slug) => LoadBib(bib).Content!.PublicationsBySlug[slug];

    private static JsonElement Csl(SiteContent content, string id) =>
        JsonDocument.Parse(content.PublicationIndex.CslJson).RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);

    private static string[] Tags(SiteContent content, string slug, string name) =>
        [.. content.PublicationIndex.Pages[slug].CitationTags.Where(t => t.Name == name).Select(t => t.Content)];

    private static string Warnings(ContentLoadResult result) => string.Join("\n", result.Problems.Where(p => !p.IsError));

    // ---- 1. one entry no longer stops the site ----------------------------------------------

    [Fact]
    public void Kind1_UndefinedMacro_IsEmptyWithAWarningAndTheEntryIsServed()
    {
        var result = LoadBib("@article{k,\n  title = {T},\n  author = {Doe, Jane},\n  selected = true,\n  year = {2020},\n}\n");

        Assert.Equal("content/publications/refs.bib:4:14: warning: undefined @string macro 'true' is read as empty, as BibTeX does; define it with @string{true = {...}} or put the value in braces", Warnings(result));
        Assert.Equal("T", result.Content!.PublicationsBySlug["k"].Title);
    }

    [Fact]
    public void Kind1_EmptyKey_GetsAGeneratedKeyWithAWarning()
    {
        var result = LoadBib("@article{,\n  title={The Deep Thing}, author={Doe, Jane}, year={2020}}\n@article{, title={The Deep Thing}, author={Doe, Jane}, year={2020}}\n");

        Assert.Contains("refs.bib:1:10: warning: @article has no citation key; it is given the key 'doe2020deep'", Warnings(result), StringComparison.Ordinal);
        Assert.Contains("refs.bib:3:10: warning: @article has no citation key; it is given the key 'doe2020deepb'", Warnings(result), StringComparison.Ordinal);
        Assert.Equal(["doe2020deep", "doe2020deepb"], result.Content!.Publications.Select(p => p.BibtexKey).OfType<string>().Order());
    }

    [Fact]
    public void Kind1_MissingTitleAuthorAndYear_AreServedWithWarnings()
    {
        var result = LoadBib("@misc{notitle, author = {Doe, Jane}, year = 2020}\n@misc{noauthor, title = {T}, year = 2020}\n@misc{noyear, title = {U}, author = {Doe, Jane}}\n");

        var content = result.Content!;
        Assert.Equal("Untitled", content.PublicationsBySlug["notitle"].Title);
        Assert.Empty(content.PublicationsBySlug["noauthor"].Authors);
        Assert.True(content.PublicationsBySlug["noyear"].Undated);
        Assert.Equal(3, result.WarningCount);
    }

    // ---- 2-4, 13. names ----------------------------------------------------------------------

    [Theory]
    [InlineData("De Witt, Anna", "Anna", "", "De Witt", "")]
    [InlineData("Ruiz García, Marta", "Marta", "", "Ruiz García", "")]
    [InlineData("Smith, Jr., John", "John", "", "Smith", "Jr.")]
    [InlineData("Teresi, Giana l", "Giana l", "", "Teresi", "")]
    [InlineData("Ludwig van Beethoven", "Ludwig", "van", "Beethoven", "")]
    [InlineData("Jean de la Fontaine du Bois", "Jean", "de la Fontaine du", "Bois", "")]
    [InlineData("van der Waals, Johannes Diderik", "Johannes Diderik", "van der", "Waals", "")]
    [InlineData("{\\'E}mile Zola", "Émile", "", "Zola", "")]
    [InlineData("Charles Louis Xavier Joseph {de la} Vall{\\'e}e Poussin", "Charles Louis Xavier Joseph de la Vallée", "", "Poussin", "")]
    public void Kinds2And3And13_NamesSplitIntoFirstVonLastJr(string written, string first, string von, string last, string jr)
    {
        var name = Assert.Single(BibtexNames.Parse(written).Names);

        Assert.Equal((first, von, last, jr), (name.First, name.Von, name.Last, name.Jr));
    }

    [Fact]
    public void Kind3_Suffix_IsCslSuffixAndShownAfterAComma()
    {
        var content = LoadBib("@article{k, author = {Smith, Jr., John}, title = {T}, year = 2020}").Content!;

        Assert.Equal("John Smith, Jr.", content.PublicationsBySlug["k"].Authors[0].Name);
        var author = Csl(content, "k").GetProperty("author")[0];
        Assert.Equal(("Smith", "John", "Jr."), (author.GetProperty("family").GetString(), author.GetProperty("given").GetString(), author.GetProperty("suffix").GetString()));
    }

    [Fact]
    public void Kind4_BracedName_IsOneLiteralName()
    {
        var content = LoadBib("@report{k, author = {{Acme Consortium} and Doe, Jane}, title = {T}, year = 2020}").Content!;

        Assert.Equal("Acme Consortium", content.PublicationsBySlug["k"].Authors[0].Name);
        var author = Csl(content, "k").GetProperty("author")[0];
        Assert.Equal("Acme Consortium", author.GetProperty("literal").GetString());
        Assert.False(author.TryGetProperty("given", out _));
    }

    // ---- 5. journaltitle -----------------------------------------------------------------------

    [Fact]
    public void Kind5_Journaltitle_IsTheVenueContainerTitleAndJournalTag()
    {
        var content = LoadBib("@article{k, author = {Doe, Jane}, title = {T}, journaltitle = {Journal of Things}, journalsubtitle = {Letters}, date = {2020}}").Content!;

        Assert.Equal("Journal of Things: Letters", content.PublicationsBySlug["k"].Venue);
        Assert.Equal("Journal of Things: Letters", Csl(content, "k").GetProperty("container-title").GetString());
        Assert.Equal(["Journal of Things: Letters"], Tags(content, "k", "citation_journal_title"));
    }

    // ---- 6. crossref ---------------------------------------------------------------------------

    [Fact]
    public void Kind6_Crossref_ChildInheritsAndTheParentIsNotListed()
    {
        var result = LoadBib("""
            @inproceedings{child,
              author = {Doe, Jane},
              title = {Our Paper},
              crossref = {proc},
              pages = {1--10},
            }
            @proceedings{proc,
              editor = {Editor, Edna},
              title = {Proceedings of the Workshop on Things},
              year = {2019},
              publisher = {Thing Press},
            }
            """);

        var content = result.Content!;
        var child = Assert.Single(content.Publications, p => p.SourceFile.EndsWith(".bib", StringComparison.Ordinal));
        Assert.Equal("child", child.Slug);
        Assert.Equal(2019, child.Date.Year);
        Assert.Equal("Proceedings of the Workshop on Things", child.Venue);
        Assert.Equal(PublicationType.Workshop, child.Type);
        Assert.Equal(["Jane Doe"], child.Authors.Select(a => a.Name));
        Assert.Equal(["Edna Editor"], child.Editors.Select(a => a.Name));
        Assert.DoesNotContain("proc", content.PublicationsBySlug.Keys);
        Assert.Equal("Proceedings of the Workshop on Things", Csl(content, "child").GetProperty("container-title").GetString());
        Assert.Equal(["Jane Doe"], Tags(content, "child", "citation_author"));
        Assert.Contains("booktitle = {Proceedings of the Workshop on Things}", content.PublicationIndex.Pages["child"].Bibtex, StringComparison.Ordinal);
    }

    [Fact]
    public void Kind6_XdataAndPeriodicalCrossref_FollowBibersRules()
    {
        var content = LoadBib("""
            @xdata{pub, publisher = {Thing Press}, location = {Zurich}}
            @periodical{jot, title = {Journal of Things}, year = {2021}}
            @article{a, author = {Doe, Jane}, title = {A}, crossref = {jot}, xdata = {pub}}
            """).Content!;

        var paper = Assert.Single(content.Publications, p => p.SourceFile.EndsWith(".bib", StringComparison.Ordinal));
        Assert.Equal(("a", "Journal of Things", 2021, "Zurich"), (paper.Slug, paper.Venue, paper.Date.Year, paper.Place));
        Assert.Equal("Thing Press", Csl(content, "a").GetProperty("publisher").GetString());
    }

    // ---- 7. dates ------------------------------------------------------------------------------

    [Theory]
    [InlineData("1984/1986", "1984", "1986", false)]
    [InlineData("2019-07/2019-08", "2019-07", "2019-08", false)]
    [InlineData("2019-07-04", "2019-07-04", null, false)]
    [InlineData("1988/..", "1988", null, false)]
    [InlineData("1900~", "1900", null, true)]
    public void Kind7_BiblatexDates_AreRangesAndQualifiers(string written, string start, string? end, bool approximate)
    {
        var paper = Paper($"@book{{k, author = {{Doe, Jane}}, title = {{T}}, date = {{{written}}}}}", "k");

        Assert.Equal(start, paper.Date.ToIsoString());
        Assert.Equal(end, paper.EndDate?.ToIsoString());
        Assert.Equal(approximate, paper.ApproximateDate);
    }

    [Fact]
    public void Kind7_DateRange_IsTwoDatePartsInCslAndAnEnDashOnThePage()
    {
        var content = LoadBib("@book{k, author = {Doe, Jane}, title = {T}, date = {1984/1986}}").Content!;

        Assert.Equal("1984–1986", content.PublicationsBySlug["k"].DateText);
        Assert.Equal("[[1984],[1986]]", Csl(content, "k").GetProperty("issued").GetProperty("date-parts").GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal));
    }

    // ---- 8, 11. LaTeX commands ---------------------------------------------------------------

    [Theory]
    [InlineData(@"\mkbibquote{Intention}", "“Intention”")]
    [InlineData(@"Big Blue\textsuperscript{\tiny\textregistered}", "Big Blue®")]
    [InlineData(@"methodology\hyphen independent", "methodology-independent")]
    [InlineData(@"{\em Drosophila} and {\bfseries bold} \Large text", "Drosophila and bold text")]
    [InlineData(@"\enquote{A} \foreignlanguage{french}{B} \noopsort{zz}C", "“A” B C")]
    [InlineData(@"H\textsubscript{2}O and x\textsuperscript{2}", "H₂O and x²")]
    public void Kind8_CommandsKeepTheirMeaningNotTheirNames(string latex, string expected)
    {
        Assert.Equal(expected, LatexText.ToUnicode(latex));
        Assert.Empty(LatexMarkup.Parse(latex).Unknown);
    }

    [Fact]
    public void Kind8_UnknownCommand_KeepsItsArgumentAndWarnsWithItsPosition()
    {
        var result = LoadBib("@misc{k, author = {Doe, Jane}, year = 2020,\n  title = {The \\frobnicate{Widget} Study}}\n");

        Assert.Equal("The Widget Study", result.Content!.PublicationsBySlug["k"].Title);
        Assert.Equal("content/publications/refs.bib:2:16: warning: unknown LaTeX command \\frobnicate in 'title'; its name is dropped and its argument kept as text", Warnings(result));
    }

    [Fact]
    public void Kind11_TextCommands_BecomeHtmlAndCslRichText()
    {
        var content = LoadBib(@"@article{k, author = {Doe, Jane}, year = 2020, title = {\emph{Drosophila melanogaster} in H\textsubscript{2}O: \textbf{bold} \textsc{Caps} {BERT}}}").Content!;

        var paper = content.PublicationsBySlug["k"];
        Assert.Equal("<em>Drosophila melanogaster</em> in H<sub>2</sub>O: <strong>bold</strong> <span class=\"small-caps\">Caps</span> BERT", paper.TitleHtml);
        Assert.Equal("Drosophila melanogaster in H₂O: bold Caps BERT", paper.Title);
        Assert.Equal("<i>Drosophila melanogaster</i> in H<sub>2</sub>O: <b>bold</b> <span style=\"font-variant:small-caps;\">Caps</span> <span class=\"nocase\">BERT</span>", Csl(content, "k").GetProperty("title").GetString());
    }

    // ---- 9. editors ----------------------------------------------------------------------------

    [Fact]
    public void Kind9_Editors_AreCslEditorsAndNeverCitationAuthors()
    {
        var content = LoadBib("@book{e, editor={Edna Editor}, title={T}, year={2011}}").Content!;

        var paper = content.PublicationsBySlug["e"];
        Assert.Empty(paper.Authors);
        Assert.Equal(["Edna Editor"], paper.Editors.Select(e => e.Name));
        var csl = Csl(content, "e");
        Assert.False(csl.TryGetProperty("author", out _));
        Assert.Equal("Editor", csl.GetProperty("editor")[0].GetProperty("family").GetString());
        Assert.Empty(Tags(content, "e", "citation_author"));
        Assert.Contains("editor = {Editor, Edna}", BibtexWriter.FromPublication(paper, "e"), StringComparison.Ordinal);
    }

    // ---- 10. math ------------------------------------------------------------------------------

    [Theory]
    [InlineData(@"\(B_s^0 \to \phi \mu^+ \mu^-\)", "B⁰ₛ → φμ⁺μ⁻")]
    [InlineData(@"$\ell_1$", "ℓ₁")]
    [InlineData(@"$\sqrt{s}$", "√s")]
    [InlineData(@"$\frac{o}{a}$", "o/a")]
    [InlineData(@"$\eta$", "η")]
    [InlineData(@"\ensuremath{\alpha}-stable", "α-stable")]
    public void Kind10_Math_IsUnicodeInPlainTextAndMathMlInHtml(string title, string text)
    {
        var content = LoadBib($"@misc{{k, author = {{Doe, Jane}}, year = 2020, title = {{{title}}}}}").Content!;

        var paper = content.PublicationsBySlug["k"];
        Assert.Equal(text, paper.Title);
        Assert.Contains("<math", paper.TitleHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", paper.TitleHtml, StringComparison.Ordinal);
        Assert.Equal([text], Tags(content, "k", "citation_title"));
    }

    [Fact]
    public void Kind10_InvalidMath_IsAWarningAndShownAsCode()
    {
        var result = LoadBib("@misc{k, author = {Doe, Jane}, year = 2020,\n  title = {On $\\frac{a}$ things}}\n");

        var paper = result.Content!.PublicationsBySlug["k"];
        Assert.Contains("<code class=\"math-error\">$\\frac{a}$</code>", paper.TitleHtml, StringComparison.Ordinal);
        var warning = Assert.Single(result.Problems);
        Assert.StartsWith("content/publications/refs.bib:2:15: warning: invalid math in 'title': ", warning.ToString(), StringComparison.Ordinal);
    }

    // ---- 12. DOIs ------------------------------------------------------------------------------

    private const string SiciDoi = "10.1002/(SICI)1097-4636(199706)35:4<471::AID-JBM8>3.0.CO;2-H";
    private const string SiciUrl = "https://doi.org/10.1002/(SICI)1097-4636(199706)35:4%3C471::AID-JBM8%3E3.0.CO;2-H";

    [Fact]
    public void Kind12_DoiWithAngleBrackets_FromBibtex_IsLinkedEncodedAndCitedAsWritten()
    {
        var content = LoadBib($"@article{{k, author = {{Doe, Jane}}, title = {{T}}, year = 1997, doi = {{{SiciDoi}}}}}").Content!;

        var paper = content.PublicationsBySlug["k"];
        Assert.Equal(SiciDoi, paper.Doi);
        Assert.Equal(SiciUrl, paper.Links.Single(l => l.Kind == "doi").Url);
        Assert.Equal([SiciDoi], Tags(content, "k", "citation_doi"));
        Assert.Equal(SiciDoi, Csl(content, "k").GetProperty("DOI").GetString());
        var jsonLd = JsonDocument.Parse(content.PublicationIndex.Pages["k"].JsonLd).RootElement;
        Assert.Contains(SiciUrl, jsonLd.GetProperty("sameAs").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Kind12_DoiWithAngleBrackets_InFrontMatter_IsAccepted()
    {
        _content.Write("publications/2022-cuts.md", $"---\ntitle: Cuts\nauthors: [Dan Other]\nyear: 1997\nlinks: {{ doi: \"{SiciDoi}\" }}\n---\n");

        var paper = _content.LoadValid().PublicationsBySlug["2022-cuts"];

        Assert.Equal(SiciDoi, paper.Doi);
        Assert.Equal(SiciUrl, paper.Links.Single(l => l.Kind == "doi").Url);
    }

    // ---- 13. entry types and subtitles ---------------------------------------------------------

    [Theory]
    [InlineData("collection", "book")]
    [InlineData("mvbook", "book")]
    [InlineData("online", "webpage")]
    [InlineData("thesis", "thesis")]
    [InlineData("dataset", "dataset")]
    [InlineData("incollection", "chapter")]
    public void Kind13_EntryTypes_HaveTheirCslTypes(string type, string csl)
    {
        var content = LoadBib($"@{type}{{k, author = {{Doe, Jane}}, title = {{T}}, year = 2020}}").Content!;

        Assert.Equal(csl, Csl(content, "k").GetProperty("type").GetString());
    }

    [Fact]
    public void Kind13_Subtitle_IsPartOfTheTitle()
    {
        var paper = Paper("@book{k, author = {Doe, Jane}, title = {Main}, subtitle = {A Subtitle}, titleaddon = {Addon}, year = 2020}", "k");

        Assert.Equal("Main: A Subtitle. Addon", paper.Title);
    }
}
