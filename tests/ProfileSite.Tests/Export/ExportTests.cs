using System.IO.Compression;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Export;

/// <summary>The <c>export</c> verb: a static copy of the site that is the server's answers, file by file.</summary>
[Collection(ExportGroup.Name)]
public sealed class ExportTests(ExportFixture fixture)
{
    [Fact]
    public async Task Export_EveryFileIsTheServersAnswerForItsPath()
    {
        await using var site = new SiteFactory(fixture.Content);

        await AssertSameAsServer(site, new Uri("http://localhost/"), fixture.RootExport);
    }

    [Fact]
    public async Task Export_WithBaseUrl_EveryFileIsTheAnswerOfAServerWithTheSameBasePath()
    {
        await using var site = new SiteFactory(fixture.Content)
            .WithWebHostBuilder(b => b.UseSetting("ProfileSite:BasePath", "/repo"));

        await AssertSameAsServer(site, new Uri(ExportFixture.BaseUrl), fixture.SubPathExport);
    }

    [Fact]
    public void Export_WritesTheHomePageThe404PageAndEveryWebRootFile()
    {
        var files = ExportFixture.Files(fixture.RootExport).ToHashSet();
        var webRoot = Directory.EnumerateFiles(fixture.Content.WebRootPath, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(fixture.Content.WebRootPath, f).Replace('\\', '/'));

        Assert.Contains("index.html", files);
        Assert.Contains("404.html", files);
        Assert.All(webRoot, file => Assert.Contains(file, files));
        Assert.Contains("Page not found", File.ReadAllText(Path.Combine(fixture.RootExport, "404.html")));
    }

    [Fact]
    public void Export_FollowsLinksInPages_AndNamesTheBrokenOnes()
    {
        var result = fixture.RootExportResult!;

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: /old-page (linked from /) answered 404; not exported", result.StandardError);
        Assert.Contains("1 broken link(s)", result.StandardOutput);
        Assert.True(File.Exists(Path.Combine(fixture.RootExport, "files", "cv.txt")));
    }

    [Fact]
    public void Export_EveryPageNamesItsOwnAddress_AsCanonicalOgUrlAndJsonLdUrl()
    {
        foreach (var export in new[] { fixture.RootExport, fixture.SubPathExport })
        {
            var pages = ExportFixture.Files(export).Where(f => f.EndsWith(".html", StringComparison.Ordinal) && f != "404.html").ToList();
            Assert.NotEmpty(pages);
            foreach (var file in pages)
            {
                var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(export, file)));
                var canonical = page.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
                Assert.False(canonical is null, $"{file} has no canonical address");
                // The page's one address: the file's route, under whatever base the export was given.
                var route = ExportFixture.RouteOf(file);
                Assert.True(new Uri(canonical!).AbsolutePath.EndsWith(route, StringComparison.Ordinal), $"{file}: canonical {canonical} is not {route}");
                Assert.Equal(canonical, page.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
                foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
                {
                    using var json = System.Text.Json.JsonDocument.Parse(script.TextContent);
                    if (json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                        && json.RootElement.TryGetProperty("url", out var url) && json.RootElement.TryGetProperty("@type", out var type)
                        && type.GetString() is "WebPage" or "ProfilePage" or "ScholarlyArticle" or "CollectionPage")
                    {
                        Assert.Equal(canonical, url.GetString());
                    }
                }
            }
        }
    }

    [Fact]
    public void Export_WithBaseUrl_EveryLocalLinkStartsWithTheBasePath()
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(fixture.SubPathExport, "index.html")));
        // The links the site makes, including the paths the owner writes in Markdown.
        var local = page.QuerySelectorAll("link[href], img[src], use[href], header a[href], aside a[href]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Where(url => url.StartsWith('/'))
            .ToList();

        Assert.NotEmpty(local);
        Assert.All(local, url => Assert.StartsWith("/repo/", url, StringComparison.Ordinal));
        Assert.Contains("/repo" + fixture.Content.Asset("css/site.css"), local);
        Assert.Contains(local, url => System.Text.RegularExpressions.Regex.IsMatch(url, "^/repo/variants/[0-9a-f]{16}/avatar-64\\.jpg$"));

        // Every image variant the page names is written with it, under the base path.
        var variants = page.QuerySelectorAll("source[srcset], img[srcset]")
            .SelectMany(e => e.GetAttribute("srcset")!.Split(", ").Select(c => c.Split(' ')[0]))
            .ToList();
        Assert.Contains(variants, v => v.EndsWith(".avif", StringComparison.Ordinal));
        Assert.All(variants, v =>
        {
            Assert.StartsWith("/repo/variants/", v, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(fixture.SubPathExport, v["/repo/".Length..])), $"{v} is not in the export");
        });
    }

    [Fact]
    public void Export_WithBaseUrl_PathsWrittenInMarkdownNameExportedFiles()
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(fixture.SubPathExport, "index.html")));
        var figure = page.QuerySelector("img[alt=Figure]")!;
        var cv = page.QuerySelectorAll("a").Single(a => a.TextContent == "CV").GetAttribute("href")!;

        // The image written in Markdown is a picture of variants, each in the export under the base path.
        var urls = figure.ParentElement!.QuerySelectorAll("source[srcset], img[srcset]")
            .SelectMany(e => e.GetAttribute("srcset")!.Split(", ").Select(c => c.Split(' ')[0]))
            .Append(figure.GetAttribute("src")!)
            .ToList();
        Assert.Equal("PICTURE", figure.ParentElement.TagName);
        Assert.All(urls, url =>
        {
            Assert.Matches("^/repo/variants/[0-9a-f]{16}/flows-[0-9]+\\.(avif|webp|jpg)$", url);
            Assert.True(File.Exists(Path.Combine(fixture.SubPathExport, url["/repo/".Length..])), url);
        });
        Assert.Equal("/repo/files/cv.txt", cv);
        Assert.True(File.Exists(Path.Combine(fixture.SubPathExport, cv["/repo/".Length..])), cv);
    }

    [Fact]
    public void Export_TextFilesHaveGzipAndBrotliSiblingsWithTheSameBytes()
    {
        var text = ExportFixture.Files(fixture.RootExport).Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal)).ToList();

        Assert.Contains("index.html", text);
        foreach (var file in text)
        {
            var path = Path.Combine(fixture.RootExport, file);
            var original = File.ReadAllBytes(path);
            Assert.Equal(original, Decompress(new GZipStream(File.OpenRead(path + ".gz"), CompressionMode.Decompress)));
            Assert.Equal(original, Decompress(new BrotliStream(File.OpenRead(path + ".br"), CompressionMode.Decompress)));
        }

        Assert.False(File.Exists(Path.Combine(fixture.RootExport, "images", "avatar.png.gz")), "PNG is not text: no gzip sibling");
    }

    [Fact]
    public async Task Export_IntoAFolderWithOtherFiles_IsRefusedUnlessClean()
    {
        var target = Path.Combine(fixture.Content.Root, "not-empty");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "keep.txt"), "mine");

        var refused = await AppCommand.RunAsync("export", "--out", target, "--content", fixture.Content.ContentPath, $"--ProfileSite:WebRootPath={fixture.Content.WebRootPath}");
        var kept = File.Exists(Path.Combine(target, "keep.txt"));
        var cleaned = await AppCommand.RunAsync("export", "--out", target, "--clean", "--content", fixture.Content.ContentPath, $"--ProfileSite:WebRootPath={fixture.Content.WebRootPath}");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("not empty", refused.StandardError);
        Assert.True(kept);
        Assert.Equal(0, cleaned.ExitCode);
        Assert.False(File.Exists(Path.Combine(target, "keep.txt")));
        Assert.True(File.Exists(Path.Combine(target, "index.html")));
    }

    [Fact]
    public async Task Export_InvalidContent_ExitsOneListingTheErrors()
    {
        using var content = new TestContent();
        content.Write("news.yaml", "- date: someday\n  text: hi\n");

        var result = await AppCommand.RunAsync("export", "--out", Path.Combine(content.Root, "out"), "--content", content.ContentPath, $"--ProfileSite:WebRootPath={content.WebRootPath}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("content/news.yaml:1:9: error:", result.StandardError);
        Assert.False(File.Exists(Path.Combine(content.Root, "out", "index.html")));
    }

    private static async Task AssertSameAsServer(WebApplicationFactory<Program> site, Uri baseAddress, string exportDir)
    {
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = baseAddress });

        // The export waited for every image variant; so does the server here, or a variant still being made
        // is answered with a 307 to a sibling already made (or with the original) instead of its bytes.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            await site.Services.GetRequiredService<ProfileSite.Images.VariantGenerator>().WhenIdleAsync(timeout.Token);
        }

        var files = ExportFixture.Files(exportDir).ToList();
        Assert.Contains("index.html", files);
        foreach (var file in files)
        {
            using var response = await client.GetAsync(ExportFixture.RouteOf(file).TrimStart('/'));
            Assert.Equal(file == "404.html" ? HttpStatusCode.NotFound : HttpStatusCode.OK, response.StatusCode);
            var served = await response.Content.ReadAsByteArrayAsync();
            Assert.True(served.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(exportDir, file))), $"{file} differs from GET {ExportFixture.RouteOf(file)}");
        }
    }

    private static byte[] Decompress(Stream stream)
    {
        using (stream)
        {
            using var output = new MemoryStream();
            stream.CopyTo(output);
            return output.ToArray();
        }
    }
}
