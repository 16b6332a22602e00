using ProfileSite.Content;
using ProfileSite.Import.AcadHomepage;
using ProfileSite.Import.Model;

namespace ProfileSite.Tests.Import.AcadHomepage;

/// <summary>The reader on small pages written here, one fork habit per test.</summary>
public sealed class AcadHomepageReaderTests : IDisposable
{
    private readonly string _site = Directory.CreateTempSubdirectory("profilesite-acad-").FullName;

    public void Dispose() => Directory.Delete(_site, recursive: true);

    private ImportResult Read(string about, string name = "Jie Zhang")
    {
        File.WriteAllText(Path.Combine(_site, "_config.yml"), $"title: Home\nauthor:\n  name: \"{name}\"\n");
        Directory.CreateDirectory(Path.Combine(_site, "_pages"));
        File.WriteAllText(Path.Combine(_site, "_pages", "about.md"), "---\npermalink: /\n---\n\n" + about);
        return new AcadHomepageReader().Read(_site);
    }

    [Fact]
    public void Read_OtherPagesAndCollections_AreEachADroppedNote_ButIncludedPiecesAreNot()
    {
        Directory.CreateDirectory(Path.Combine(_site, "_pages", "includes"));
        File.WriteAllText(Path.Combine(_site, "_pages", "includes", "news.md"), "# 🔥 News\n- *2024.05*: Joined the lab.\n");
        File.WriteAllText(Path.Combine(_site, "_pages", "cv.md"), "---\npermalink: /cv/\n---\n# CV\n");
        File.WriteAllText(Path.Combine(_site, "_pages", "404.md"), "---\npermalink: /404.html\n---\nNot found\n");
        Directory.CreateDirectory(Path.Combine(_site, "_publications"));
        File.WriteAllText(Path.Combine(_site, "_publications", "2020-01-01-paper.md"), "---\ntitle: A paper\n---\n");
        File.WriteAllText(Path.Combine(_site, "_publications", "2021-01-01-paper.md"), "---\ntitle: Another\n---\n");
        Directory.CreateDirectory(Path.Combine(_site, "_includes"));
        File.WriteAllText(Path.Combine(_site, "_includes", "head.html"), "<meta>\n");

        var result = Read("{% include_relative includes/news.md %}\n");

        var dropped = result.Notes.Where(n => n.Kind == NoteKind.Dropped).Select(n => n.File).ToList();
        Assert.Contains("_pages/cv.md", dropped);
        Assert.Contains(result.Notes, n => n.File == "_publications/" && n.Message.StartsWith("2 page(s)", StringComparison.Ordinal));
        Assert.DoesNotContain("_pages/includes/news.md", dropped);
        Assert.DoesNotContain("_pages/about.md", dropped);
        Assert.DoesNotContain("_pages/404.md", dropped);
        Assert.DoesNotContain(dropped, f => f.StartsWith("_includes", StringComparison.Ordinal));
        Assert.Single(result.Content.News);
    }

    [Fact]
    public void Read_RoleWrittenInWords_BecomesTheMark()
    {
        var result = Read("""
            # 📝 Publications

            - [Tracing Text Provenance via Lexical Substitution](https://example.org/p.pdf), Xi Yang, **Jie Zhang** [*the corresponding author*], Kejiang Chen, **AAAI 2022**
            """);

        var paper = Assert.Single(result.Content.Publications);
        Assert.Equal(["Xi Yang", "Jie Zhang†", "Kejiang Chen"], paper.Authors.AsEnumerable());
        Assert.Equal("AAAI 2022", paper.Venue);
        Assert.Equal(2022, paper.Year);
    }

    [Fact]
    public void Read_SuperscriptStarsAndLegend_MapToEqualContributionAndCorresponding()
    {
        var result = Read("""
            # 📝 Publications

            (*: indicates equal contribution; ‡: indicates corresponding)

            **Rethinking Bottlenecks in Safety Fine-Tuning of Vision Language Models**

            Yi Ding<sup>*</sup>, **Jie Zhang**<sup>*</sup>, Bing Cao<sup>‡</sup>

            Preprint, 2025
            """);

        var paper = Assert.Single(result.Content.Publications);
        Assert.Equal(["Yi Ding*", "Jie Zhang*", "Bing Cao†"], paper.Authors.AsEnumerable());
        Assert.Equal("preprint", paper.Type);
        Assert.Contains(result.Notes, n => n.Kind == NoteKind.Guessed && n.Message.Contains("'‡' means corresponding", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_UndatedAndLabelledItems_KeepTheirTextAndPageOrder()
    {
        var result = Read("""
            # 🎓 Education
            - **Ph.D.**: *Sep. 2019 - Jun. 2024*, Computer Science, Example University.

            # 🧑‍🏫 Teaching
            - Teaching assistant, Algorithms.

            # 🔥 News
            - 2025.11.04: &nbsp; Outstanding paper award.
            """);

        Assert.Equal(["education", "teaching", "news"], result.Content.Site.SectionOrder.AsEnumerable());
        var education = result.Content.Sections[0];
        Assert.Equal("🎓", education.Icon);
        Assert.Equal("2019.09 - 2024.06", education.Items[0].Date!.ToDisplayString());
        Assert.Equal("**Ph.D.**: Computer Science, Example University.", education.Items[0].Text);
        Assert.Null(result.Content.Sections[1].Items[0].Date);
        Assert.Equal(new PartialDate(2025, 11, 4), Assert.Single(result.Content.News).Date);
    }
    [Fact]
    public void Read_HeadingWithKramdownHeaderId_KeepsItsTitleAndItsPart()
    {
        var result = Read("""
            # 👋 About Me {#about-me}

            I study wireless networks.

            # 🎖 Honors and Awards {: #honors .wide}
            - *2021.06*: Best paper award.
            """);

        Assert.NotNull(result.Content.About);
        Assert.Contains("I study wireless networks.", result.Content.About!.Markdown, StringComparison.Ordinal);
        var section = Assert.Single(result.Content.Sections);
        Assert.Equal("Honors and Awards", section.Title);
        Assert.Equal("honors-and-awards", section.Id);
        Assert.Equal(["about-me", "honors-and-awards"], result.Content.Site.SectionOrder.AsEnumerable());
    }

    [Fact]
    public void Read_TopicHeadingsHoldingPaperBoxes_AreReadAsPublications()
    {
        var result = Read("""
            # 📚 Retrieval

            <div class='paper-box'><div class='paper-box-image'><div><div class="badge">ACL 2025</div></div></div>
            <div class='paper-box-text' markdown="1">

            [Beyond Prompting: An Efficient Embedding Framework](https://example.org/a)

            **Jie Zhang**, Hanqi Yan, Lin Gui

            </div>
            </div>

            # 🤔 Reasoning

            <div class='paper-box'><div class='paper-box-image'><div><div class="badge">EMNLP 2025</div></div></div>
            <div class='paper-box-text' markdown="1">

            [Latent Reasoning in Small Steps](https://example.org/b)

            Qinglin Zhu, **Jie Zhang**

            </div>
            </div>

            # 🎖 Honors and Awards
            - *2021.06*: Best paper award.
            """);

        Assert.Equal(["Beyond Prompting: An Efficient Embedding Framework", "Latent Reasoning in Small Steps"], result.Content.Publications.Select(p => p.Title).Order(StringComparer.Ordinal));
        Assert.Equal(["ACL 2025", "EMNLP 2025"], result.Content.Publications.Select(p => p.Badge!).Order(StringComparer.Ordinal));
        var section = Assert.Single(result.Content.Sections);
        Assert.Equal("Honors and Awards", section.Title);
        Assert.Equal(["publications", "honors-and-awards"], result.Content.Site.SectionOrder.AsEnumerable());
    }

    [Fact]
    public void Read_PaperWrittenAsOneParagraph_IsReadLikeAListEntry()
    {
        var result = Read("""
            # 📝 Publications

            **Peer-reviewed Conference**

            [![Paper](https://img.shields.io/badge/IJCAI-2025-blue)](https://example.org/ijcai) Xuan Lin, <u>Jie Zhang</u>, Daojian Zeng, "**Enhancing Reaction Prediction with Dual-task Learning**". In *Proceedings of the 34th International Joint Conference on Artificial Intelligence*. 2025. [[arXiv](https://arxiv.org/abs/2505.02639)] [[github](https://github.com/example/dual)]

            [![Paper](https://img.shields.io/badge/ICLR-2025-blue)](https://example.org/iclr) <u>Jie Zhang</u>, Jun Xia, "**Electron Density-enhanced Geometry Learning**". In *Proceedings of The Thirteenth International Conference on Learning Representations*. 2025.

            [![Paper](https://img.shields.io/badge/IF-2025-green)](https://example.org/if) Shuting Jin, <u>Jie Zhang</u>, Lian Shen, "**Adaptive Symmetry-based Perturbation for Molecular Graphs**". *Information Fusion*, 2025. [[paper](https://example.org/if)]
            """);

        Assert.Equal(3, result.Content.Publications.Length);
        var journal = Assert.Single(result.Content.Publications, p => p.Title == "Adaptive Symmetry-based Perturbation for Molecular Graphs");
        Assert.Equal(["Shuting Jin", "Jie Zhang", "Lian Shen"], journal.Authors.AsEnumerable());
        Assert.Equal("Information Fusion", journal.Venue);
        var paper = Assert.Single(result.Content.Publications, p => p.Title == "Enhancing Reaction Prediction with Dual-task Learning");
        Assert.Equal(["Xuan Lin", "Jie Zhang", "Daojian Zeng"], paper.Authors.AsEnumerable());
        Assert.Equal(2025, paper.Year);
        Assert.Equal("IJCAI 2025", paper.Badge);
        Assert.DoesNotContain(result.Notes, n => n.Message.Contains("no paper could be read", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_PublicationContentThatIsNoPaper_IsReportedWhereItStands()
    {
        var result = Read("""
            # 📝 Representative Publications

            <div style="border:2px solid #e5e7eb;">
              <h3>[MICCAI 2020] A Network for Polyp Segmentation, Written in a Heading</h3>
              <p>Deng-Ping Fan, <strong>Jie Zhang</strong>, Tao Zhou<br>Medical Image Computing, 2020</p>
            </div>
            """);

        Assert.Empty(result.Content.Publications);
        var dropped = Assert.Single(result.Notes, n => n.Kind == NoteKind.Dropped && n.Message.Contains("Deng-Ping Fan", StringComparison.Ordinal));
        Assert.Equal("_pages/about.md", dropped.File);
        Assert.True(dropped.Line >= 7, $"line {dropped.Line}");
        var warning = Assert.Single(result.Notes, n => n.Message.Contains("no paper could be read", StringComparison.Ordinal));
        Assert.Equal(5, warning.Line);
    }
    [Fact]
    public void Read_HeadingAnchoredAsAboutMe_OpensTheAboutTextWhateverItSays()
    {
        var result = Read("""
            <h1 id="about-me">Hi! I am Jie Zhang (Chinese name: 张杰)</h1>
            I am an undergraduate student working on multi-agent systems.

            # 🎖 Honors
            - *2024.05*: First prize.
            """);

        Assert.NotNull(result.Content.About);
        Assert.Equal("Hi! I am Jie Zhang (Chinese name: 张杰)", result.Content.About!.Title);
        Assert.Contains("multi-agent systems", result.Content.About.Markdown, StringComparison.Ordinal);
        Assert.Equal("Honors", Assert.Single(result.Content.Sections).Title);
    }

    [Fact]
    public void Read_PaperWithoutYearOnAPageWithoutOtherPaperYears_GuessesFromTheNewsAndSaysSo()
    {
        var result = Read("""
            # 🔥 News
            - *2025.03*: Started my PhD.
            - *2024.09*: Joined the lab.

            # 📝 Publications

            - [A Study of Things That Have No Year Yet](https://example.org/p), **Jie Zhang**, Xi Yang, Under Review
            """);

        var paper = Assert.Single(result.Content.Publications);
        Assert.Equal(2025, paper.Year);
        Assert.Contains(result.Notes, n => n.Kind == NoteKind.Guessed && n.Message.Contains("2025 (the newest news item)", StringComparison.Ordinal));
    }
    [Fact]
    public void Read_BoxWithVenueAndNotesBeforeTheNames_FindsTheAuthorsOnTheirLine()
    {
        var result = Read("""
            # 📝 Publications

            <div class='paper-box'><div class='paper-box-image'><div><div class="badge">TGRS 2024</div></div></div>
            <div class='paper-box-text' markdown="1">

            <a class=PaperTitle href="https://arxiv.org/abs/2306.16269"><b>Learning to Prompt for Remote Sensing Instance Segmentation</b></a> \\
             *IEEE Transactions on Geoscience and Remote Sensing (TGRS), 2024* \\
            🏆️**ESI Highly Cited Paper**, **Most Popular (Top 5)**  \\
            Keyan Chen, **<font color="#000000">Jie Zhang</font>**, Hao Chen, and Zhenwei Shi  \\
            [<a href="https://github.com/example/prompter">Code</a>]

            </div>
            </div>
            """);

        var paper = Assert.Single(result.Content.Publications);
        Assert.Equal(["Keyan Chen", "Jie Zhang", "Hao Chen", "Zhenwei Shi"], paper.Authors.AsEnumerable());
        Assert.StartsWith("IEEE Transactions on Geoscience and Remote Sensing", paper.Venue, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Notes, n => n.Message.Contains("no authors found", StringComparison.Ordinal));
    }
    [Fact]
    public void Read_CoauthorNamesLinkedToHomepages_StayInTheAuthorList()
    {
        var result = Read("""
            # 📝 Publications

            - ***Real-World Image Super-Resolution by Exclusionary Dual-Learning*** \
            **Jie Zhang**, Jinghui Qin, [Yukai Shi](https://ykshi.example.org)\*, Zhijing Yang, [Jinshan Pan](https://jspan.example.org) \
            IEEE Transactions on Multimedia (T-MM), 2022. [[arxiv](https://arxiv.org/abs/2206.02609)] [[code](https://github.com/example/rwsr)]
            """);

        var paper = Assert.Single(result.Content.Publications);
        Assert.Equal(["Jie Zhang", "Jinghui Qin", "Yukai Shi*", "Zhijing Yang", "Jinshan Pan"], paper.Authors.AsEnumerable());
        Assert.StartsWith("IEEE Transactions on Multimedia", paper.Venue, StringComparison.Ordinal);
        Assert.Equal(2022, paper.Year);
    }
}
