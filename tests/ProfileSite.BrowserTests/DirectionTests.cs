using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using ProfileSite.BrowserTests.Support;

namespace ProfileSite.BrowserTests;

/// <summary>
/// Right-to-left sites and mixed-direction text as Chromium lays them out: an Arabic site mirrors
/// (sidebar on the right, badges at the right edge), and an Arabic news item or bio puts its
/// neutral characters ("!", "(ML)") at the right end of the right words, on any site.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class DirectionTests(BrowserSite site)
{
    private const string ArabicNews = "تم قبول ورقتنا!";
    private const string ArabicBio = "باحث (ML)";
    private const string ArabicName = "محمد الأحمد";
    private const string ArabicTitle = "التعلم العميق للجميع";

    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    private static void WriteArabic(string content, string language)
    {
        OtherSite.Write(content, "site.yaml", $"title: الصفحة الشخصية\nlanguage: {language}\n");
        OtherSite.Write(content, "profile.yaml", $"""
            name: {ArabicName}
            bio: "{ArabicBio}"
            avatar: images/avatar.svg
            location: القاهرة، مصر
            employer: جامعة القاهرة
            employer_url: https://cu.edu.eg/
            links:
              github: example
            """);
        OtherSite.Write(content, "about.md", "---\ntitle: عني\n---\nأعمل على نظرية التعلم العميق في جامعة القاهرة.\n");
        OtherSite.Write(content, "news.yaml", $"- date: 2024.09\n  text: \"{ArabicNews}\"\n- date: 2024.05\n  text: An English item (in English).\n");
        OtherSite.Write(content, "publications/2024-arabic.md", $"""
            ---
            title: {ArabicTitle}
            authors: [{ArabicName}*, Zhongwang Zhang*, Zhi-Qin John Xu†]
            venue: مؤتمر التعلم
            badge: NeurIPS
            image: images/pic1.svg
            date: 2024-09
            selected: true
            summary: ملخص قصير للورقة (v2).
            ---
            """);
    }

    [SkippableTheory]
    [InlineData(Viewports.Phone)]
    [InlineData(Viewports.Desktop)]
    public async Task ArabicSite_MirrorsTheLayoutAndPassesAxe(int width)
    {
        await using var other = await OtherSite.StartAsync(content => WriteArabic(content, "ar"));
        foreach (var path in new[] { "/", "/publications", "/publications/2024-arabic" })
        {
            await using var visit = await site.OpenAsync(new View(width), other.BaseAddress);
            await visit.GoAsync(path);
            var page = visit.Page;

            Assert.Equal("rtl", await page.EvaluateAsync<string>("() => document.documentElement.dir"));
            Assert.Equal("rtl", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).direction"));
            var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, innerWidth]");
            Assert.True(widths[0] <= widths[1], $"{path} at {width}px scrolls sideways: {widths[0]}px");
            if (width == Viewports.Desktop)
            {
                // The sidebar is the start column: on the right in a right-to-left page.
                var sides = await page.EvaluateAsync<double[]>("""
                    () => [document.querySelector('aside').getBoundingClientRect().left, document.querySelector('main').getBoundingClientRect().right]
                    """);
                Assert.True(sides[0] >= sides[1], $"{path}: the sidebar (left {sides[0]}) must be right of the content (right {sides[1]})");
            }

            if (path == "/")
            {
                // The badge sits at the start (right) edge of its figure.
                var badge = await page.EvaluateAsync<double[]>("""
                    () => { const b = document.querySelector('.badge').getBoundingClientRect();
                            const box = document.querySelector('.badge').parentElement.getBoundingClientRect();
                            return [box.right - b.right, b.left - box.left]; }
                    """);
                Assert.True(badge[0] < badge[1], $"the badge must hug the right edge (right gap {badge[0]}, left gap {badge[1]})");
                await AssertNeutralsAtTheLeftEndAsync(visit, ".profile-bio", ArabicBio, "(ML)", "باحث");
                await AssertNeutralsAtTheLeftEndAsync(visit, "#news .dated-text", ArabicNews, "!", "تم");
            }

            var axe = await page.RunAxe(WcagAA);
            Assert.True(axe.Violations.Length == 0, $"axe on {path} at {width}px: {string.Join("; ", axe.Violations.Select(v => v.Id + ": " + v.Help))}");
            await visit.ScreenshotAsync($"rtl-{AccessibilityTests.Slug(path)}-{width}");
            await visit.AssertCleanAsync();
        }
    }

    [SkippableTheory]
    [InlineData(Viewports.Phone)]
    [InlineData(Viewports.Desktop)]
    public async Task EnglishSite_OrdersArabicTextByItsOwnDirection(int width)
    {
        await using var other = await OtherSite.StartAsync(content =>
        {
            WriteArabic(content, "en");
            OtherSite.Write(content, "site.yaml", "title: Mixed\nlanguage: en\n");
        });
        await using var visit = await site.OpenAsync(new View(width), other.BaseAddress);
        await visit.GoAsync("/");

        Assert.Equal("ltr", await visit.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).direction"));
        // Each Arabic block reads right to left inside the English page: its "!" and "(ML)" at its left end.
        await AssertNeutralsAtTheLeftEndAsync(visit, "#news .dated-text", ArabicNews, "!", "تم");
        await AssertNeutralsAtTheLeftEndAsync(visit, ".profile-bio", ArabicBio, "(ML)", "باحث");
        // The English item next to it stays left to right.
        Assert.Equal("ltr", await visit.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelectorAll('#news .dated-text')[1]).direction"));
        // An Arabic co-author keeps its mark and the comma after it on the name's left, inside the English list.
        Assert.Equal("rtl", await visit.Page.EvaluateAsync<string>(
            $"() => getComputedStyle([...document.querySelectorAll('.paper-authors .author-self, .paper-authors .author')].find(a => a.textContent.includes('{ArabicName}'))).direction"));

        var axe = await visit.Page.RunAxe(WcagAA);
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => v.Id + ": " + v.Help)));
        await visit.ScreenshotAsync($"mixed-about-{width}");
        await visit.AssertCleanAsync();
    }

    /// <summary>
    /// In right-to-left text the neutral <paramref name="neutral"/> at the logical end is drawn at the
    /// left, and the first word <paramref name="first"/> at the right.
    /// </summary>
    private static async Task AssertNeutralsAtTheLeftEndAsync(Visit visit, string selector, string text, string neutral, string first)
    {
        var x = await visit.Page.EvaluateAsync<double[]>("""
            ([selector, text, neutral, first]) => {
                const element = [...document.querySelectorAll(selector)].find(e => e.textContent.includes(text));
                const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
                let node;
                while ((node = walker.nextNode()) && !node.data.includes(text)) { }
                const at = s => { const r = document.createRange(), i = node.data.indexOf(s); r.setStart(node, i); r.setEnd(node, i + s.length);
                                  return r.getBoundingClientRect().left; };
                return [at(neutral), at(first)];
            }
            """, new[] { selector, text, neutral, first });
        Assert.True(x[0] < x[1], $"in '{text}' ({selector}), '{neutral}' (x={x[0]}) must be left of '{first}' (x={x[1]})");
    }
}
