using ProfileSite.BrowserTests.Support;

namespace ProfileSite.BrowserTests;

/// <summary>Phones (360-375 px) and a desktop (1280 px): no sideways scrolling, tappable targets, a sticky sidebar.</summary>
[Collection(BrowserSuite.Name)]
public sealed class ResponsiveTests(BrowserSite site)
{
    [SkippableTheory]
    [MemberData(nameof(SitePages.PathsAtPhoneWidths), MemberType = typeof(SitePages))]
    public async Task Phone_HasNoHorizontalScrolling(string path, int width)
    {
        await using var visit = await site.VisitAsync(path, new View(width));

        var widths = await visit.Page.EvaluateAsync<int[]>(
            "() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{path} at {width}px scrolls sideways: content is {widths[0]}px wide");
        await visit.AssertCleanAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(SitePages.PathsAtPhoneWidths), MemberType = typeof(SitePages))]
    public async Task Phone_ShowsTheProfileAboveTheContent(string path, int width)
    {
        await using var visit = await site.VisitAsync(path, new View(width));

        var aside = await visit.Page.Locator("aside").BoundingBoxAsync();
        var main = await visit.Page.Locator("main").BoundingBoxAsync();
        Assert.NotNull(aside);
        Assert.NotNull(main);
        Assert.True(aside.Y + aside.Height <= main.Y + 1, $"the profile (bottom {aside.Y + aside.Height}) must come before the content (top {main.Y})");
        await visit.AssertCleanAsync();
    }

    /// <summary>
    /// WCAG 2.5.8 (target size, minimum): every link and button is at least 24x24 CSS px, or a
    /// 24 px circle on its centre touches no other target, or it is a link inside a sentence.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(SitePages.PathsAtPhoneWidths), MemberType = typeof(SitePages))]
    public async Task Phone_TapTargetsAreAtLeast24Px(string path, int width)
    {
        await using var visit = await site.VisitAsync(path, new View(width));

        var result = await visit.Page.EvaluateAsync<string[][]>("""
            () => {
                const rect = e => { const r = e.getBoundingClientRect(); return { x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height }; };
                const targets = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
                    .filter(e => !e.closest('.visually-hidden') && !e.matches('.skip-link:not(:focus)'))
                    .map(e => ({ e, r: rect(e) }))
                    .filter(t => t.r.w > 0 && t.r.h > 0);
                const inSentence = e => e.tagName === 'A' && e.closest('p, .dated-text') !== null;
                const small = targets.filter(t => (t.r.w < 24 || t.r.h < 24) && !inSentence(t.e));
                const centre = r => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
                const circleHitsRect = (c, r) => {
                    const dx = Math.max(r.x - c.x, 0, c.x - (r.x + r.w)), dy = Math.max(r.y - c.y, 0, c.y - (r.y + r.h));
                    return dx * dx + dy * dy < 12 * 12;
                };
                const failures = small.filter(t => {
                    const c = centre(t.r);
                    return targets.some(o => o !== t && circleHitsRect(c, o.r))
                        || small.some(o => o !== t && Math.hypot(centre(o.r).x - c.x, centre(o.r).y - c.y) < 24);
                });
                return [[String(targets.length)], ...failures.map(t => [t.e.outerHTML.slice(0, 100), `${Math.round(t.r.w)}x${Math.round(t.r.h)}`])];
            }
            """);

        Assert.True(int.Parse(result[0][0], System.Globalization.CultureInfo.InvariantCulture) > 0, "no targets found");
        var failures = result.Skip(1).Select(f => $"{f[1]}: {f[0]}").ToList();
        Assert.True(failures.Count == 0, $"{path} at {width}px has targets under 24x24 px too close to others:\n{string.Join('\n', failures)}");
        await visit.AssertCleanAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(SitePages.PathsAtPhoneWidths), MemberType = typeof(SitePages))]
    public async Task Phone_ImagesFitTheirContainers(string path, int width)
    {
        await using var visit = await site.VisitAsync(path, new View(width));

        var overflowing = await visit.Page.EvaluateAsync<string[]>("""
            () => [...document.images].filter(i => {
                const r = i.getBoundingClientRect(), p = i.parentElement.getBoundingClientRect();
                return r.width > p.width + 0.5 || r.right > innerWidth + 0.5 || r.left < -0.5;
            }).map(i => `${i.getAttribute('src')}: ${Math.round(i.getBoundingClientRect().width)}px`)
            """);
        Assert.True(overflowing.Length == 0, $"images wider than their box on {path} at {width}px:\n{string.Join('\n', overflowing)}");
        await visit.AssertCleanAsync();
    }

    /// <summary>On a desktop the profile stays in view while the visitor scrolls through the content.</summary>
    [SkippableTheory]
    [MemberData(nameof(SitePages.Paths), MemberType = typeof(SitePages))]
    public async Task Desktop_SidebarSticksWhileTheContentScrolls(string path)
    {
        await using var visit = await site.VisitAsync(path, View.Desktop);
        var page = visit.Page;
        const int Scroll = 600;

        var scrollable = await page.EvaluateAsync<bool>($"() => document.scrollingElement.scrollHeight > innerHeight + {Scroll}");
        if (path == "/")
        {
            Assert.True(scrollable, "the About page of the fixture is long enough to scroll");
        }

        var before = await TopsAsync();
        Assert.True(before.Aside + before.AsideHeight <= 800, "the whole profile fits on a desktop screen");
        if (scrollable)
        {
            await page.EvaluateAsync($"() => window.scrollTo(0, {Scroll})");
            await page.WaitForFunctionAsync($"() => window.scrollY === {Scroll}");
            var after = await TopsAsync();
            Assert.InRange(after.Main, before.Main - Scroll - 1, before.Main - Scroll + 1); // the content moved
            Assert.InRange(after.Aside, before.Aside - 1, before.Aside + 1);                // the profile did not
        }

        await visit.AssertCleanAsync();

        async Task<(double Aside, double AsideHeight, double Main)> TopsAsync()
        {
            var tops = await page.EvaluateAsync<double[]>("""
                () => { const a = document.querySelector('aside').getBoundingClientRect();
                        return [a.top, a.height, document.querySelector('main').getBoundingClientRect().top]; }
                """);
            return (tops[0], tops[1], tops[2]);
        }
    }
}
