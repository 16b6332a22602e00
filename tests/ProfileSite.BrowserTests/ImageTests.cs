using System.Text.Json;
using Microsoft.Playwright;
using ProfileSite.BrowserTests.Support;
using ProfileSite.Tests.Support;

namespace ProfileSite.BrowserTests;

/// <summary>
/// The photo fixture site (the shipped example with a phone photo as avatar and PNG figures as paper images) in
/// Chromium at a phone's and a desktop's width: every image shows, Chromium takes the AVIF variants, and
/// nothing moves while images load (cumulative layout shift 0).
/// </summary>
public sealed class ImageTests(PhotoBrowserSite site) : IClassFixture<PhotoBrowserSite>
{
    public static TheoryData<string, int> PagesAndWidths => new()
    {
        { "/", 375 }, { "/", 1280 }, { PhotoBrowserSite.PaperPath, 375 }, { PhotoBrowserSite.PaperPath, 1280 },
    };

    [SkippableTheory]
    [MemberData(nameof(PagesAndWidths))]
    public async Task EveryImageShows_ChromiumPicksAvif_AndNothingShifts(string path, int width)
    {
        var page = await site.OpenAsync(width);
        try
        {
            // Layout shifts are recorded from the first paint on, lazy images included, each with what moved.
            await page.AddInitScriptAsync("""
                window.__shifts = [];
                new PerformanceObserver(list => {
                    for (const e of list.getEntries()) {
                        if (e.hadRecentInput) continue;
                        const moved = e.sources.map(s => s.node ? (s.node.nodeName + (s.node.className?.baseVal ?? s.node.className ? '.' + (s.node.className?.baseVal ?? s.node.className) : '')) : '?');
                        window.__shifts.push({ value: e.value, at: e.startTime, moved: moved.join(', ') });
                    }
                }).observe({ type: 'layout-shift', buffered: true });
                """);
            var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            Assert.Equal(200, response!.Status);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            // The load, seen from the top as a visitor sees it: shifts are counted up to here, before the scrolling
            // below (CI once saw one sidebar icon, in the sticky sidebar, move 3 px during it; a scroll is not what
            // this measures, the images' part of it is the box check).
            var atLoad = (await page.EvaluateAsync<JsonElement>("() => window.__shifts")).EnumerateArray()
                .Select(s => new Shift(s.GetProperty("value").GetDouble(), s.GetProperty("at").GetDouble(), s.GetProperty("moved").GetString()!))
                .ToList();
            const string Boxes = "() => [...document.images].map(i => { const r = i.getBoundingClientRect(); return [r.width, r.height]; })";
            var boxesBefore = await page.EvaluateAsync<double[][]>(Boxes);

            // Bring every lazy image into view, then let it load: no image box may change its size when it does.
            await page.EvaluateAsync("async () => { for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) { scrollTo(0, y); await new Promise(r => setTimeout(r, 100)); } scrollTo(0, 0); }");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete)");
            var boxesAfter = await page.EvaluateAsync<double[][]>(Boxes);
            Assert.Equal(boxesBefore.Length, boxesAfter.Length);
            for (var i = 0; i < boxesBefore.Length; i++)
            {
                // Under a pixel: a variant's rounded height may give a natural ratio a hair off width/height's.
                Assert.True(Math.Abs(boxesBefore[i][0] - boxesAfter[i][0]) < 1 && Math.Abs(boxesBefore[i][1] - boxesAfter[i][1]) < 1,
                    $"image {i} at {width} px was {boxesBefore[i][0]:0.0}x{boxesBefore[i][1]:0.0} before it loaded, {boxesAfter[i][0]:0.0}x{boxesAfter[i][1]:0.0} after");
            }

            var images = await page.EvaluateAsync<JsonElement>("""
                () => [...document.images].map(i => ({ src: i.currentSrc, natural: i.naturalWidth, picture: i.parentElement.tagName === 'PICTURE',
                    reserved: i.hasAttribute('width') && i.hasAttribute('height') }))
                """);
            Assert.NotEmpty(images.EnumerateArray());
            foreach (var image in images.EnumerateArray())
            {
                var src = image.GetProperty("src").GetString();
                Assert.True(image.GetProperty("natural").GetInt32() > 0, $"{src} does not show at {width} px");

                // width and height give the box its size before a byte of the image arrives, whenever it loads.
                Assert.True(image.GetProperty("reserved").GetBoolean(), $"{src} has no width and height, so its box grows when it loads");
                if (image.GetProperty("picture").GetBoolean())
                {
                    Assert.EndsWith(".avif", src, StringComparison.Ordinal);
                }
            }

            // Every shift from the first frame to the end of the load. The page paints nothing before its top bar and
            // profile are parsed whole (the render-blocking "expect" link), so a page still arriving only grows
            // downward, and an image's box has its size before it loads (checked above): nothing may move.
            Assert.True(atLoad.Sum(s => s.Value) == 0,
                $"{path} at {width} px shifts by {atLoad.Sum(s => s.Value):0.000000}: " + string.Join("; ", atLoad.Select(s => $"{s.Moved} at {s.At:0} ms")));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}

/// <summary>One layout-shift entry: its score, its start in ms since navigation and the elements that moved.</summary>
public sealed record Shift(double Value, double At, string Moved);

/// <summary>The photo fixture site served by the built app, its variants made before the first test, and Chromium.</summary>
public sealed class PhotoBrowserSite : IAsyncLifetime
{
    /// <summary>The paper whose figure is figure5.png.</summary>
    public const string PaperPath = "/publications/2024-tpami-implicit-regularization-of-dropout";

    private readonly string _root = Directory.CreateTempSubdirectory("profilesite-photos-").FullName;
    private AppProcess? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private static string? Photos()
    {
        for (var dir = new DirectoryInfo(Repository.Root).Parent; dir is not null; dir = dir.Parent)
        {
            var photos = Path.Combine(dir.FullName, "shared", "fixtures", "photos");
            if (File.Exists(Path.Combine(photos, "avatar.jpg")))
            {
                return photos;
            }
        }

        return null;
    }

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled || Photos() is not { } photos)
        {
            return; // each test skips (or fails in CI) with the reason
        }

        var content = Path.Combine(_root, "content");
        var webRoot = Path.Combine(_root, "wwwroot");
        Copy(Path.Combine(Repository.Root, "content"), content);
        Copy(Path.Combine(Repository.Root, "wwwroot"), webRoot);
        File.Copy(Path.Combine(photos, "avatar.jpg"), Path.Combine(webRoot, "images", "avatar.jpg"));
        var profile = Path.Combine(content, "profile.yaml");
        File.WriteAllText(profile, File.ReadAllText(profile).Replace("avatar: images/avatar.svg", "avatar: images/avatar.jpg", StringComparison.Ordinal));
        for (var i = 1; i <= 5; i++)
        {
            File.Copy(Path.Combine(photos, $"figure{i}.png"), Path.Combine(webRoot, "images", $"figure{i}.png"));
            foreach (var paper in Directory.EnumerateFiles(Path.Combine(content, "publications"), "*.md"))
            {
                File.WriteAllText(paper, File.ReadAllText(paper).Replace($"image: images/pic{i}.svg", $"image: images/figure{i}.png", StringComparison.Ordinal));
            }
        }

        _app = AppProcess.Start($"--ProfileSite:ContentPath={content}", $"--ProfileSite:WebRootPath={webRoot}",
            $"--ProfileSite:Images:CachePath={Path.Combine(_root, "cache")}", "--ProfileSite:Security:RequestsPerSecond=0");
        await _app.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = _app.BaseAddress };
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromMinutes(4); await Task.Delay(250))
        {
            using var health = JsonDocument.Parse(await client.GetStringAsync("/healthz"));
            var images = health.RootElement.GetProperty("images");
            if (images.GetProperty("ready").GetInt32() + images.GetProperty("failed").GetInt32() >= images.GetProperty("planned").GetInt32())
            {
                break;
            }
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.Arguments,
            Headless = true,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh page at <paramref name="width"/> CSS px (the phone at a 2x density, as phones have).</summary>
    public async Task<IPage> OpenAsync(int width)
    {
        Chromium.RequireInstalled();
        Skip.If(Photos() is null, "The photo fixtures (../shared/fixtures/photos beside the repository) are not there.");
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app!.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 812 : 900 },
            DeviceScaleFactor = width < 600 ? 2 : 1,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner gets it.
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
