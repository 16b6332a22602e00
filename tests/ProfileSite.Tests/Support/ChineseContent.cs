namespace ProfileSite.Tests.Support;

/// <summary>
/// A site written wholly in Chinese (the owner's text has no Latin letters but URLs, e-mail and
/// brand names), using every part of the interface: the default title, citations with totals, the
/// '*' and '†' legend, an author list cut short ("et al."), an ongoing range, abstracts and
/// summaries, tags, types and links of every common kind. Whatever Latin word a page of it shows,
/// the site wrote. The page tests and the browser tests both use it.
/// </summary>
public static class ChineseContent
{
    public const string OwnerName = "张中旺";

    /// <summary>Replaces the owner's files in <paramref name="contentPath"/>; <paramref name="avatar"/> and
    /// <paramref name="image"/> are paths under the web root that exist.</summary>
    public static void Write(string contentPath, string language, string? avatar, string? image)
    {
        foreach (var folder in new[] { "publications", "sections" })
        {
            var path = Path.Combine(contentPath, folder);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }

        void Write(string relative, string text)
        {
            var path = Path.Combine(contentPath, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        Write("site.yaml", $"""
            description: 张中旺的学术主页：深度学习理论、损失景观与大语言模型的可解释性。
            url: https://zhang.example.org/
            language: {language}
            """);
        Write("profile.yaml", $"""
            name: {OwnerName}
            aliases: [张 中旺]
            {(avatar is null ? "" : "avatar: " + avatar)}
            bio: 上海交通大学数学科学学院*博士研究生*
            location: 中国上海
            employer: 上海交通大学
            employer_url: https://www.sjtu.edu.cn/
            email: zhang@example.org
            links:
              google_scholar: 0Q6lKJ8AAAAJ
              github: zhangzhongwang
              website: https://zhang.example.org/
              cv: https://zhang.example.org/cv.pdf
            """);
        Write("about.md", "---\ntitle: 关于我\n---\n我是[上海交通大学](https://www.sjtu.edu.cn/)数学科学学院的四年级博士研究生，研究深度学习的训练过程、损失景观与泛化。\n");
        Write("news.yaml", """
            - date: 2024.09
              text: 🎉 荣获 2024 年度国家奖学金！
            - date: 2024-05
              text: 一篇论文被[国际会议](https://conf.example.org/)接收。
            """);
        Write("sections/20-educations.yaml", """
            title: 教育经历
            icon: 📖
            items:
              - date: 2021.09 - now
                text: 博士研究生，上海交通大学数学科学学院。
              - date: 2017.09 - 2021.06
                text: 本科，上海交通大学致远学院。
            """);
        Write("publications/2024-dropout.md", $"""
            ---
            title: 丢弃法的隐式正则化
            authors: [{OwnerName}*, 许志钦*, 罗涛†]
            venue: 中国科学：数学
            badge: 中国科学
            type: journal
            date: 2024-01-15
            url: https://papers.example.org/dropout
            {(image is null ? "" : "image: " + image)}
            summary: 我们证明丢弃法带来一种**隐式正则化**。
            selected: true
            tags: [深度学习, 正则化]
            citations: 1234
            links:
              pdf: https://papers.example.org/dropout.pdf
              code: https://github.com/example/dropout
              arxiv: 2401.08309
              doi: 10.1109/TPAMI.2024.3357172
              slides: https://papers.example.org/dropout-slides.pdf
              video: https://papers.example.org/dropout-video
              poster: https://papers.example.org/dropout-poster.pdf
              project: https://papers.example.org/dropout-project
              data: https://papers.example.org/dropout-data
              blog: https://papers.example.org/dropout-blog
            ---
            摘要：我们研究丢弃法的训练动力学。
            """);
        Write("publications/2022-landscape.md", $"""
            ---
            title: 损失景观的嵌入原理：从浅层网络到深层网络的临界点、全局极小值与鞍点之间的结构性联系及其对训练动力学和泛化能力的深远影响
            authors: [许志钦, {OwnerName}]
            venue: 神经信息处理系统大会
            type: conference
            year: 2022
            summary: 一个关于临界点的结构性结论。
            selected: true
            tags: [损失景观]
            ---
            """);
        Write("publications/refs.bib", """
            @article{zhang2020condense,
              title = {过参数化网络中的凝聚现象},
              author = {张中旺 and 许志钦 and others},
              journal = {计算数学},
              year = {2020},
              month = mar
            }
            """);
        File.Copy(Path.Combine(Repository.Root, "content", "google-scholar-stats", "gs_data.json"),
            Path.Combine(Directory.CreateDirectory(Path.Combine(contentPath, "google-scholar-stats")).FullName, "gs_data.json"), overwrite: true);
    }
}
