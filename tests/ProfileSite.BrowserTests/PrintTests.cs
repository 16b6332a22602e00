using Microsoft.Playwright;
using ProfileSite.BrowserTests.Support;

namespace ProfileSite.BrowserTests;

/// <summary>Printing the About page gives a CV-like document: Chromium renders the PDF, pdftotext reads it back.</summary>
[Collection(BrowserSuite.Name)]
public sealed class PrintTests(BrowserSite site)
{
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)] // a visitor who chose dark still gets a printable page
    public async Task PrintedAbout_IsACleanCvWithEveryPaperAndItsUrl(bool chosenDark)
    {
        PdfText.RequireInstalled();
        await using var visit = await site.VisitAsync("/", View.Desktop with { ChosenTheme = chosenDark ? "dark" : null });
        var navLabels = await visit.Page.Locator(".site-nav a").AllInnerTextsAsync();
        Assert.NotEmpty(navLabels);

        var pdf = Path.Combine(BrowserSite.ArtifactsPath, "print", chosenDark ? "about-chosen-dark.pdf" : "about.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(pdf)!);
        await visit.Page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = false });
        var pages = (await PdfText.ReadAsync(pdf)).Split('\f').Select(PdfText.Flatten).Where(p => p.Length > 0).ToArray();
        var text = string.Join(' ', pages);

        var expected = site.Expected;
        Assert.Contains(expected.Profile.Name, text, StringComparison.Ordinal);
        Assert.NotEmpty(expected.SelectedPublications);
        foreach (var paper in expected.SelectedPublications)
        {
            // A card is never cut: the title and its address are on the same page.
            var page = Assert.Single(pages, p => p.Contains(paper.Title, StringComparison.Ordinal));
            if (paper.Url is not null)
            {
                Assert.Contains(PdfText.Squeeze(paper.Url), PdfText.Squeeze(page), StringComparison.Ordinal);
            }
        }

        // The screen furniture is gone: no top bar (its labels in a row), toggle, skip link or footer.
        Assert.DoesNotContain(string.Join(' ', navLabels), text, StringComparison.Ordinal);
        Assert.DoesNotContain("Skip to content", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Light Dark System", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Built with ProfileSite", text, StringComparison.Ordinal);
        await visit.AssertCleanAsync();
    }

    /// <summary>Print colours are ink on paper whatever the theme, and cards keep together.</summary>
    [SkippableTheory]
    [InlineData(false, null)]
    [InlineData(true, null)]
    [InlineData(false, "dark")]
    public async Task PrintStyles_UseBlackTextAndKeepCardsWhole(bool systemDark, string? chosen)
    {
        await using var visit = await site.VisitAsync("/", View.Desktop with { SystemDark = systemDark, ChosenTheme = chosen });
        await visit.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        var styles = await visit.Page.EvaluateAsync<string[]>("""
            () => [getComputedStyle(document.body).color,
                   [...document.querySelectorAll('.paper')].map(p => getComputedStyle(p).breakInside).join(','),
                   ['.masthead', '.skip-link', '.theme-toggle', '.site-footer']
                       .filter(s => document.querySelector(s) && getComputedStyle(document.querySelector(s)).display !== 'none').join(',')]
            """);
        Assert.Equal("rgb(0, 0, 0)", styles[0]);
        Assert.All(styles[1].Split(','), b => Assert.Equal("avoid", b));
        Assert.Equal("", styles[2]);
        await visit.AssertCleanAsync();
    }
}
