using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ProfileSite.BrowserTests.Support;

/// <summary>
/// One page in its own browser context, watched from the start: console errors, uncaught script
/// errors, failed requests, error responses and requests to any host but the app's own are all
/// recorded, and <see cref="AssertCleanAsync"/> fails the test on any of them.
/// </summary>
public sealed class Visit : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri _baseAddress;
    private readonly ConcurrentQueue<string> _problems = new();
    private string? _expectedErrorDocument;

    internal Visit(IBrowserContext context, IPage page, Uri baseAddress)
    {
        _context = context;
        _baseAddress = baseAddress;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsExpectedErrorStatus(message))
            {
                _problems.Enqueue($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _problems.Enqueue($"script error: {error}");
        page.RequestFailed += (_, request) => _problems.Enqueue($"request failed: {request.Url} ({request.Failure})");
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "http" or "https" or "ws" or "wss" && url.Authority != _baseAddress.Authority)
            {
                _problems.Enqueue($"request to another host: {request.Url}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Url != _expectedErrorDocument)
            {
                _problems.Enqueue($"HTTP {response.Status}: {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    public IBrowserContext Context => _context;

    /// <summary>Goes to a path and asserts the document's status (a 404 page is expected to answer 404).</summary>
    public async Task GoAsync(string path, int status = 200)
    {
        var url = new Uri(_baseAddress, path).ToString();
        _expectedErrorDocument = status >= 400 ? url : null;
        var response = await Page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.Equal(status, response.Status);
    }

    /// <summary>The hygiene every browser test ends with; also checks every image declares its size.</summary>
    public async Task AssertCleanAsync()
    {
        // Lazy images load only when scrolled to: load them all, so a broken one is caught too.
        await LoadAllImagesAsync();
        var broken = await Page.EvaluateAsync<string[]>(
            "() => [...document.images].filter(i => i.naturalWidth === 0).map(i => i.getAttribute('src'))");
        foreach (var image in broken)
        {
            _problems.Enqueue($"image did not load: {image}");
        }

        var unsized = await Page.EvaluateAsync<string[]>(
            "() => [...document.images].filter(i => !i.hasAttribute('width') || !i.hasAttribute('height')).map(i => i.outerHTML)");
        foreach (var image in unsized)
        {
            _problems.Enqueue($"image without width and height (layout shift): {image}");
        }

        Assert.True(_problems.IsEmpty, $"{Page.Url} is not clean:\n{string.Join('\n', _problems)}");
    }

    /// <summary>
    /// Saves the whole page and the first screen (what a visitor sees before scrolling) under
    /// artifacts/screenshots/, for a person to look at.
    /// </summary>
    public async Task ScreenshotAsync(string name)
    {
        await LoadAllImagesAsync();
        var folder = Path.Combine(BrowserSite.ArtifactsPath, "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + "-screen.png") });
    }

    /// <summary>
    /// Makes every lazy image load now (as scrolling to it would) and waits for them, for at most
    /// 20 s: a hung image is then reported by the hygiene check, not a hung test.
    /// </summary>
    public async Task LoadAllImagesAsync()
    {
        await Page.EvaluateAsync("""
            async () => {
                const images = [...document.images];
                images.forEach(i => { i.loading = 'eager'; });
                const loaded = Promise.all(images.map(i => i.complete
                    ? null
                    : new Promise(r => { i.addEventListener('load', r); i.addEventListener('error', r); })));
                await Promise.race([loaded, new Promise(r => setTimeout(r, 20000))]);
            }
            """);
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    // Chromium reports the 404 page's own status as "Failed to load resource"; that status is
    // asserted by GoAsync, so only that one message is allowed.
    private bool IsExpectedErrorStatus(IConsoleMessage message) =>
        _expectedErrorDocument is not null
        && message.Location.StartsWith(_expectedErrorDocument, StringComparison.Ordinal)
        && message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal);
}
