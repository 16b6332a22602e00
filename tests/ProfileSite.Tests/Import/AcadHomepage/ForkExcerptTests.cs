using ProfileSite.Import.AcadHomepage;
using ProfileSite.Import.Model;

namespace ProfileSite.Tests.Import.AcadHomepage;

/// <summary>
/// The reader on excerpts of real AcadHomepage forks (the third break-in round), each test naming the
/// repository its markup comes from; the page around each excerpt is cut down to what the habit needs.
/// </summary>
public sealed class ForkExcerptTests : IDisposable
{
    private readonly string _site = Directory.CreateTempSubdirectory("profilesite-acad3-").FullName;

    public void Dispose() => Directory.Delete(_site, recursive: true);

    private ImportResult Read(string about, string name)
    {
        File.WriteAllText(Path.Combine(_site, "_config.yml"), $"title: Home\nauthor:\n  name: \"{name}\"\n");
        Directory.CreateDirectory(Path.Combine(_site, "_pages"));
        File.WriteAllText(Path.Combine(_site, "_pages", "about.md"), "---\npermalink: /\n---\n\n" + about);
        return new AcadHomepageReader().Read(_site);
    }

    /// <summary>Kimsure/Kimsure.github.io and HaoTang11/HaoTang11.github.io: the box's title is a plain paragraph, the names the next one.</summary>
    [Fact]
    public void Read_BoxWhoseTitleIsAPlainParagraph_ReadsTitleAuthorsAndVenue()
    {
        var result = Read("""
            # 📝 Publications

            <div class='paper-box'>
            <div class="badge" style="background: linear-gradient(135deg, #c08080, #a07070);">ECCV 2026</div>
            <div class='paper-box-image'><div><img src='images/Bound3D.png' alt="sym" width="100%"></div></div>
            <div class='paper-box-text' markdown="1">

            Don't Starve the Boundaries: Boundary-Constrained Label Propagation for Weakly Supervised 3D Segmentation

            Shuwei Wu, **Shuo Jin**, Zhijin He, Siyue Yu, ENG GEE LIM, Qiufeng Wang, Jimin Xiao

            [![project](https://img.shields.io/badge/Project-Bound3D-green)](https://github.com/paul-swu/Bound3D)    [![Paper](https://img.shields.io/badge/Paper-ECCV-b31b1b)](https://kimsure.github.io/)
            </div>
            </div>

            <div class='paper-box'><div class='paper-box-image'><div><div class="badge">VLA model</div><img src='images/percept-wam.jpg' alt="sym" width="100%"></div></div>
            <div class='paper-box-text' markdown="1">

            Percept-WAM: Perception-Enhanced World-Awareness-Action Model for Robust End-to-End Autonomous Driving

            Jianhua Han, ..., **Shuo Jin**, ..., Hang Xu*

            *Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)*, 2026, Accepted

            [**Paper**](https://arxiv.org/abs/2511.19221) [**Video**](https://www.youtube.com/watch?v=YLM0_YLPZxk&t=93s)
            - unified 2D/3D tokenization (World-PV/BEV) for holistic scene understanding within a VLM
            </div>
            </div>
            """, "Shuo Jin");

        Assert.DoesNotContain(result.Notes, n => n.Message.Contains("without a title", StringComparison.Ordinal));
        var eccv = Assert.Single(result.Content.Publications, p => p.Title.StartsWith("Don't Starve", StringComparison.Ordinal));
        Assert.Equal("Don't Starve the Boundaries: Boundary-Constrained Label Propagation for Weakly Supervised 3D Segmentation", eccv.Title);
        Assert.Equal(7, eccv.Authors.Length);
        Assert.Equal("Shuo Jin", eccv.Authors[1]);
        Assert.Equal(2026, eccv.Year);
        var cvpr = Assert.Single(result.Content.Publications, p => p.Title.StartsWith("Percept-WAM", StringComparison.Ordinal));
        Assert.Contains("Shuo Jin", cvpr.Authors);
        Assert.Equal(2026, cvpr.Year);
        Assert.StartsWith("Proceedings of the IEEE/CVF Conference", cvpr.Venue, StringComparison.Ordinal);
    }

    /// <summary>LIWEIDENG0830/LIWEIDENG0830.github.io: "[VENUE] Authors. Title. [links] (rank)", the title in plain text.</summary>
    [Fact]
    public void Read_BracketVenueThenNamesThenPlainTitle_IsAPaper()
    {
        var result = Read("""
            # 📝 Publications

            **Selected Conference Papers**

            1. <span style="color:blue">[CIKM 2026]</span> Zixuan Liu, Zhichen Lai, **Liwei Deng**, Hao Miao, Qingying Yu, Chao Li, Lei Jia and Yan Zhao. OSTAR: Online Anomalous Sub-trajectory Detection via Topology-Aware Autoregressive Reasoning. <span style="color:red">**(Core A, CCF B)**</span>
            2. <span style="color:blue">[ICDE 2026]</span> Banglie Yang<sup>+</sup>, **Liwei Deng<sup>+</sup>**, Cheng Dai, Kai Zheng. Data-Segmentation Prompt based Continual Learning Framework for Online Spatio-Temporal Prediction. <span style="color:red">**(Core A*, CCF A)**</span>
            3. <span style="color:blue">[ICLR 2026]</span> Tianfu Wang, **Liwei Deng<sup>#</sup>**, Xi Chen, Hui Xiong<sup>#</sup>. Virne: A Comprehensive Benchmark for RL-based Network Resource Allocation in NFV. \[[Paper](
            https://arxiv.org/abs/2507.19234)\] \[[code](https://github.com/GeminiLight/virne)\] <span style="color:red">**(Core A*, CCF A)**</span>

            4. <span style="color:blue">[DASFAA 2023]</span> **Liwei Deng**, Yan Zhao, Hao Sun, Changjie Yang, Jiandong Xie, Kai Zheng. Fusing Local and Global Mobility Patterns for Trajectory Recovery. \[[Paper](https://link.springer.com/chapter/10.1007/978-3-031-30637-2_29)\]

            5. <span style="color:blue">[DASFAA 2023]</span> Yupu Zhang, **Liwei Deng**, Yan Zhao, Jin Chen, Jiandong Xie, Kai Zheng. SimiDTR: Deep Trajectory Recovery with Enhanced Trajectory Similarity. **(Best Student Paper Award Runner Up)** \[[Paper](https://example.org/simidtr)\]

            **Selected Journal Papers**

            1. <span style="color:blue">[TOIS]</span> Yan Zhao+, **Liwei Deng+**, Kai Zheng. AdaTaskRec: An Adaptive Task Recommendation Framework in Spatial Crowdsourcing. ACM Transactions on Information Systems, 2023.
            """, "Liwei Deng 邓力玮");

        Assert.Empty(result.Notes.Where(n => n.Message.Contains("is not a paper", StringComparison.Ordinal)).Select(n => n.ToString()));
        Assert.Equal(6, result.Content.Publications.Length);
        Assert.Equal("DASFAA 2023", Assert.Single(result.Content.Publications, p => p.Title.StartsWith("SimiDTR", StringComparison.Ordinal)).Venue);
        var dasfaa = Assert.Single(result.Content.Publications, p => p.Title.StartsWith("Fusing", StringComparison.Ordinal));
        Assert.Equal("Fusing Local and Global Mobility Patterns for Trajectory Recovery", dasfaa.Title);
        Assert.Equal(6, dasfaa.Authors.Length);
        var cikm = Assert.Single(result.Content.Publications, p => p.Title.StartsWith("OSTAR", StringComparison.Ordinal));
        Assert.Equal("OSTAR: Online Anomalous Sub-trajectory Detection via Topology-Aware Autoregressive Reasoning", cikm.Title);
        Assert.Equal(8, cikm.Authors.Length);
        Assert.Equal("Yan Zhao", cikm.Authors[^1]);
        Assert.Equal("CIKM 2026", cikm.Venue);
        Assert.Equal(2026, cikm.Year);
        var virne = Assert.Single(result.Content.Publications, p => p.Title.StartsWith("Virne", StringComparison.Ordinal));
        Assert.Equal("ICLR 2026", virne.Venue);
        Assert.Equal("https://arxiv.org/abs/2507.19234", virne.Links["pdf"]);
        Assert.Equal("Liwei Deng", result.Content.Profile.Name);
        Assert.Equal(["邓力玮"], result.Content.Profile.Aliases.AsEnumerable());
        Assert.DoesNotContain(result.Notes, n => n.Message.Contains("is not the owner", StringComparison.Ordinal));
        var tois = Assert.Single(result.Content.Publications, p => p.Title.StartsWith("AdaTaskRec", StringComparison.Ordinal));
        Assert.Equal("TOIS", tois.Venue);
        Assert.Equal(2023, tois.Year);
    }

    /// <summary>Edchaowei/zh_en: a box holding one bullet "Authors, `Owner`. Title. Journal Year, vol, page."</summary>
    [Fact]
    public void Read_BoxHoldingOneNamesFirstCitation_IsAPaper()
    {
        var result = Read("""
            # 📝 Publications

            <div class='paper-box'><div class='paper-box-image'><div><div class="badge">Buildings 2023</div><img src='images/b.webp' alt="sym" width="100%"></div></div>
            <div class='paper-box-text' markdown="1">

            -	Yanjun Meng, Hui Zhai, Bak Koon Teoh, Robert Lee Kong Tiong, Siyang Huang, Dawei Cen, `Chaowei Cui`. A Data-Driven Method for Constructing the Spatial Database of Traditional Villages—A Case Study of Courtyard Residential Typologies in Yunnan, China. Buildings 2023, 13, 2956.  (JCR:Q2; IF:3.1)
            [[HTML]](https://doi.org/10.3390/buildings13122956) [[PDF]](https://example.org/b.pdf)

            </div>
            </div>
            """, "Chaowei Cui");

        var paper = Assert.Single(result.Content.Publications);
        Assert.Equal("A Data-Driven Method for Constructing the Spatial Database of Traditional Villages—A Case Study of Courtyard Residential Typologies in Yunnan, China", paper.Title);
        Assert.Equal(7, paper.Authors.Length);
        Assert.Equal("Chaowei Cui", paper.Authors[^1]);
        Assert.NotEqual("Chaowei Cui", paper.Venue);
        Assert.Equal(2023, paper.Year);
    }

    /// <summary>KaiHu-KH/KaiHu-KH.github.io: a red note between the ``VENUE`` and the linked title.</summary>
    [Fact]
    public void Read_NoteBetweenVenueAndTitle_KeepsThePaper()
    {
        var result = Read("""
            # 📝 Publications
            - ✉️ means Corresponding Author; * means Equal Contribution

            1. ``Pattern Recognition 2025`` <font color="red">(SCI Q1 Journal)</font> [UniHDSA: A Unified Relation Prediction Approach for Hierarchical Document Structure Analysis](https://arxiv.org/abs/2503.15893), Jiawei Wang$^✉️$, **Kai Hu**, Qiang Huo
            1. ``ICDAR 2024`` <font color="red">(Oral)</font> [DLAFormer: An End-to-End Transformer For Document Layout Analysis](https://arxiv.org/abs/2405.11757), Jiawei Wang\*$^✉️$, **Kai Hu\*$^✉️$**, Qiang Huo
            1. ``arXiv 2024`` <font color="red">(Cutting-edge Project)</font> [DeepSeek-V3 Technical Report](https://arxiv.org/abs/2412.19437v1), DeepSeek AI [![](https://img.shields.io/github/stars/deepseek-ai/DeepSeek-V3?style=social&label=DeepSeek-V3+Stars)](https://github.com/deepseek-ai/DeepSeek-V3)
            1. ``ICASSP 2025`` [DocVideoQA: Towards Comprehensive Understanding of Document-Centric Videos through Question Answering](https://ieeexplore.ieee.org/abstract/document/10887668), Haochen Wang, **Kai Hu**, Liangcai Gao$^✉️$
            """, "Kai Hu");

        Assert.Empty(result.Notes.Where(n => n.Message.Contains("is not a paper", StringComparison.Ordinal)).Select(n => n.ToString()));
        Assert.Equal(4, result.Content.Publications.Length);
        var team = Assert.Single(result.Content.Publications, p => p.Title == "DeepSeek-V3 Technical Report");
        Assert.Equal(["DeepSeek AI"], team.Authors.AsEnumerable());
        Assert.Equal(2024, team.Year);
        var pr = Assert.Single(result.Content.Publications, p => p.Title.StartsWith("UniHDSA", StringComparison.Ordinal));
        Assert.Equal(["Jiawei Wang†", "Kai Hu", "Qiang Huo"], pr.Authors.AsEnumerable());
        Assert.Equal("Pattern Recognition 2025", pr.Venue);
    }

    /// <summary>BaiShuanghao/BaiShuanghao.github.io: news dated "\[2025/08/02\]:" in Markdown and "[2024/12/21]:" in HTML items.</summary>
    [Fact]
    public void Read_NewsDatesInSquareBrackets_AreTheirDates()
    {
        var result = Read("""
            # 🔥 News
            - \[2025/08/02\]: [Long-VLA](https://arxiv.org/abs/2508.19958) - the first VLA model to enable skill chaining; accepted to CoRL 2025!
            - \[2025/05/06\]: We released [OpenHelix](https://arxiv.org/abs/2505.03912).

            <details>
              <summary>📜 Historical News</summary>
              <ul>
                <li>[2024/12/21]: <a href="https://arxiv.org/abs/2409.14163">PromptTA</a> got accepted by ICASSP 2025!</li>
              </ul>
            </details>
            """, "Shuanghao Bai");

        Assert.DoesNotContain(result.Notes, n => n.Message.Contains("without a date", StringComparison.Ordinal));
        Assert.Equal(3, result.Content.News.Length);
        var first = result.Content.News[0];
        Assert.Equal("2025-08-02", first.Date.ToString());
        Assert.StartsWith("[Long-VLA](https://arxiv.org/abs/2508.19958)", first.Text, StringComparison.Ordinal);
    }
}
