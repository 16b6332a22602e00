using ProfileSite.Content.Addresses;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content.Addresses;

/// <summary>The one place addresses are built: base path, RFC 3986 encoding, fingerprints, Markdown paths.</summary>
public sealed class SiteAddressesTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    [Theory]
    [InlineData("/publications/2024-flows", "/publications/2024-flows")]
    [InlineData("/files/my cv.pdf", "/files/my%20cv.pdf")]
    [InlineData("/files/a#b?c%d.pdf", "/files/a%23b%3Fc%25d.pdf")]
    [InlineData("/images/图 1.png", "/images/%E5%9B%BE%201.png")]
    [InlineData("/zh-CN/publications", "/zh-CN/publications")]
    public void Encode_PercentEncodesEachSegmentAsRfc3986Says(string path, string encoded)
    {
        Assert.Equal(encoded, SitePath.Encode(path));
    }

    [Theory]
    [InlineData("images/fig.png", "/images/fig.png")]
    [InlineData("./images/fig.png", "/images/fig.png")]
    [InlineData("/images/fig.png", "/images/fig.png")]
    [InlineData("../../images/fig.png", "/images/fig.png")]
    [InlineData("files/../images/./fig.png", "/images/fig.png")]
    [InlineData("files/my%20cv.pdf", "/files/my cv.pdf")]
    [InlineData("publications/", "/publications/")]
    public void Resolve_TakesEveryWrittenPathFromTheSiteRoot(string written, string sitePath)
    {
        Assert.Equal(sitePath, SitePath.Resolve(written));
    }

    [Theory]
    [InlineData("/PUBLICATIONS/X", "/publications/x")]
    [InlineData("/publications/", "/publications")]
    [InlineData("/publications//x/", "/publications/x")]
    [InlineData("/index.html", "/")]
    [InlineData("/publications/index.html", "/publications")]
    [InlineData("", "/")]
    public void Key_IsTheSameForEverySpellingOfAnAddress(string path, string key)
    {
        Assert.Equal(key, SitePath.Key(path));
    }

    [Fact]
    public void Href_StartsWithTheBasePath_AndAbsoluteUsesThePublicUrl()
    {
        var addresses = new SiteAddresses("/repo/", new Uri("https://user.github.io/repo/"), AssetTable.Empty);

        Assert.Equal("/repo", addresses.BasePath);
        Assert.Equal("/repo/publications/x", addresses.Href("/publications/x"));
        Assert.Equal("/repo/", addresses.Href("/"));
        Assert.Equal("/repo/#news", addresses.Href("/", fragment: "news"));
        Assert.Equal("/repo/publications?tag=a%20b", addresses.HrefWithQuery("/publications?tag=a%20b"));
        Assert.Equal("https://user.github.io/repo/publications/x", addresses.Absolute("/publications/x"));
        Assert.Equal("https://user.github.io/repo/", addresses.Absolute("/"));
    }

    [Fact]
    public void Asset_NamesAWebRootFileByItsHash_AndAChangedFileGetsANewName()
    {
        var before = AssetTable.Build(_content.WebRootPath);
        var addresses = new SiteAddresses("/repo", null, before);
        var css = addresses.Asset("css/site.css");
        Assert.Matches("^/repo/css/site\\.[0-9a-f]{16}\\.css$", css);
        Assert.Equal("/repo/nothing-here.css", addresses.Asset("nothing-here.css"));

        File.AppendAllText(Path.Combine(_content.WebRootPath, "css", "site.css"), "p { color: red; }\n");
        File.SetLastWriteTimeUtc(Path.Combine(_content.WebRootPath, "css", "site.css"), DateTime.UtcNow.AddMinutes(1));
        var after = new SiteAddresses("/repo", null, AssetTable.Build(_content.WebRootPath)).Asset("css/site.css");

        Assert.NotEqual(css, after);
        Assert.True(before.TryGetFingerprinted(css["/repo/".Length..], out var asset));
        Assert.Equal("css/site.css", asset.Path);
    }

    [Fact]
    public void Asset_SkipsDotNamedFilesAndTheContentFolder()
    {
        File.WriteAllText(Path.Combine(_content.WebRootPath, ".env"), "SECRET=1");
        var table = AssetTable.Build(_content.Root, _content.ContentPath);

        Assert.DoesNotContain(table.All, a => a.Path.StartsWith("content/", StringComparison.Ordinal) || a.Path.Contains("/.", StringComparison.Ordinal) || a.Path.StartsWith('.'));
        Assert.Contains(table.All, a => a.Path == "wwwroot/css/site.css");
    }

    [Theory]
    [InlineData("images/flows.png", true, "/repo/images/flows.HASH.png")]
    [InlineData("/images/flows.png", true, "/repo/images/flows.HASH.png")]
    [InlineData("./images/missing.png", true, "/repo/images/missing.png")]
    [InlineData("files/poster v2.pdf", false, "/repo/files/poster%20v2.pdf")]
    [InlineData("/cv.pdf#page=2", false, "/repo/cv.pdf#page=2")]
    [InlineData("publications?tag=x", false, "/repo/publications?tag=x")]
    [InlineData("#news", false, "#news")]
    [InlineData("https://example.org/a", false, "https://example.org/a")]
    [InlineData("mailto:ada@example.org", false, "mailto:ada@example.org")]
    public void Written_ResolvesMarkdownPathsAgainstTheSiteRoot(string url, bool isImage, string expected)
    {
        var table = AssetTable.Build(_content.WebRootPath);
        Assert.True(table.TryGet("images/flows.png", out var flows));
        var addresses = new SiteAddresses("/repo", null, table);

        Assert.Equal(expected.Replace("HASH", flows.Hash, StringComparison.Ordinal), addresses.Written(url, isImage));
    }

    [Fact]
    public void Stale_AnOlderFingerprintOfAKnownFileFindsTheCurrentFile()
    {
        var table = AssetTable.Build(_content.WebRootPath);

        Assert.True(table.TryGetStale("css/site.0123456789abcdef.css", out var stale));
        Assert.Equal("css/site.css", stale.Path);
        Assert.False(table.TryGetStale("css/other.0123456789abcdef.css", out _));
        Assert.False(table.TryGetStale("publications", out _));
    }
}
