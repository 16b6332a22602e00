using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ProfileSite.BrowserTests.Support;

namespace ProfileSite.BrowserTests;

/// <summary>
/// Text of any shape keeps the layout: generated content (long words, URLs, DOIs, gene names,
/// right-to-left and mixed text, CJK, wide tables, long code and BibTeX) in every field, rendered
/// at a phone and a desktop width and printed. Each seed is one site; <c>LAYOUT_SEEDS=1,2,3</c>
/// replays or widens the run (by default a fixed seed and the day's, so CI stays bounded).
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class LayoutPropertyTests(BrowserSite site)
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    public static TheoryData<int> Seeds
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("LAYOUT_SEEDS");
            var seeds = string.IsNullOrWhiteSpace(configured)
                ? [18, int.Parse(DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)]
                : configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            return [.. seeds];
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Seeds))]
    public async Task AnyText_StaysInsideTheViewportPrintsWholeAndPassesAxe(int seed)
    {
        PdfText.RequireInstalled();
        GeneratedContent generated = null!;
        await using var other = await OtherSite.StartAsync(path => generated = GeneratedContent.Write(path, seed));
        string[] paths = ["/", "/publications", .. generated.PaperPaths.Take(2)];
        var problems = new List<string>();

        foreach (var path in paths)
        {
            foreach (var width in new[] { Viewports.Phone, Viewports.Desktop })
            {
                await using var visit = await site.OpenAsync(new View(width), other.BaseAddress);
                await visit.GoAsync(path);
                var overflow = await visit.Page.EvaluateAsync<string[]>("""
                    () => {
                        const width = document.scrollingElement.scrollWidth;
                        if (width <= innerWidth) return [];
                        const wide = [...document.body.querySelectorAll('*')]
                            .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5 && !e.closest('.scroll-box, .bibtex, .visually-hidden'))
                            .slice(-3).map(e => e.outerHTML.slice(0, 120));
                        return [String(width), ...wide];
                    }
                    """);
                if (overflow.Length > 0)
                {
                    problems.Add($"{path} at {width}px scrolls sideways: {overflow[0]}px wide; widest: {string.Join(" | ", overflow.Skip(1))}");
                }

                var axe = await visit.Page.RunAxe(WcagAA);
                problems.AddRange(axe.Violations.Select(v => $"{path} at {width}px: axe {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target))})"));
                await visit.ScreenshotAsync($"generated-{seed}-{AccessibilityTests.Slug(path)}-{width}");
                await visit.AssertCleanAsync();
            }

            problems.AddRange(await PrintProblemsAsync(other, path, generated, seed));
        }

        Assert.True(problems.Count == 0, $"seed {seed} (replay with LAYOUT_SEEDS={seed}):\n{string.Join('\n', problems)}");
    }

    /// <summary>
    /// Prints the page to an A4 PDF and reads it back: every letter and digit the printed page shows
    /// (its visible text, and what ::before/::after add, such as the URLs after links) must be in the PDF as
    /// often as on the page. Text pushed past the paper's edge is dropped, so a cut word comes back
    /// short. Characters are counted rather than words compared, because a PDF gives mixed-direction
    /// lines back in visual order.
    /// </summary>
    private async Task<IEnumerable<string>> PrintProblemsAsync(OtherSite other, string path, GeneratedContent generated, int seed)
    {
        await using var visit = await site.OpenAsync(View.Desktop, other.BaseAddress);
        await visit.GoAsync(path);
        await visit.LoadAllImagesAsync();
        await visit.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var printed = await visit.Page.EvaluateAsync<string>("""
            () => {
                // Text a reader sees: not display:none in print, not clipped away for screen readers only.
                const shown = e => e.checkVisibility() && !e.closest('.visually-hidden, script, style, template');
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                let text = '';
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    if (shown(node.parentElement)) text += node.data + ' ';
                }
                for (const e of document.body.querySelectorAll('*')) {
                    if (!shown(e)) continue;
                    for (const pseudo of ['::before', '::after']) {
                        const content = getComputedStyle(e, pseudo).content;
                        if (!content || content === 'none' || content === 'normal') continue;
                        text += ' ' + [...content.matchAll(/"((?:[^"\\]|\\.)*)"|attr\(([\w-]+)\)/g)]
                            .map(m => m[1] !== undefined ? m[1] : (e.getAttribute(m[2]) ?? '')).join('');
                    }
                }
                return text;
            }
            """);

        var pdf = Path.Combine(BrowserSite.ArtifactsPath, "print", $"generated-{seed}-{AccessibilityTests.Slug(path)}.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(pdf)!);
        await visit.Page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = false });
        var text = await PdfText.ReadAsync(pdf);
        await visit.AssertCleanAsync();

        var expected = Letters(printed);
        var found = Letters(text);
        var missing = expected.Where(e => found.GetValueOrDefault(e.Key) < e.Value)
            .Select(e => $"'{e.Key}' {e.Value - found.GetValueOrDefault(e.Key)}x").ToList();
        if (expected.Values.Sum() < 500)
        {
            return [$"{path} printed only {expected.Values.Sum()} letters: the check would prove little"];
        }

        if (missing.Count == 0)
        {
            return [];
        }

        // Name the generated tokens that do not come back whole, to point at the cut (a hint only:
        // a token inside right-to-left text can come back reordered without being cut).
        var squeezedPdf = PdfText.Squeeze(text);
        var suspects = generated.Tokens.Select(PdfText.Squeeze).Distinct()
            .Where(t => PdfText.Squeeze(printed).Contains(t, StringComparison.Ordinal) && !squeezedPdf.Contains(t, StringComparison.Ordinal))
            .Take(5).Select(Shorten);
        return [$"{path} printed: the PDF ({pdf}) lacks {string.Join(", ", missing.Take(20))}; perhaps in: {string.Join(" | ", suspects)}"];
    }

    /// <summary>How often each letter and digit occurs, in compatibility form (a PDF may give "ﬁ" for "fi",
    /// or Arabic in its presentation forms).</summary>
    private static Dictionary<char, int> Letters(string text)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in text.Normalize(NormalizationForm.FormKC).Where(char.IsLetterOrDigit))
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        return counts;
    }

    private static string Shorten(string token) =>
        token.Length <= 60 ? token : new StringBuilder(token[..30]).Append('…').Append(token[^30..]).ToString();
}
