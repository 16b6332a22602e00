using AngleSharp.Html.Parser;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Cli;

/// <summary>Serving another site's folders with <c>--content</c>/<c>--webroot</c>, as <c>check</c> and <c>export</c> take them.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly TestContent _content = new();

    [Theory]
    [InlineData]
    [InlineData("serve")]
    public async Task Serve_WithContentAndWebroot_ServesThoseFolders_NotTheShippedExample(params string[] verb)
    {
        _content.Write("profile.yaml", File.ReadAllText(Path.Combine(_content.ContentPath, "profile.yaml")).Replace("Ada Example", "Zofia Nameless", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_content.WebRootPath, "only-here.txt"), "from the named web root");

        await using var app = AppProcess.Start([.. verb, "--content", _content.ContentPath, "--webroot", _content.WebRootPath]);
        await app.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        Assert.Equal("Zofia Nameless", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("from the named web root", await client.GetStringAsync("/only-here.txt"));
    }

    [Fact]
    public async Task Serve_WithAContentFolderThatDoesNotExist_ExitsTwoNamingIt()
    {
        var missing = Path.Combine(_content.Root, "no-such-folder");

        var (exitCode, _, stderr) = await AppProcess.RunAsync("--content", missing);

        Assert.Equal(2, exitCode);
        Assert.Contains($"--content: folder not found: {missing}", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _content.Dispose();
}
