using ProfileSite.Content;
using ProfileSite.Content.Loading;
using ProfileSite.Images;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Images;

/// <summary>
/// Images that are not what they claim (truncated, HTML under an image's name, a header claiming 60000x60000
/// pixels) are warnings at the reference's file:line:col and are left out; the load neither fails nor hangs.
/// </summary>
public sealed class BadImageTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private ContentLoadResult Load(ImageOptions? options = null) =>
        ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath)
        {
            Images = new VipsImageInspector(options ?? new ImageOptions()),
        });

    private static string Warning(ContentLoadResult result, string file) =>
        Assert.Single(result.Problems, p => p.File.EndsWith(file, StringComparison.Ordinal)).ToString();

    [SkippableFact]
    public void TruncatedJpegAsAvatar_IsAWarningAtTheAvatarLine_AndLeftOut()
    {
        _content.CopyPhoto("truncated.jpg", "images/me.jpg");
        _content.Write("profile.yaml", "name: Ada Example\nbio: Professor\navatar: images/me.jpg\n");

        var result = Load();

        Assert.True(result.Succeeded);
        Assert.Null(result.Content!.Profile.Avatar);
        var warning = Warning(result, "profile.yaml");
        Assert.StartsWith("content/profile.yaml:3:9: warning: 'avatar' names images/me.jpg, which cannot be decoded", warning, StringComparison.Ordinal);
        Assert.Contains("truncated", warning, StringComparison.Ordinal);
        Assert.EndsWith("the image is left out", warning, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void HtmlNamedPng_AsPaperImage_SaysItIsAnHtmlPage()
    {
        _content.CopyPhoto("not-really.png", "images/flows.png");

        var result = Load();

        Assert.Null(result.Content!.PublicationsBySlug["2024-flows"].Image);
        Assert.Equal(
            "content/publications/2024-flows.md:8:8: warning: 'image' names images/flows.png, which is not an image (it holds an HTML page); use JPEG, PNG, GIF, WebP, AVIF or SVG; the image is left out",
            Warning(result, "2024-flows.md"));
    }

    [SkippableFact]
    public void DecompressionBombInMarkdown_IsRefusedFromItsHeader_AtTheImagesPosition()
    {
        _content.CopyPhoto("bomb-60000px.png", "images/bomb.png");
        _content.Write("about.md", "---\ntitle: About Me\n---\nMy work.\n\nA figure: ![Results](images/bomb.png)\n");

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = Load();

        Assert.Equal(
            "content/about.md:6:11: warning: image images/bomb.png has 60000x60000 pixels (3600 megapixels), more than ProfileSite:Images:MaxImagePixels (50 megapixels); the image is left out",
            Warning(result, "about.md"));
        Assert.DoesNotContain("<img", result.Content!.About.Html, StringComparison.Ordinal);
        Assert.Contains("A figure:", result.Content.About.Html, StringComparison.Ordinal);
        // Refused from the header: nothing near 3.6 gigapixels was decoded (a decode would take minutes, not this).
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30));
    }

    [SkippableFact]
    public void MissingAndBrokenImagesInANewsItem_AreWarningsAtTheText()
    {
        _content.CopyPhoto("truncated.jpg", "images/trip.jpg");
        _content.Write("news.yaml", "- date: 2024-09\n  text: \"Trip ![photo](images/trip.jpg) and ![gone](/images/gone.png)\"\n");

        var result = Load();

        var warnings = result.Problems.Where(p => p.File.EndsWith("news.yaml", StringComparison.Ordinal)).Select(p => p.ToString()).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("content/news.yaml:2:9: warning: 'text': image images/trip.jpg cannot be decoded", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("content/news.yaml:2:9: warning: 'text': image images/gone.png does not exist under the web root", warnings[1], StringComparison.Ordinal);
        Assert.Equal("Trip  and ", result.Content!.News.Single().Html);
    }

    [SkippableFact]
    public void PixelLimit_IsTheOperatorsSetting()
    {
        _content.CopyPhoto("avatar.jpg", "images/avatar.jpg");
        _content.Write("profile.yaml", "name: Ada Example\navatar: images/avatar.jpg\n");

        Assert.NotNull(Load(new ImageOptions { MaxImagePixels = 6_000_000 }).Content!.Profile.Avatar);
        var limited = Load(new ImageOptions { MaxImagePixels = 5_000_000 });

        Assert.Null(limited.Content!.Profile.Avatar);
        Assert.Contains("has 2400x2400 pixels (5.8 megapixels), more than ProfileSite:Images:MaxImagePixels (5 megapixels)", Warning(limited, "profile.yaml"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void EveryGoodFixture_Inspects_WithItsDisplayedSize()
    {
        var inspector = new VipsImageInspector(new ImageOptions());

        var portrait = inspector.Inspect(PhotoFixtures.Path("portrait-rotated.jpg")).Facts!;
        Assert.Equal((1600, 1200), (portrait.Width, portrait.Height)); // stored 1200x1600, Orientation 6
        foreach (var (name, width, height, alpha, animated) in new[]
        {
            ("avatar.jpg", 2400, 2400, false, false), ("figure1.png", 1200, 800, false, false), ("figure-wide.png", 1600, 900, true, false),
            ("figure-16bit.png", 800, 600, false, false), ("cmyk.jpg", 1000, 1000, false, false), ("animated.gif", 400, 300, false, true),
        })
        {
            var facts = inspector.Inspect(PhotoFixtures.Path(name)).Facts;
            Assert.True(facts is not null, name);
            Assert.Equal((width, height, alpha, animated), (facts.Width, facts.Height, facts.HasAlpha, facts.IsAnimated));
            Assert.Matches("^[0-9a-f]{16}$", facts.VariantKey);
        }
    }
}
