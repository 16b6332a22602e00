using ProfileSite.Content;
using ProfileSite.Content.Loading;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content;

/// <summary>site.yaml's keys for being found (url, verification, robots, icon, theme_color, analytics), read by the loader.</summary>
public sealed class SeoSettingsTests : IDisposable
{
    private const string Site = "title: Ada Example - Homepage\nurl: https://ada.example.org/\n";

    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private ContentLoadResult Load() => ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath));

    private SiteSettings LoadSite(string yaml)
    {
        _content.Write("site.yaml", yaml);
        var result = Load();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Empty(result.Problems);
        return result.Content!.Site;
    }

    private string SingleError(string yaml)
    {
        _content.Write("site.yaml", yaml);
        var result = Load();
        Assert.False(result.Succeeded);
        return Assert.Single(result.Problems, p => p.IsError).ToString();
    }

    [Fact]
    public void Load_UrlNotSet_WarnsThatLinksComeFromEachRequest()
    {
        _content.Write("site.yaml", "title: Ada\n");

        var result = Load();

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Problems);
        Assert.Equal("content/site.yaml: warning: 'url' is not set; canonical and feed links are derived from each request", warning.ToString());
    }

    [Fact]
    public void Load_NoSiteYaml_WarnsAboutUrlToo()
    {
        _content.Delete("site.yaml");

        var warning = Assert.Single(Load().Problems);

        Assert.Contains("'url' is not set", warning.Message);
    }

    [Fact]
    public void Load_Defaults_AreIndexableWithAvatarIconAndNoAnalytics()
    {
        var site = LoadSite(Site);

        Assert.Null(site.Analytics);
        Assert.True(site.Seo.AllowIndexing);
        Assert.Empty(site.Seo.Verification);
        Assert.Equal("images/avatar.png", site.Seo.Icon!.Path);
        Assert.False(site.Seo.HasFaviconIco);
        Assert.Equal(("#ffffff", "#14171b"), (site.Seo.ThemeColorLight, site.Seo.ThemeColorDark));
    }

    [Fact]
    public void Load_NoAvatarNorIcon_FallsBackToTheShippedFavicon()
    {
        File.WriteAllText(Path.Combine(_content.WebRootPath, "favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\"/>");
        File.WriteAllBytes(Path.Combine(_content.WebRootPath, "favicon.ico"), [0, 0, 1, 0]);
        _content.Write("profile.yaml", "name: Ada Example\n");

        var seo = LoadSite(Site).Seo;

        Assert.Equal("favicon.svg", seo.Icon!.Path);
        Assert.True(seo.HasFaviconIco);
    }

    [Fact]
    public void Load_ConfiguredIcon_WinsOverTheAvatar()
    {
        _content.WriteImage("images/icon.png", 512, 512);

        var icon = LoadSite(Site + "icon: images/icon.png\n").Seo.Icon;

        Assert.Equal(new WebImage("images/icon.png", 512, 512), icon);
    }

    [Fact]
    public void Load_IconOfAnotherKind_IsAnError()
    {
        File.WriteAllText(Path.Combine(_content.WebRootPath, "images", "icon.txt"), "x");

        Assert.Equal("content/site.yaml:3:7: error: 'icon' must be a .png, .svg, .ico, .webp, .jpg or .gif image, got \"images/icon.txt\"",
            SingleError(Site + "icon: images/icon.txt\n"));
    }

    [Fact]
    public void Load_Verification_ReadsEveryConsoleInAFixedOrder()
    {
        var metas = LoadSite(Site + "verification:\n  yandex: 0123abcd\n  google: Ab-c_D9.x\n  baidu: codeva-XyZ\n  bing: 0F1E2D\n").Seo.Verification;

        Assert.Equal(
            [
                new VerificationMeta("google-site-verification", "Ab-c_D9.x"),
                new VerificationMeta("msvalidate.01", "0F1E2D"),
                new VerificationMeta("baidu-site-verification", "codeva-XyZ"),
                new VerificationMeta("yandex-verification", "0123abcd"),
            ],
            metas.ToArray());
    }

    [Fact]
    public void Load_VerificationTokenWithMarkup_IsAnErrorAtTheValue()
    {
        Assert.Equal(
            "content/site.yaml:4:11: error: 'verification.google' must be the token the search console gives (letters, digits and - _ . = + /), got \"a\"><script>\"",
            SingleError(Site + "verification:\n  google: 'a\"><script>'\n"));
    }

    [Fact]
    public void Load_VerificationUnknownConsole_SuggestsTheClosest()
    {
        Assert.Equal("content/site.yaml:4:3: error: unknown key 'gogle'; did you mean 'google'?",
            SingleError(Site + "verification:\n  gogle: abc\n"));
    }

    [Fact]
    public void Load_RobotsDisallow_TurnsIndexingOff()
    {
        Assert.False(LoadSite(Site + "robots: disallow\n").Seo.AllowIndexing);
        Assert.Equal("content/site.yaml:3:9: error: 'robots' must be allow or disallow, got \"no\"", SingleError(Site + "robots: no\n"));
    }

    [Fact]
    public void Load_ThemeColor_OneForBothOrOnePerScheme()
    {
        var one = LoadSite(Site + "theme_color: '#1b4d80'\n").Seo;
        Assert.Equal(("#1b4d80", "#1b4d80"), (one.ThemeColorLight, one.ThemeColorDark));

        var two = LoadSite(Site + "theme_color: { light: '#fff', dark: '#000000' }\n").Seo;
        Assert.Equal(("#fff", "#000000"), (two.ThemeColorLight, two.ThemeColorDark));

        Assert.Equal("content/site.yaml:3:22: error: 'dark' must be a hex colour like #1b4d80, got \"black\"",
            SingleError(Site + "theme_color: { dark: black }\n"));
    }

    // ---- analytics ----------------------------------------------------------------------

    [Fact]
    public void Load_Plausible_DefaultsToPlausibleIoAndTheUrlsHost()
    {
        var analytics = LoadSite(Site + "analytics:\n  provider: plausible\n").Analytics!;

        Assert.Equal("plausible", analytics.Provider);
        Assert.Equal(["https://plausible.io"], analytics.ScriptSources.ToArray());
        Assert.Equal(["https://plausible.io"], analytics.ConnectSources.ToArray());
        Assert.Empty(analytics.ImageSources);
        Assert.Equal("https://plausible.io/js/script.js", analytics.Script);
        Assert.Equal([new KeyValuePair<string, string>("domain", "ada.example.org")], analytics.ScriptData.ToArray());
    }

    [Fact]
    public void Load_PlausibleSelfHosted_AllowsOnlyThatOrigin()
    {
        var analytics = LoadSite(Site + "analytics:\n  provider: plausible\n  domain: ada.example.org\n  host: https://stats.example.org:8443/plausible/\n").Analytics!;

        Assert.Equal(["https://stats.example.org:8443"], analytics.ScriptSources.ToArray());
        Assert.Equal(["https://stats.example.org:8443"], analytics.ConnectSources.ToArray());
        Assert.Equal("https://stats.example.org:8443/plausible/js/script.js", analytics.Script);
    }

    [Fact]
    public void Load_Umami_UsesTheWebsiteIdAndHost()
    {
        var analytics = LoadSite(Site + "analytics:\n  provider: umami\n  website_id: 94DB1CB1-74f4-4a40-ad6c-962362670409\n  host: https://umami.example.org\n").Analytics!;

        Assert.Equal("umami", analytics.Provider);
        Assert.Equal(["https://umami.example.org"], analytics.ScriptSources.ToArray());
        Assert.Equal(["https://umami.example.org"], analytics.ConnectSources.ToArray());
        Assert.Equal("https://umami.example.org/script.js", analytics.Script);
        Assert.Equal([new KeyValuePair<string, string>("website-id", "94db1cb1-74f4-4a40-ad6c-962362670409")], analytics.ScriptData.ToArray());
    }

    [Fact]
    public void Load_UmamiCloud_AllowsTheCloudScriptAndItsCollector()
    {
        var analytics = LoadSite(Site + "analytics:\n  provider: umami\n  website_id: 94db1cb1-74f4-4a40-ad6c-962362670409\n").Analytics!;

        Assert.Equal(["https://cloud.umami.is"], analytics.ScriptSources.ToArray());
        Assert.Equal(["https://cloud.umami.is", "https://api-gateway.umami.dev"], analytics.ConnectSources.ToArray());
        Assert.Equal("https://cloud.umami.is/script.js", analytics.Script);
    }

    [Fact]
    public void Load_Ga4_AllowsGooglesDocumentedOriginsAndLoadsOurOwnFile()
    {
        var analytics = LoadSite(Site + "analytics:\n  provider: ga4\n  measurement_id: G-ABC123DEF4\n").Analytics!;

        Assert.Equal("ga4", analytics.Provider);
        Assert.Equal(["https://*.googletagmanager.com"], analytics.ScriptSources.ToArray());
        Assert.Equal(["https://*.google-analytics.com", "https://*.analytics.google.com", "https://*.googletagmanager.com"], analytics.ConnectSources.ToArray());
        Assert.Equal(["https://*.google-analytics.com", "https://*.googletagmanager.com"], analytics.ImageSources.ToArray());
        Assert.Equal("/js/ga4.js", analytics.Script);
        Assert.Equal([new KeyValuePair<string, string>("measurement-id", "G-ABC123DEF4")], analytics.ScriptData.ToArray());
    }

    [Fact]
    public void Load_ProviderNone_IsOff()
    {
        Assert.Null(LoadSite(Site + "analytics:\n  provider: none\n").Analytics);
    }

    [Theory]
    [InlineData("analytics:\n  provider: ga4\n  measurement_id: UA-12345-1\n",
        "content/site.yaml:5:19: error: 'measurement_id' must be a GA4 measurement id like G-ABC123DEF4, got \"UA-12345-1\"")]
    [InlineData("analytics:\n  provider: umami\n  website_id: 1234\n",
        "content/site.yaml:5:15: error: 'website_id' must be the website's UUID from Umami, like 94db1cb1-74f4-4a40-ad6c-962362670409, got \"1234\"")]
    [InlineData("analytics:\n  provider: plausible\n  host: http://stats.example.org\n",
        "content/site.yaml:5:9: error: 'host' must be an https:// address without query, like https://stats.example.org, got \"http://stats.example.org\"")]
    [InlineData("analytics:\n  provider: plausible\n  domain: 'ada example'\n",
        "content/site.yaml:5:11: error: 'domain' must be a domain name like you.example.org, got \"ada example\"")]
    [InlineData("analytics:\n  provider: plausable\n",
        "content/site.yaml:4:13: error: unknown analytics provider 'plausable'; did you mean 'plausible'?")]
    [InlineData("analytics:\n  provider: ga4\n  measurement_id: G-ABC123DEF4\n  domain: ada.example.org\n",
        "content/site.yaml:6:3: error: unknown key 'domain'; expected one of: provider, measurement_id")]
    [InlineData("analytics:\n  measurement_id: G-ABC123DEF4\n",
        "content/site.yaml:4:3: error: missing required field 'provider'")]
    public void Load_BadAnalytics_IsAnErrorAtTheValue(string analytics, string expected)
    {
        Assert.Equal(expected, SingleError(Site + analytics));
    }

    [Fact]
    public void Load_PlausibleWithoutDomainOrUrl_SaysWhatIsMissing()
    {
        _content.Write("site.yaml", "analytics:\n  provider: plausible\n");

        var error = Assert.Single(Load().Problems, p => p.IsError);

        Assert.StartsWith("content/site.yaml:2:3: error: missing required field 'domain'", error.ToString());
    }

    // ---- modification times ---------------------------------------------------------------

    [Fact]
    public void Load_RecordsEachInputsModificationTime()
    {
        var paper = Path.Combine(_content.ContentPath, "publications", "2024-flows.md");
        var image = Path.Combine(_content.WebRootPath, "images", "flows.png");
        var old = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        foreach (var file in Directory.EnumerateFiles(_content.Root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, old);
        }

        File.SetLastWriteTimeUtc(paper, old.AddDays(1));
        File.SetLastWriteTimeUtc(image, old.AddDays(2));

        var times = Load().Content!.Times;

        Assert.Equal(new DateTimeOffset(old.AddDays(1)), times.Modified["content/publications/2024-flows.md"]);
        Assert.Equal(new DateTimeOffset(old.AddDays(2)), times.Modified["images/flows.png"]);
        Assert.Equal(new DateTimeOffset(old), times.Modified["content/news.yaml"]);
        Assert.Equal(new DateTimeOffset(old.AddDays(2)), times.Newest);
    }
}
