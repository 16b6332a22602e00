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
}
