using Microsoft.Playwright;
using ProfileSite.BrowserTests.Support;

namespace ProfileSite.BrowserTests;

/// <summary>Dark mode: the system setting by default, a remembered choice rendered by the server.</summary>
[Collection(BrowserSuite.Name)]
public sealed class ThemeTests(BrowserSite site)
{
    // The page background of each theme (site.css --bg).
    private const string LightBackground = "rgb(255, 255, 255)";
    private const string DarkBackground = "rgb(20, 23, 27)";

    [SkippableTheory]
    [InlineData(false, LightBackground)]
    [InlineData(true, DarkBackground)]
    public async Task DefaultTheme_FollowsTheSystemSetting(bool systemDark, string background)
    {
        await using var visit = await site.VisitAsync("/", View.Desktop with { SystemDark = systemDark });

        Assert.Equal("system", await visit.Page.GetAttributeAsync("html", "data-theme"));
        Assert.Equal(background, await BackgroundAsync(visit.Page));
        Assert.Equal("true", await visit.Page.GetAttributeAsync("button[value=system]", "aria-pressed"));
        await visit.AssertCleanAsync();
    }

    /// <summary>An explicit choice wins over a system setting that says the opposite.</summary>
    [SkippableTheory]
    [InlineData("dark", false, DarkBackground)]
    [InlineData("light", true, LightBackground)]
    public async Task ChosenTheme_WinsOverTheSystemSetting(string chosen, bool systemDark, string background)
    {
        await using var visit = await site.VisitAsync("/", View.Desktop with { SystemDark = systemDark, ChosenTheme = chosen });

        Assert.Equal(chosen, await visit.Page.GetAttributeAsync("html", "data-theme"));
        Assert.Equal(background, await BackgroundAsync(visit.Page));
        Assert.Equal("true", await visit.Page.GetAttributeAsync($"button[value={chosen}]", "aria-pressed"));
        await visit.AssertCleanAsync();
    }

    /// <summary>
    /// Without JavaScript the toggle is a form: the choice is stored in a year-long Lax cookie and
    /// the next response already carries data-theme, so the first paint is right (no flash).
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(SitePages.Paths), MemberType = typeof(SitePages))]
    public async Task ThemeToggle_WithoutJavaScript_IsRememberedAndRenderedByTheServer(string path)
    {
        await using var visit = await site.VisitAsync(path, View.Phone with { JavaScript = false });
        var page = visit.Page;
        var status = SitePages.StatusOf(path);

        var response = await SubmitAsync(page, "dark");
        Assert.Equal(new Uri(site.BaseAddress, path), new Uri(page.Url)); // back where the visitor was
        Assert.Equal(status, response!.Status);
        Assert.Equal("dark", await page.GetAttributeAsync("html", "data-theme"));
        Assert.Equal(DarkBackground, await BackgroundAsync(page));

        var cookie = Assert.Single(await visit.Context.CookiesAsync(), c => c.Name == "theme");
        Assert.Equal("dark", cookie.Value);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        Assert.Equal("/", cookie.Path);
        var expires = DateTimeOffset.FromUnixTimeSeconds((long)cookie.Expires);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(364), DateTimeOffset.UtcNow.AddDays(366));

        // The HTML itself, before any CSS or script runs, already names the theme.
        var html = await (await visit.Context.APIRequest.GetAsync(path)).TextAsync();
        Assert.Matches("<html lang=\"en\"[^>]* data-theme=\"dark\"[^>]*>", html);

        // "System" forgets the choice.
        await SubmitAsync(page, "system");
        Assert.Equal("system", await page.GetAttributeAsync("html", "data-theme"));
        Assert.DoesNotContain(await visit.Context.CookiesAsync(), c => c.Name == "theme");
        Assert.Equal(LightBackground, await BackgroundAsync(page));
        await visit.AssertCleanAsync();
    }

    /// <summary>Clicks a theme button and waits for the page /theme redirects back to.</summary>
    private static async Task<IResponse> SubmitAsync(IPage page, string theme)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync($"button[value={theme}]"),
            r => r.Request.IsNavigationRequest && new Uri(r.Url).AbsolutePath != "/theme");
        await page.WaitForLoadStateAsync(LoadState.Load);
        return response;
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
