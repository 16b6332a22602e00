using ProfileSite.Hosting;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Hosting;

/// <summary>The web root as static files see it, on real files.</summary>
public sealed class WebRootFileProviderTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    [Theory]
    [InlineData("/css/site.css", true)]
    [InlineData("/images/avatar.png", true)]
    [InlineData("/.well-known/security.txt", true)]
    [InlineData("/.env", false)]
    [InlineData("/.git/config", false)]
    [InlineData("/images/.cache/a.png", false)]
    [InlineData("/../secret.txt", false)]
    [InlineData("/css/..", false)]
    [InlineData("/css\\site.css", false)]
    [InlineData("/c:/secret.txt", false)]
    [InlineData("/site.css\0.png", false)]
    public void IsServable_RefusesDotNamedAndOddPaths(string path, bool servable)
    {
        Assert.Equal(servable, WebRootFileProvider.IsServable(path));
    }

    [Fact]
    public void Provider_ServesFilesUnderTheRoot_AndNothingHiddenOrOutside()
    {
        File.WriteAllText(Path.Combine(_content.Root, "secret.txt"), "outside");
        Directory.CreateDirectory(Path.Combine(_content.WebRootPath, ".git"));
        File.WriteAllText(Path.Combine(_content.WebRootPath, ".git", "config"), "hidden");
        Directory.CreateDirectory(Path.Combine(_content.WebRootPath, ".well-known"));
        File.WriteAllText(Path.Combine(_content.WebRootPath, ".well-known", "security.txt"), "Contact: mailto:a@example.org\n");
        using var provider = new WebRootFileProvider(_content.WebRootPath);

        Assert.True(provider.GetFileInfo("/css/site.css").Exists);
        Assert.True(provider.GetFileInfo("/.well-known/security.txt").Exists);
        Assert.False(provider.GetFileInfo("/.git/config").Exists);
        Assert.False(provider.GetFileInfo("/../secret.txt").Exists);
        Assert.False(provider.GetFileInfo("../secret.txt").Exists);
        Assert.False(provider.GetDirectoryContents("/.git").Exists);
    }

    [Fact]
    public void ContentFolderInsideTheWebRoot_IsNeverServed()
    {
        // An operator who points the web root at the folder holding both content/ and wwwroot/.
        using var provider = new WebRootFileProvider(_content.Root, _content.ContentPath);

        Assert.True(provider.GetFileInfo("/wwwroot/css/site.css").Exists);
        Assert.False(provider.GetFileInfo("/content/site.yaml").Exists);
        Assert.False(provider.GetFileInfo("content/publications/2024-flows.md").Exists);
        Assert.False(provider.GetFileInfo("/CONTENT/site.yaml").Exists);
        Assert.False(provider.GetDirectoryContents("/content").Exists);
        Assert.True(File.Exists(Path.Combine(_content.ContentPath, "site.yaml")));
    }

    [Fact]
    public void WebRootThatIsTheContentFolder_ServesNothing()
    {
        using var provider = new WebRootFileProvider(_content.ContentPath, _content.ContentPath);

        Assert.False(provider.GetFileInfo("/site.yaml").Exists);
        Assert.False(provider.GetFileInfo("/about.md").Exists);
    }
}
