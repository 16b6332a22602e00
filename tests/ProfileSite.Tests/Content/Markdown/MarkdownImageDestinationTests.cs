using AngleSharp.Html.Parser;
using ProfileSite.Content;
using ProfileSite.Content.Loading;
using ProfileSite.Images;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content.Markdown;

/// <summary>
/// How an image written in Markdown reaches the image pipeline, whatever follows its path: owners add
/// <c>?v=2</c> to bust a cache or <c>#fragment</c> by habit, and the page must still show the picture made
/// from the file (resized, metadata removed), never link the original with its EXIF and GPS.
/// </summary>
public sealed class MarkdownImageDestinationTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private ContentLoadResult Load() =>
        ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath)
        {
            Images = new VipsImageInspector(new ImageOptions()),
        });

    [Theory]
    [InlineData("images/plot.png?v=2")]
    [InlineData("images/plot.png#results")]
    [InlineData("/images/plot.png?v=2#results")]
    public void ImageWithAQueryOrFragment_IsShownAsAPictureOfTheFile(string destination)
    {
        _content.WriteImage("images/plot.png", 900, 600);
        _content.Write("about.md", $"---\ntitle: About Me\n---\nResults: ![The plot]({destination})\n");

        var result = Load();

        Assert.Empty(result.Problems.Where(p => p.File.EndsWith("about.md", StringComparison.Ordinal)));
        var page = new HtmlParser().ParseDocument(result.Content!.About.Html);
        var img = Assert.Single(page.QuerySelectorAll("picture img"));
        Assert.Equal("The plot", img.GetAttribute("alt"));
        Assert.StartsWith("/variants/", img.GetAttribute("src"), StringComparison.Ordinal);
        Assert.DoesNotContain("images/plot", result.Content.About.Html, StringComparison.Ordinal);
        // Named by the content, so its own address serves the clean copy rather than the file.
        Assert.True(result.Content.Images.Wholes.ContainsKey("images/plot.png"));
    }

    [Fact]
    public void MissingImageWithAQuery_IsAWarningAtItsPosition()
    {
        _content.Write("about.md", "---\ntitle: About Me\n---\nResults: ![The plot](images/gone.png?v=2)\n");

        var result = Load();

        var warning = Assert.Single(result.Problems, p => p.File.EndsWith("about.md", StringComparison.Ordinal)).ToString();
        Assert.StartsWith("content/about.md:4:10: warning: image images/gone.png does not exist under the web root", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", result.Content!.About.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void ImageInRawHtml_NamesTheCleanCopyFromTheSiteRoot_AndPlansIt()
    {
        _content.WriteImage("images/plot.png", 900, 600);
        _content.Write("about.md", """
            ---
            title: About Me
            ---
            <div class='paper-box-image'><img src='images/plot.png' alt="The plot" width="100%"></div>

            Inline <img src="./images/plot.png?v=2" alt="Small" width="120"> and <img srcset="images/plot.png 2x, /images/plot.png 1x" alt="Sharp">.
            """);

        var result = Load();

        Assert.Empty(result.Problems.Where(p => p.File.EndsWith("about.md", StringComparison.Ordinal)));
        var page = new HtmlParser().ParseDocument(result.Content!.About.Html);
        var clean = _content.Asset("images/plot.png");
        var images = page.QuerySelectorAll("img");
        Assert.Equal(3, images.Length);
        Assert.Equal([clean, clean], images.Take(2).Select(i => i.GetAttribute("src")));
        Assert.Equal(["100%", "120"], images.Take(2).Select(i => i.GetAttribute("width")));
        Assert.Equal($"{clean} 2x, {clean} 1x", images[2].GetAttribute("srcset"));
        // The address the page names serves the whole copy without metadata, not the file.
        Assert.True(result.Content.Images.Wholes.ContainsKey("images/plot.png"));
    }

    [Fact]
    public void MissingImageInRawHtml_IsAWarningAtItsAttribute()
    {
        _content.Write("about.md", "---\ntitle: About Me\n---\n<p><img src=\"images/gone.png\" alt=\"Gone\"></p>\n");

        var result = Load();

        var warning = Assert.Single(result.Problems, p => p.File.EndsWith("about.md", StringComparison.Ordinal)).ToString();
        Assert.StartsWith("content/about.md:4:9: warning: image images/gone.png does not exist under the web root", warning, StringComparison.Ordinal);
    }
}
