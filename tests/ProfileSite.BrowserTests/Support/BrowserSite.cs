using Microsoft.Playwright;
using ProfileSite.Content;
using ProfileSite.Content.Loading;
using ProfileSite.Tests.Support;

namespace ProfileSite.BrowserTests.Support;

/// <summary>
/// One app and one browser for the whole suite (starting Chromium is the slow part); each test
/// opens its own browser context, so cookies and settings never leak between tests.
/// The app is the built ProfileSite started as a real process on 127.0.0.1, serving a copy of
/// the shipped example (its real CSS, JS and images) plus a paper that stresses the layout.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("profilesite-browser-").FullName;
    private AppProcess? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress => _app?.BaseAddress ?? throw new InvalidOperationException("The app is not running.");

    /// <summary>What the pages must show, loaded from the same folder by the content library itself.</summary>
    public SiteContent Expected { get; private set; } = null!;

    public string ContentPath => Path.Combine(_root, "content");

    public string WebRootPath => Path.Combine(_root, "wwwroot");

    /// <summary>Where screenshots and PDFs go: gitignored, kept after the run to be looked at.</summary>
    public static string ArtifactsPath { get; } = Path.Combine(Repository.Root, "artifacts");

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            return; // each test skips (or fails in CI) with the reason
        }

        WriteContent();
        var loaded = ContentLoader.Load(new ContentLoadOptions(ContentPath, WebRootPath));
        Expected = loaded.Content ?? throw new InvalidOperationException(
            "The browser fixture's content is invalid:\n" + string.Join('\n', loaded.Problems));

        // No per-client rate limit: every test's browser is one client, 127.0.0.1, and the suite's parallel
        // visits together pass the default 20 requests/s after the burst (a 429 for a form post stalled a
        // theme test). LimitsTests checks the limit itself.
        _app = AppProcess.Start($"--ProfileSite:ContentPath={ContentPath}", $"--ProfileSite:WebRootPath={WebRootPath}",
            $"--ProfileSite:Images:CachePath={Path.Combine(_root, "image-cache")}", "--ProfileSite:Security:RequestsPerSecond=0");
        await _app.WaitUntilListeningAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.Arguments,
            Headless = true,
            Timeout = 60_000,
        });
    }

    /// <summary>Opens a fresh context and page with the given view, recording everything the hygiene check needs.</summary>
    /// <param name="view">Width, colour scheme, theme and JavaScript.</param>
    /// <param name="app">Another app to visit (an <see cref="OtherSite"/>); the shipped example by default.</param>
    public async Task<Visit> OpenAsync(View view, Uri? app = null)
    {
        Chromium.RequireInstalled();
        var baseAddress = app ?? BaseAddress;
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = view.Width, Height = Viewports.HeightFor(view.Width) },
            ColorScheme = view.SystemDark ? ColorScheme.Dark : ColorScheme.Light,
            JavaScriptEnabled = view.JavaScript,
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(30_000);
        if (view.ChosenTheme is { } theme)
        {
            await context.AddCookiesAsync([new Cookie { Name = "theme", Value = theme, Url = baseAddress.ToString() }]);
        }

        return new Visit(context, await context.NewPageAsync(), baseAddress);
    }

    /// <summary>Shortcut: open a view and go to a listed page, asserting its status.</summary>
    public async Task<Visit> VisitAsync(string path, View view)
    {
        var visit = await OpenAsync(view);
        await visit.GoAsync(path, SitePages.StatusOf(path));
        return visit;
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

    private void WriteContent()
    {
        CopyDirectory(Path.Combine(Repository.Root, "content"), ContentPath);
        CopyDirectory(Path.Combine(Repository.Root, "wwwroot"), WebRootPath);

        // A paper with no figure, a long title and a long unbroken link: the cases that break
        // phone layouts and printed pages first.
        File.WriteAllText(Path.Combine(ContentPath, "publications", "2020-browser-fixture-long-paper.md"), """
            ---
            title: Characterizing Loss Landscapes of Overparameterized Networks Through Condensation
            authors: [Zhongwang Zhang*, Ada Coauthor*, Zhi-Qin John Xu†]
            venue: Browser Fixture Workshop on Very Long Venue Names and Their Wrapping Behaviour
            date: 2020-06
            url: https://example.org/papers/characterizing-loss-landscapes-of-overparameterized-networks-through-condensation-2020.pdf
            selected: true
            summary: A paper the browser tests add, with no image and a long link.
            links:
              code: https://example.org/code/characterizing-loss-landscapes-of-overparameterized-networks
              arxiv: 2006.00001
            ---
            """);
        WriteMathPaper();
    }

    /// <summary>A .bib entry with math in its title and abstract: MathML the browser must draw itself.</summary>
    public const string MathPaperPath = "/publications/browser-math";

    private void WriteMathPaper() =>
        File.WriteAllText(Path.Combine(ContentPath, "publications", "browser-fixture.bib"), """
            @article{browser-math,
              author = {Zhang, Zhongwang and De Witt, Anna},
              title = {Measurement of \(B_s^0 \to \phi \mu^+ \mu^-\) and the $\ell_1$ norm at $\sqrt{s}=13$ TeV},
              journaltitle = {Browser Fixture Letters},
              date = {2021-07},
              abstract = {The ratio $\frac{o}{a}$ and the sum
                $$\sum_{i=1}^{n} \frac{x_i^2}{\sigma_i^2} = \chi^2$$
                are drawn by the browser from MathML, with no script and no font download.},
            }
            """);

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>How the visitor sees the page: width, system colour scheme, a remembered theme, JavaScript.</summary>
public sealed record View(int Width, bool SystemDark = false, string? ChosenTheme = null, bool JavaScript = true)
{
    public static View Desktop => new(Viewports.Desktop);

    public static View Phone => new(Viewports.Phone);

    /// <summary>Names the view in artifact file names: "light-375", "dark-1280", "chosen-dark-on-light-375".</summary>
    public string Name => ChosenTheme is { } chosen
        ? $"chosen-{chosen}-on-{(SystemDark ? "dark" : "light")}-{Width}"
        : $"{(SystemDark ? "dark" : "light")}-{Width}";
}

[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<BrowserSite>
{
    public const string Name = "Browser";
}
