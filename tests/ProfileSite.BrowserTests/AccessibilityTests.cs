using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ProfileSite.BrowserTests.Support;

namespace ProfileSite.BrowserTests;

/// <summary>axe-core and the checks axe cannot make (focus, skip link, headings, link text) in a real Chromium.</summary>
[Collection(BrowserSuite.Name)]
public sealed class AccessibilityTests(BrowserSite site)
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>
    /// Every page, at a phone and a desktop width, in light and dark: by the system setting, and by
    /// an explicit choice that contradicts it (the theme cookie must win).
    /// </summary>
    public static TheoryData<string, int, string> PagesInEveryTheme
    {
        get
        {
            var data = new TheoryData<string, int, string>();
            foreach (var page in SitePages.All)
            {
                foreach (var width in new[] { Viewports.Phone, Viewports.Desktop })
                {
                    foreach (var theme in Themes.Keys)
                    {
                        data.Add(page.Path, width, theme);
                    }
                }
            }

            return data;
        }
    }

    private static readonly Dictionary<string, (bool SystemDark, string? Chosen)> Themes = new()
    {
        ["light"] = (false, null),
        ["dark"] = (true, null),
        ["chosen-dark"] = (false, "dark"),
        ["chosen-light"] = (true, "light"),
    };

    [SkippableTheory]
    [MemberData(nameof(PagesInEveryTheme))]
    public async Task Page_HasNoAxeViolations(string path, int width, string theme)
    {
        var (systemDark, chosen) = Themes[theme];
        var view = new View(width, systemDark, chosen);
        await using var visit = await site.VisitAsync(path, view);

        var result = await visit.Page.RunAxe(WcagAA);
        await visit.ScreenshotAsync($"{Slug(path)}-{view.Name}");

        // axe really ran here, contrast included: a theme that hid its text would not "pass" by omission.
        Assert.Contains(result.Passes, rule => rule.Id == "color-contrast");
        Assert.True(result.Violations.Length == 0, $"axe found problems on {path} ({view.Name}):\n{Describe(result.Violations)}");
        await visit.AssertCleanAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(SitePages.Paths), MemberType = typeof(SitePages))]
    public async Task Page_HasEveryLandmarkOneH1AndOrderedHeadings(string path)
    {
        await using var visit = await site.VisitAsync(path, View.Desktop);

        var landmarks = await visit.Page.EvaluateAsync<Dictionary<string, int>>("""
            () => Object.fromEntries(['body > header', 'nav', 'main', 'aside', 'body > footer']
                .map(s => [s, document.querySelectorAll(s).length]))
            """);
        Assert.All(landmarks, l => Assert.True(l.Value == 1, $"{path}: expected one '{l.Key}', found {l.Value}"));

        var levels = await visit.Page.EvaluateAsync<int[]>(
            "() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => +h.tagName[1])");
        Assert.Equal(1, levels.Count(l => l == 1));
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Length; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"{path}: heading h{levels[i]} follows h{levels[i - 1]} (skips a level)");
        }

        await visit.AssertCleanAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(SitePages.Paths), MemberType = typeof(SitePages))]
    public async Task Page_EveryImageHasAltText(string path)
    {
        await using var visit = await site.VisitAsync(path, View.Desktop);

        var images = await visit.Page.EvaluateAsync<string[][]>(
            "() => [...document.images].map(i => [i.getAttribute('src'), (i.getAttribute('alt') ?? '').trim()])");

        Assert.NotEmpty(images); // the avatar at least: a check over nothing proves nothing
        Assert.All(images, i => Assert.False(string.IsNullOrEmpty(i[1]), $"{path}: image {i[0]} has no alt text"));
        await visit.AssertCleanAsync();
    }

    /// <summary>
    /// Screen reader users list links out of context: every link has a name that says where it goes
    /// ("PDF of Implicit Regularization of Dropout", not "PDF"), and one name never means two places.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(SitePages.Paths), MemberType = typeof(SitePages))]
    public async Task Page_LinkTextMakesSenseOutOfContext(string path)
    {
        await using var visit = await site.VisitAsync(path, View.Desktop);

        var links = await visit.Page.EvaluateAsync<string[][]>("""
            () => [...document.querySelectorAll('a[href]')].map(a => [
                (a.getAttribute('aria-label') || (a.textContent + [...a.querySelectorAll('img[alt]')].map(i => ' ' + i.alt).join('')))
                    .replace(/\s+/g, ' ').trim(),
                a.href])
            """);

        string[] vague = ["", "here", "click here", "more", "read more", "link", "this", "pdf", "code", "arxiv", "doi", "slides", "video", "url", "website"];
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.DoesNotContain(l[0].ToLowerInvariant(), vague));
        var ambiguous = links.GroupBy(l => l[0], StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(l => l[1]).Distinct().Count() > 1)
            .Select(g => $"'{g.Key}' -> {string.Join(", ", g.Select(l => l[1]).Distinct())}");
        Assert.Empty(ambiguous);
        await visit.AssertCleanAsync();
    }

    [SkippableFact]
    public async Task SkipLink_IsFirstAndMovesFocusToMain()
    {
        await using var visit = await site.VisitAsync("/", View.Phone);
        var page = visit.Page;

        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        Assert.Equal("Skip to content", (await focused.InnerTextAsync()).Trim());
        var box = await focused.BoundingBoxAsync();
        Assert.True(box is { Y: >= 0, Height: > 0 }, "the focused skip link must be on screen");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // The next Tab continues inside the main content, not back at the top bar.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "Tab after the skip link must land inside <main>");
        await visit.AssertCleanAsync();
    }

    /// <summary>Keyboard focus is visible on every stop of the top bar and sidebar, in both themes.</summary>
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task KeyboardFocus_HasAVisibleOutline(bool systemDark)
    {
        await using var visit = await site.VisitAsync("/", View.Desktop with { SystemDark = systemDark });
        var page = visit.Page;

        var stops = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<string[]>("""
                () => {
                    const e = document.activeElement, s = getComputedStyle(e);
                    return [e.outerHTML.slice(0, 80), s.outlineStyle, s.outlineWidth, s.outlineColor, getComputedStyle(document.body).backgroundColor];
                }
                """);
            stops.Add(focus[0]);
            Assert.True(focus[1] != "none" && ParsePx(focus[2]) >= 2,
                $"focused {focus[0]} has outline '{focus[1]} {focus[2]}'");
            Assert.NotEqual(focus[4], focus[3]);
        }

        Assert.Contains(stops, s => s.StartsWith("<button", StringComparison.Ordinal)); // the theme toggle is reachable
        await visit.AssertCleanAsync();
    }

    private static double ParsePx(string value) =>
        double.Parse(value.Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    internal static string Slug(string path) => path == "/" ? "about" : path.Trim('/').Replace('/', '-');

    private static string Describe(AxeResultItem[] violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes.Take(5))
            {
                text.AppendLine($"    {node.Target}: {node.Html}");
            }
        }

        return text.ToString();
    }
}
