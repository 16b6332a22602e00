using ProfileSite.Content.Bibtex;

namespace ProfileSite.Tests.Content.Bibtex;

/// <summary>The BibTeX reader on entries as real tools export them, and on the mistakes people make.</summary>
public sealed class BibtexParserTests
{
    private static BibtexEntry Single(string text)
    {
        var document = BibtexParser.Parse(text);
        Assert.Empty(document.Problems);
        return Assert.Single(document.Entries);
    }

    // ---- realistic exports ---------------------------------------------------------------

    [Fact]
    public void Parse_GoogleScholarExport()
    {
        // Google Scholar's "Cite > BibTeX": lower-case types, braces, "and" lists, arXiv as a journal.
        var entry = Single("""
            @article{zhang2024anchor,
              title={Anchor function: a type of benchmark functions for studying language models},
              author={Zhang, Zhongwang and Wang, Zhiwei and Yao, Junjie and Zhou, Zhangchen and Li, Xiaolong and Xu, Zhi-Qin John and others},
              journal={arXiv preprint arXiv:2401.08309},
              year={2024}
            }
            """);

        Assert.Equal(("article", "zhang2024anchor"), (entry.Type, entry.Key));
        Assert.Equal("Anchor function: a type of benchmark functions for studying language models", entry["title"]);
        Assert.Equal("arXiv preprint arXiv:2401.08309", entry["journal"]);
        Assert.Equal("2024", entry["year"]);
        var authors = BibtexNames.Parse(entry.Field("author")!.Raw);
        Assert.Equal(6, authors.Names.Length);
        Assert.True(authors.EtAl);
        Assert.Equal(new PersonName("Zhi-Qin John", "Xu"), authors.Names[5]);
        Assert.Equal("Zhongwang Zhang", authors.Names[0].Display);
    }

    [Fact]
    public void Parse_DblpExport()
    {
        // DBLP: keys with slashes and colons, aligned '=', double-braced titles, metadata fields.
        var entry = Single("""
            @inproceedings{DBLP:conf/nips/ZhangZLX21,
              author       = {Yaoyu Zhang and
                              Zhongwang Zhang and
                              Tao Luo and
                              Zhi{-}Qin John Xu},
              editor       = {Marc'Aurelio Ranzato and
                              Alina Beygelzimer},
              title        = {Embedding Principle of Loss Landscape of Deep Neural Networks},
              booktitle    = {Advances in Neural Information Processing Systems 34: Annual Conference
                              on Neural Information Processing Systems 2021, NeurIPS 2021, December
                              6-14, 2021, virtual},
              pages        = {14848--14859},
              year         = {2021},
              url          = {https://proceedings.neurips.cc/paper/2021/hash/7cc532d783a7461f227a5da8ea80bfe1-Abstract.html},
              timestamp    = {Tue, 03 May 2022 16:20:47 +0200},
              biburl       = {https://dblp.org/rec/conf/nips/ZhangZLX21.bib},
              bibsource    = {dblp computer science bibliography, https://dblp.org}
            }
            """);

        Assert.Equal("DBLP:conf/nips/ZhangZLX21", entry.Key);
        Assert.Equal("inproceedings", entry.Type);
        Assert.StartsWith("Advances in Neural Information Processing Systems 34: Annual Conference on Neural", entry["booktitle"]);
        Assert.Equal("14848–14859", entry["pages"]);
        var authors = BibtexNames.Parse(entry.Field("author")!.Raw).Names;
        Assert.Equal(["Yaoyu Zhang", "Zhongwang Zhang", "Tao Luo", "Zhi-Qin John Xu"], authors.Select(a => a.Display));
        Assert.Equal(10, entry.Fields.Length);
        Assert.Equal((8, 3), (entry.Field("title")!.Line, entry.Field("title")!.Column));
    }

    [Fact]
    public void Parse_ArxivExport()
    {
        // arXiv's "Export BibTeX Citation": @misc with eprint, archivePrefix and primaryClass.
        var entry = Single("""
            @misc{zhang2024initializationcriticaltransformersfit,
                  title={Initialization is Critical to Whether Transformers Fit Composite Functions by Reasoning or Memorizing},
                  author={Zhongwang Zhang and Pengxiao Lin and Zhiwei Wang and Yaoyu Zhang and Zhi-Qin John Xu},
                  year={2024},
                  eprint={2405.05409},
                  archivePrefix={arXiv},
                  primaryClass={cs.LG},
                  url={https://arxiv.org/abs/2405.05409},
            }
            """);

        Assert.Equal("misc", entry.Type);
        Assert.Equal("2405.05409", entry["eprint"]);
        Assert.Equal("arXiv", entry["archiveprefix"]);
        Assert.Equal("cs.LG", entry["primaryclass"]);
        Assert.Equal("https://arxiv.org/abs/2405.05409", entry["url"]);
    }

    [Fact]
    public void Parse_AcmExport()
    {
        // ACM Digital Library: numpages, keywords, location, series, a trailing-comma-free last field.
        var entry = Single("""
            @inproceedings{10.1145/3292500.3330701,
            author = {M\"{u}ller, J\"{o}rg and Garc\'{\i}a, Mar\'{\i}a and \v{S}koda, Ond\v{r}ej},
            title = {Fast and Accurate {Graph} Embeddings at Scale},
            year = {2019},
            isbn = {9781450362016},
            publisher = {Association for Computing Machinery},
            address = {New York, NY, USA},
            url = {https://doi.org/10.1145/3292500.3330701},
            doi = {10.1145/3292500.3330701},
            abstract = {We study embeddings \& show they are 10\% faster---and more ``robust''.},
            booktitle = {Proceedings of the 25th ACM SIGKDD International Conference on Knowledge Discovery \& Data Mining},
            pages = {1--10},
            numpages = {10},
            keywords = {graph embedding, scalability},
            location = {Anchorage, AK, USA},
            series = {KDD '19}
            }
            """);

        Assert.Equal("10.1145/3292500.3330701", entry.Key);
        Assert.Equal("Fast and Accurate Graph Embeddings at Scale", entry["title"]);
        Assert.Equal(["Jörg Müller", "María García", "Ondřej Škoda"], BibtexNames.Parse(entry.Field("author")!.Raw).Names.Select(n => n.Display));
        Assert.Equal("We study embeddings & show they are 10% faster—and more “robust”.", entry["abstract"]);
        Assert.Equal("Proceedings of the 25th ACM SIGKDD International Conference on Knowledge Discovery & Data Mining", entry["booktitle"]);
        Assert.Equal("KDD '19", entry["series"]);
    }

    [Fact]
    public void Parse_IeeeExport()
    {
        // IEEE Xplore: upper-case type, keys like AUTHOR:YEAR, month as a quoted abbreviation, keywords with ';'.
        var entry = Single("""
            @ARTICLE{10412142,
              author={Zhang, Zhongwang and Xu, Zhi-Qin John},
              journal={IEEE Transactions on Pattern Analysis and Machine Intelligence},
              title={Implicit Regularization of Dropout},
              year={2024},
              volume={46},
              number={6},
              pages={4206-4217},
              keywords={Training;Neural networks;Stochastic processes},
              doi={10.1109/TPAMI.2024.3357172}}
            """);

        Assert.Equal(("article", "10412142"), (entry.Type, entry.Key));
        Assert.Equal("10.1109/TPAMI.2024.3357172", entry["doi"]);
        Assert.Equal("4206-4217", entry["pages"]);
        Assert.Equal("46", entry["volume"]);
    }

    // ---- syntax ----------------------------------------------------------------------------

    [Fact]
    public void Parse_StringMacrosConcatenationAndMonths()
    {
        var entry = Single("""
            @string{tpami = "IEEE Transactions on " # "Pattern Analysis"}
            @STRING(conf = {NeurIPS})
            @article{key,
              journal = tpami # { and Machine Intelligence},
              note = conf # "~" # 2024,
              month = sep,
              year = 2024,
            }
            """);

        Assert.Equal("IEEE Transactions on Pattern Analysis and Machine Intelligence", entry["journal"]);
        Assert.Equal("NeurIPS\u00A02024", entry["note"]);
        Assert.Equal("September", entry["month"]);
        Assert.Equal("2024", entry["year"]);
    }

    [Fact]
    public void Parse_QuotesBracesNestingAndParentheses()
    {
        var entry = Single("""
            @book(knuth,
              title = "The {\TeX}book: {A {Nested} Group} with {"}quotes{"}",
              publisher = {Addison-{W}esley {Professional {Books}}},
              year = "1984"
            )
            """);

        Assert.Equal("knuth", entry.Key);
        Assert.Equal("The TeXbook: A Nested Group with \"quotes\"", entry["title"]);
        Assert.Equal("Addison-Wesley Professional Books", entry["publisher"]);
    }

    [Fact]
    public void Parse_CommentsPreambleAndTextBetweenEntries()
    {
        var document = BibtexParser.Parse("""
            This text is ignored, as BibTeX ignores it.
            @comment{jabref-meta: databaseType:bibtex; with {nested} braces}
            @preamble{ "\newcommand{\noopsort}[1]{}" # "\relax" }
            % a percent comment line
            @misc{one, title = {One}, year = 2020}
            stray words between entries
            @misc{two, title = {Two}, year = 2021}
            """);

        Assert.Empty(document.Problems);
        Assert.Equal(["one", "two"], document.Entries.Select(e => e.Key));
    }

    [Theory]
    [InlineData(@"{\""u}ber", "über")]
    [InlineData(@"\""{u}ber", "über")]
    [InlineData(@"Caf\'e", "Café")]
    [InlineData(@"Erd\H{o}s", "Erdős")]
    [InlineData(@"Fran\c{c}ois", "François")]
    [InlineData(@"Fran\c cois", "François")]
    [InlineData(@"\v{C}ech", "Čech")]
    [InlineData(@"Stra{\ss}e", "Straße")]
    [InlineData(@"{\o}ystein {\AA}se", "øystein Åse")]
    [InlineData(@"Ma{\l}gorzata", "Małgorzata")]
    [InlineData(@"\`{a} la \^{e}tre", "à la être")]
    [InlineData(@"R\&D at 50\% \$5 \#1 a\_b", "R&D at 50% $5 #1 a_b")]
    [InlineData(@"pages 1--10 and 1---10", "pages 1–10 and 1—10")]
    [InlineData(@"Fig.~1", "Fig.\u00A01")]
    [InlineData(@"\emph{Deep} \textbf{nets} in \texttt{C}", "Deep nets in C")]
    [InlineData(@"$\alpha$-stable {$\ell_1$} loss", "α-stable ℓ₁ loss")]
    [InlineData(@"\textasciitilde\ and \textbackslash{}", "~ and \\")]
    [InlineData("{T}he   {BERT}\n  model", "The BERT model")]
    public void Latex_DecodesToUnicode(string latex, string expected)
    {
        Assert.Equal(expected, LatexText.ToUnicode(latex));
    }

    [Theory]
    [InlineData("Zhang, Zhongwang and Xu, Zhi-Qin John", new[] { "Zhongwang Zhang", "Zhi-Qin John Xu" }, false)]
    [InlineData("Ludwig van Beethoven and de la Fontaine, Jean", new[] { "Ludwig van Beethoven", "Jean de la Fontaine" }, false)]
    [InlineData("King, Jr, Martin Luther AND {Barnes and Noble} and others", new[] { "Martin Luther King, Jr", "Barnes and Noble" }, true)]
    [InlineData("Weinan E", new[] { "Weinan E" }, false)]
    [InlineData("{World Health Organization}", new[] { "World Health Organization" }, false)]
    [InlineData("{Abbott}, B.~P. and {Abbott}, R. and et al.", new[] { "B. P. Abbott", "R. Abbott" }, true)]
    [InlineData("Alpha, Ann and {others}", new[] { "Ann Alpha" }, true)]
    [InlineData("Last, First and and Second, S. and Third, T. and", new[] { "First Last", "S. Second", "T. Third" }, false)]
    [InlineData("Anderson, Andy and Sandy Anders", new[] { "Andy Anderson", "Sandy Anders" }, false)]
    public void Names_SplitsAuthorLists(string raw, string[] expected, bool etAl)
    {
        var list = BibtexNames.Parse(raw);

        Assert.Equal(expected, list.Names.Select(n => n.Display));
        Assert.Equal(etAl, list.EtAl);
    }

    // ---- mistakes ----------------------------------------------------------------------------

    [Fact]
    public void Parse_UnclosedBrace_ReportsWhereItOpenedAndReadsTheNextEntry()
    {
        var document = BibtexParser.Parse("""
            @article{broken,
              title = {Never closed,
              year = 2020
            }

            @article{fine, title = {Fine}, year = 2021}
            """);

        // The brace closes at the entry's end, so BibTeX reads on; the next '@' shows it went wrong.
        var problem = Assert.Single(document.Problems);
        Assert.Equal((2, 3), (problem.Line, problem.Column));
        Assert.Equal("entry 'broken' runs into the next entry; is a '{' in 'title' not closed where it should be?", problem.Message);
        Assert.Equal("fine", Assert.Single(document.Entries).Key);
    }

    [Fact]
    public void Parse_MissingCommaBeforeAField_IsRepairedWithAWarning()
    {
        var document = BibtexParser.Parse("@article{k,\n  title = {A}\n  year = 2020\n}\n");

        var problem = Assert.Single(document.Problems);
        Assert.Equal((3, 3, true), (problem.Line, problem.Column, problem.IsWarning));
        Assert.Equal("',' is missing after the value of 'title'; the next field is read all the same", problem.Message);
        var entry = Assert.Single(document.Entries);
        Assert.Equal(("A", "2020"), (entry["title"], entry["year"]));
    }

    [Fact]
    public void Parse_SyntaxErrorInsideAnEntry_KeepsTheFieldsReadBeforeItAsBibtexDoes()
    {
        // TeX Live's bibtex: "I'm skipping whatever remains of this entry", and the entry is cited
        // with the fields before the error; pybtex keeps them too.
        var document = BibtexParser.Parse("@article{k,\n  title = {A},\n  year = 20x4,\n  note = {lost}\n}\n@misc{next, title = {B}}\n");

        var problem = Assert.Single(document.Problems);
        Assert.Equal((3, 12, false, "k"), (problem.Line, problem.Column, problem.IsWarning, problem.KeptEntry));
        Assert.Equal("expected ',' or '}' after the value of 'year', found 'x'", problem.Message);
        Assert.Equal(["k", "next"], document.Entries.Select(e => e.Key));
        Assert.Equal(["title", "year"], document.Entries[0].Fields.Select(f => f.Name));
        Assert.Equal("20", document.Entries[0]["year"]);
    }

    [Fact]
    public void Parse_EntryNotClosedAtTheEndOfTheFile_IsKeptWithItsFields()
    {
        var document = BibtexParser.Parse("@misc{first, title = {A}}\n\n@article{last,\n  author = {Doe, Jane},\n  title = {Never closed},\n  year = {2013},\n");

        var problem = Assert.Single(document.Problems);
        Assert.Equal((3, 1, "last"), (problem.Line, problem.Column, problem.KeptEntry));
        Assert.Equal("entry 'last' is not closed; expected '}' before the end of the file", problem.Message);
        Assert.Equal(("Never closed", "2013"), (document.Entries[1]["title"], document.Entries[1]["year"]));
    }

    [Fact]
    public void Parse_UnclosedBraceBeforeTheTitle_SkipsOnlyThatEntryWithTheWarningAtTheBrace()
    {
        // A brace never closed swallows the rest of the file; the entry kept only its authors.
        var document = BibtexParser.Parse("@article{ok1, title = {A}, year = 2019}\n@article{broken,\n  author = {Doe, Jane},\n  title = {Unbalanced {brace, year = 2020}\n@article{ok2, title = {B}, year = 2021}\n");

        var problem = Assert.Single(document.Problems);
        Assert.Equal((4, 11, null), (problem.Line, problem.Column, problem.KeptEntry));
        Assert.Equal(["ok1", "ok2"], document.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Field_DecodedValue_IsReadOnDemandAndDoesNotChangeEquality()
    {
        const string text = "@article{k, title = {M{\\\"u}ller's {\\em Theorem}}, year = 2001}";
        var read = BibtexParser.Parse(text).Entries[0].Fields[0];
        var unread = BibtexParser.Parse(text).Entries[0].Fields[0];

        Assert.Equal("Müller's Theorem", read.Value);
        Assert.Equal(unread, read);
        Assert.Equal(unread.GetHashCode(), read.GetHashCode());
    }

    [Fact]
    public void Parse_PercentCommentInsideAnEntry_IsSkippedWithAWarning()
    {
        var document = BibtexParser.Parse("@article{k,\n  author = {Doe, Jane},\n  % title = {Old title},\n  title = {New title}, % the final one\n  year = {2002},\n}\n");

        Assert.Equal([(3, 3, true), (4, 24, true)], document.Problems.Select(p => (p.Line, p.Column, p.IsWarning)));
        Assert.Equal("a '%' comment inside entry 'k' is skipped (BibTeX would drop the rest of the entry here)", document.Problems[0].Message);
        Assert.Equal(("New title", "2002"), (Assert.Single(document.Entries)["title"], document.Entries[0]["year"]));
    }

    [Fact]
    public void Parse_MacroUsedBeforeItsDefinition_IsEmptyAndTheWarningSaysWhereItIsDefined()
    {
        var document = BibtexParser.Parse("@article{early, journal = JNL, year = 2001}\n\n@STRING{ jnl = \"Journal of Late Definitions\" }\n@article{late, journal = Jnl, year = 2002}\n");

        var problem = Assert.Single(document.Problems);
        Assert.Equal((1, 27), (problem.Line, problem.Column));
        Assert.Equal("@string macro 'JNL' is used before its definition on line 3, so it is read as empty, as BibTeX does; move the @string above its first use", problem.Message);
        Assert.Null(document.Entries[0]["journal"]);
        Assert.Equal("Journal of Late Definitions", document.Entries[1]["journal"]);
    }

    [Fact]
    public void Parse_UndefinedMacroAndDuplicateField_AreReported()
    {
        var document = BibtexParser.Parse("@article{k,\n  journal = jmlr,\n  year = 2020,\n  year = 2021,\n}\n");

        Assert.Equal(2, document.Problems.Length);
        Assert.Equal((2, 13, true), (document.Problems[0].Line, document.Problems[0].Column, document.Problems[0].IsWarning));
        Assert.Contains("undefined @string macro 'jmlr' is read as empty", document.Problems[0].Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(document.Entries)["journal"]);
        Assert.True(document.Problems[1].IsWarning);
        Assert.Equal("2020", Assert.Single(document.Entries)["year"]);
    }

    [Fact]
    public void Parse_EmptyKey_IsReadForTheLoaderToName()
    {
        // Mendeley writes @article{, ...}; the loader gives the entry a key (and says so).
        var document = BibtexParser.Parse("@article{,\n title = {A}}");

        Assert.Empty(document.Problems);
        var entry = Assert.Single(document.Entries);
        Assert.Equal(("", (1, 10)), (entry.Key, entry.KeyPosition));
    }

    [Fact]
    public void Parse_EveryPrefixOfARealFile_NeverThrows()
    {
        // Whatever an editor leaves half-typed, the reader answers with problems, not an exception.
        const string text = """
            @string{j = "Journal"}
            @article{a, author = {M\"{u}ller, J. and others}, title = "A {B} \"C", journal = j # " X", year = 2020, month = jan}
            @comment{c}
            @inproceedings(b, title = {T}, booktitle = {{N}ested {b{r}aces}}, year = {2021})
            """;
        for (var length = 0; length <= text.Length; length++)
        {
            var document = BibtexParser.Parse(text[..length]);
            Assert.All(document.Problems, p => Assert.True(p.Line >= 1 && p.Column >= 1, $"{length}: {p}"));
        }
    }
}
