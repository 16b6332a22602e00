using Microsoft.Playwright;
using ProfileSite.BrowserTests.Support;

namespace ProfileSite.BrowserTests;

/// <summary>
/// Math from a .bib title and abstract is MathML Core that Chromium lays out itself: the formula
/// has a real box, a fraction stands taller than a line of text, display math is a block, and the
/// page loads no script or font for it.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class MathTests(BrowserSite site)
{
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MathMl_IsLaidOutByTheBrowser(bool dark)
    {
        await using var visit = await site.VisitAsync(BrowserSite.MathPaperPath, View.Desktop with { SystemDark = dark });
        var page = visit.Page;
        await visit.ScreenshotAsync($"math-{(dark ? "dark" : "light")}-1280");

        var title = await BoxAsync(page, "#paper-title math");
        Assert.True(title.Width > 20 && title.Height > 5, $"the title's formula has no layout box: {title}");
        Assert.Equal("math", await page.EvalOnSelectorAsync<string>("#paper-title math", "m => getComputedStyle(m).display"));

        // A display fraction stacks numerator over denominator: taller than one line of the venue text.
        var fraction = await BoxAsync(page, ".paper-abstract math[display=block] mfrac");
        var line = await BoxAsync(page, ".paper-venue em");
        Assert.True(fraction.Height > line.Height * 1.3, $"fraction {fraction.Height}px is not taller than a line ({line.Height}px)");

        // Display math is a block of its own line, wider than its inline neighbours.
        Assert.Equal("block math", await page.EvalOnSelectorAsync<string>(".paper-abstract math[display=block]", "m => getComputedStyle(m).display"));

        // Nothing was fetched for the math: no script, no font.
        var requested = await page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').map(r => r.name)");
        Assert.DoesNotContain(requested, url => url.Contains("font", StringComparison.OrdinalIgnoreCase) || url.Contains("math", StringComparison.OrdinalIgnoreCase) || url.Contains("temml", StringComparison.OrdinalIgnoreCase));

        await visit.AssertCleanAsync();
    }

    private static async Task<Box> BoxAsync(IPage page, string selector)
    {
        var size = await page.EvalOnSelectorAsync<double[]>(selector, "e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; }");
        return new Box(size[0], size[1]);
    }

    private sealed record Box(double Width, double Height);
}
