using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using ProfileSite.BrowserTests.Support;
using ProfileSite.Tests.Support;

namespace ProfileSite.BrowserTests;

/// <summary>A site in Chinese (<c>language: zh-CN</c>) in Chromium: axe at a phone and a desktop width,
/// no sideways scrolling, and long Chinese titles broken inside their cards.</summary>
[Collection(BrowserSuite.Name)]
public sealed class LanguageTests(BrowserSite site)
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    [SkippableTheory]
    [InlineData(Viewports.Phone)]
    [InlineData(Viewports.Desktop)]
    public async Task ChineseSite_PassesAxeAndKeepsEveryCardWhole(int width)
    {
        await using var other = await OtherSite.StartAsync(content => ChineseContent.Write(content, "zh-CN", "images/avatar.svg", "images/pic1.svg"));
        foreach (var (path, status) in new[] { ("/", 200), ("/publications", 200), ("/publications/2022-landscape", 200), ("/no-such-page", 404) })
        {
            await using var visit = await site.OpenAsync(new View(width), other.BaseAddress);
            await visit.GoAsync(path, status);
            var page = visit.Page;

            Assert.Equal("zh-CN", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
            var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, innerWidth]");
            Assert.True(widths[0] <= widths[1], $"{path} at {width}px scrolls sideways: {widths[0]}px");
            var outside = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('.paper, .pub-entry, .paper-detail')].flatMap(card => {
                    const box = card.getBoundingClientRect();
                    return [...card.querySelectorAll('h2, h3, h4, p, li, a')]
                        .filter(e => !e.closest('.visually-hidden') && e.getBoundingClientRect().right > box.right + 0.5)
                        .map(e => `${e.textContent.trim().slice(0, 40)}: right ${Math.round(e.getBoundingClientRect().right)} > ${Math.round(box.right)}`);
                })
                """);
            Assert.True(outside.Length == 0, $"{path} at {width}px: text outside its card:\n{string.Join('\n', outside)}");

            var axe = await page.RunAxe(WcagAA);
            Assert.Contains(axe.Passes, rule => rule.Id == "color-contrast");
            Assert.True(axe.Violations.Length == 0, $"axe on {path} at {width}px: {string.Join("; ", axe.Violations.Select(v => v.Id + ": " + v.Help))}");
            await visit.ScreenshotAsync($"zh-{AccessibilityTests.Slug(path)}-{width}");
            await visit.AssertCleanAsync();
        }
    }

    /// <summary>The shipped example with a Chinese translation of part of it: <c>languages: [en, zh-CN]</c>.</summary>
    private static void WriteBilingual(string content)
    {
        var site = File.ReadAllText(Path.Combine(content, "site.yaml")).Replace("language: en", "languages: [en, zh-CN]", StringComparison.Ordinal);
        OtherSite.Write(content, "site.yaml", site);
        OtherSite.Write(content, "site.zh-CN.yaml", "title: 张中旺的个人主页\n");
        OtherSite.Write(content, "profile.zh-CN.yaml", "name: 张中旺\nbio: 深度学习理论方向的博士研究生\nlocation: 中国上海\nemployer: 上海交通大学\n");
        OtherSite.Write(content, "about.zh-CN.md", "---\ntitle: 关于我\n---\n我是上海交通大学数学科学学院的四年级博士研究生，研究深度学习的训练过程、损失景观、泛化与大语言模型的可解释性。\n");
        OtherSite.Write(content, "news.zh-CN.yaml", "- date: 2024.09\n  text: \":tada::tada: 荣获 2024 年国家奖学金！\"\n- date: 2024.09\n  text: \":tada::tada: 一篇论文被 NeurIPS 2024 接收！\"\n");
        OtherSite.Write(content, "sections/20-educations.zh-CN.yaml", "title: 教育经历\nitems:\n  - date: 2021.09 - now\n    text: 博士研究生，上海交通大学数学科学学院。\n");
        var paper = Path.Combine(content, "publications", "2024-tpami-implicit-regularization-of-dropout.md");
        File.WriteAllText(paper, File.ReadAllText(paper).Replace("selected: true\n",
            "selected: true\ntranslations:\n  zh-CN:\n    title: 丢弃法的隐式正则化：理论推导与实验验证\n    summary: 本文从理论上推导并通过实验验证了丢弃法带来的**隐式正则化**效应。\n", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData(Viewports.Phone)]
    [InlineData(Viewports.Desktop)]
    public async Task BilingualSite_PassesAxeInBothLanguagesAndLinksAcross(int width)
    {
        await using var other = await OtherSite.StartAsync(WriteBilingual);
        const string Paper = "/publications/2024-tpami-implicit-regularization-of-dropout";
        foreach (var (path, language) in new[] { ("/", "en"), ("/zh-CN/", "zh-CN"), ("/zh-CN/publications", "zh-CN"), ("/zh-CN" + Paper, "zh-CN") })
        {
            await using var visit = await site.OpenAsync(new View(width), other.BaseAddress);
            await visit.GoAsync(path);
            var page = visit.Page;
            Assert.Equal(language, await page.EvaluateAsync<string>("() => document.documentElement.lang"));
            var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, innerWidth]");
            Assert.True(widths[0] <= widths[1], $"{path} at {width}px scrolls sideways: {widths[0]}px");

            var axe = await page.RunAxe(WcagAA);
            Assert.True(axe.Violations.Length == 0, $"axe on {path} at {width}px: {string.Join("; ", axe.Violations.Select(v => v.Id + ": " + v.Help))}");
            await visit.ScreenshotAsync($"bilingual-{(path == "/" ? "en" : AccessibilityTests.Slug(path))}-{width}");

            // A plain link (no script involved) to the same page in the other language.
            var link = page.Locator(".language-links a");
            Assert.Equal(1, await link.CountAsync());
            await link.ClickAsync();
            await page.WaitForLoadStateAsync();
            Assert.Equal(language == "en" ? "zh-CN" : "en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
            await visit.AssertCleanAsync();
        }
    }
}
