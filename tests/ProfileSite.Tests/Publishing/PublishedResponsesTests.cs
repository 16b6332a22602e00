using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ProfileSite.Content;
using ProfileSite.Content.Loading;
using ProfileSite.Publishing;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Publishing;

/// <summary>
/// Responses come from bytes published once per snapshot: compressed once at the best levels,
/// negotiated by Accept-Encoding, revalidated with 304, answered to HEAD, cached for a year only
/// under fingerprinted names.
/// </summary>
public sealed class PublishedResponsesTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/publications")]
    [InlineData("/publications/2024-flows")]
    [InlineData("/feed.xml")]
    [InlineData("/sitemap.xml")]
    [InlineData("/publications.bib")]
    [InlineData("/publications.json")]
    public async Task EveryEncoding_DecompressesToExactlyThePlainBytes(string path)
    {
        await using var site = new SiteFactory(_content);
        await site.WaitUntilPublishedAsync();
        using var client = site.CreateClient();
        using var plainResponse = await client.GetAsync(path);
        var plain = await plainResponse.Content.ReadAsByteArrayAsync();

        foreach (var (encoding, decode) in new (string, Func<Stream, Stream>)[]
        {
            ("br", s => new BrotliStream(s, CompressionMode.Decompress)),
            ("gzip", s => new GZipStream(s, CompressionMode.Decompress)),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.True(body.Length < plain.Length, $"{encoding} {body.Length} >= {plain.Length}");
            using var decoded = new MemoryStream();
            await using (var decoder = decode(new MemoryStream(body)))
            {
                await decoder.CopyToAsync(decoded);
            }

            Assert.Equal(plain, decoded.ToArray());
        }

        Assert.Empty(plainResponse.Content.Headers.ContentEncoding);
        Assert.Equal(plain.Length, plainResponse.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Brotli_IsQuality11_AsSmallAsTheReferenceEncoder()
    {
        await using var site = new SiteFactory(_content);
        await site.WaitUntilPublishedAsync();
        using var client = site.CreateClient();
        var plain = await client.GetByteArrayAsync("/");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { { "Accept-Encoding", "br" } } };
        using var response = await client.SendAsync(request);
        var brotli = await response.Content.ReadAsByteArrayAsync();

        // The framework's encoder at its best quality and largest window is the reference here.
        using var reference = new MemoryStream();
        using (var encoder = new BrotliStream(reference, new BrotliCompressionOptions { Quality = 11 }, leaveOpen: true))
        {
            encoder.Write(plain);
        }

        Assert.InRange(brotli.Length, 0, reference.Length * 1.02);
        Assert.True(brotli.Length < Representation.GzipOf(plain).Length);
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("br;q=0.2, gzip;q=0.9", "gzip")]
    [InlineData("*", "br")]
    [InlineData("identity", null)]
    [InlineData("*;q=0, identity", null)]
    [InlineData("gzip;q=0, br;q=0", null)]
    public async Task AcceptEncoding_PicksTheCodingByWeight(string header, string? expected)
    {
        await using var site = new SiteFactory(_content);
        await site.WaitUntilPublishedAsync();
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", header);

        using var response = await client.SendAsync(request);

        Assert.Equal(expected is null ? [] : [expected], response.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task IfNoneMatch_WithTheETag_Is304WithoutABody_InEveryEncoding(string? encoding)
    {
        await using var site = new SiteFactory(_content);
        await site.WaitUntilPublishedAsync();
        using var client = site.CreateClient();
        foreach (var path in new[] { "/", "/feed.xml", CssPath(site) })
        {
            using var first = new HttpRequestMessage(HttpMethod.Get, path);
            using var second = new HttpRequestMessage(HttpMethod.Get, path);
            if (encoding is not null)
            {
                first.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
                second.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            }

            using var full = await client.SendAsync(first);
            second.Headers.TryAddWithoutValidation("If-None-Match", $"\"other\", {full.Headers.ETag}");
            using var revalidated = await client.SendAsync(second);

            Assert.Equal(HttpStatusCode.OK, full.StatusCode);
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
            Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
            Assert.Equal(full.Headers.ETag, revalidated.Headers.ETag);
            Assert.Equal(full.Headers.CacheControl, revalidated.Headers.CacheControl);
        }
    }

    [Theory]
    [InlineData("/", null)]
    [InlineData("/", "br")]
    [InlineData("/feed.xml", "gzip")]
    public async Task Head_HasTheHeadersOfGet_AndNoBody(string path, string? encoding)
    {
        await using var site = new SiteFactory(_content);
        await site.WaitUntilPublishedAsync();
        using var client = site.CreateClient();
        using var get = new HttpRequestMessage(HttpMethod.Get, path);
        using var head = new HttpRequestMessage(HttpMethod.Head, path);
        if (encoding is not null)
        {
            get.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            head.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        }

        using var getResponse = await client.SendAsync(get);
        using var headResponse = await client.SendAsync(head);

        Assert.Equal(HttpStatusCode.OK, headResponse.StatusCode);
        Assert.Empty(await headResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(getResponse.Content.Headers.ContentLength, headResponse.Content.Headers.ContentLength);
        Assert.Equal(getResponse.Content.Headers.ContentType, headResponse.Content.Headers.ContentType);
        Assert.Equal(getResponse.Content.Headers.ContentEncoding, headResponse.Content.Headers.ContentEncoding);
        Assert.Equal(getResponse.Headers.ETag, headResponse.Headers.ETag);
    }

    [Fact]
    public async Task LongCaching_OnlyUnderFingerprintedNames()
    {
        await using var site = new SiteFactory(_content);
        await site.WaitUntilPublishedAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4)))
        {
            await site.Services.GetRequiredService<ProfileSite.Images.VariantGenerator>().WhenIdleAsync(timeout.Token);
        }

        using var client = site.CreateClient();
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        var css = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        var avatar = page.QuerySelector("img.avatar")!.GetAttribute("src")!;
        Assert.Matches("^/css/site\\.[0-9a-f]{16}\\.css$", css);
        // An image the content shows is a variant, whose address names its inputs (see ImageVariant.Url).
        Assert.Matches("^/variants/[0-9a-f]{16}/avatar-[0-9]+\\.(jpg|png)$", avatar);

        foreach (var fingerprinted in new[] { css, avatar })
        {
            using var response = await client.GetAsync(fingerprinted);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        }

        foreach (var plain in new[] { "/css/site.css", "/images/avatar.png" })
        {
            using var response = await client.GetAsync(plain);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        }

        foreach (var document in new[] { "/", "/feed.xml", "/publications" })
        {
            using var response = await client.GetAsync(document);
            Assert.Equal("no-cache", response.Headers.CacheControl!.ToString());
        }

    }

    [Fact]
    public async Task ChangedFile_GetsANewUrlAfterAReload_AndTheOldOneIsNoLongerImmutable()
    {
        await using var site = new SiteFactory(_content);
        await site.WaitUntilPublishedAsync();
        using var client = site.CreateClient();
        var before = CssPath(site);

        var file = Path.Combine(_content.WebRootPath, "css", "site.css");
        File.WriteAllText(file, "body { margin: 1px; }\n");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(5));
        var reloaded = ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath)).Content!;
        Assert.Empty(site.Services.GetRequiredService<ContentStore>().Swap(reloaded));
        var after = new HtmlParser().ParseDocument(await client.GetStringAsync("/")).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        Assert.NotEqual(before, after);
        Assert.Equal("body { margin: 1px; }\n", await client.GetStringAsync(after));
        using var old = await client.GetAsync(before);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode); // a page fetched before the edit still gets a stylesheet
        Assert.Equal("public, max-age=300", old.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task FilteredLists_AreBuiltOnce_AndTheirCacheStaysBounded()
    {
        // One client asking 600 times: the rate limit would (rightly) stop it first.
        await using var site = new SiteFactory(_content) { Configure = b => b.UseSetting("ProfileSite:Security:RequestsPerSecond", "0") };
        await site.WaitUntilPublishedAsync();
        using var client = site.CreateClient();

        // A linked filter (a paper's type) was published with the snapshot; any other is built on first use.
        using var linked = await client.GetAsync("/publications?type=other");
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        using var once = await client.GetAsync("/publications?year=2022");
        using var twice = await client.GetAsync("/publications?year=2022&utm_source=x");
        Assert.Equal(once.Headers.ETag, twice.Headers.ETag);
        var page = new HtmlParser().ParseDocument(await twice.Content.ReadAsStringAsync());
        Assert.Single(page.QuerySelectorAll(".pub-entry"));

        var published = site.Services.GetRequiredService<ContentStore>().Published!.Primary;
        for (var i = 0; i < 600; i++)
        {
            using var response = await client.GetAsync($"/publications?tag=scan-{i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.InRange(published.FilteredCount, 1, (int)(Publisher.FilteredCacheBytes / (48 * 1024)) + 1);
    }

    private static string CssPath(SiteFactory site)
    {
        var css = site.Services.GetRequiredService<ContentStore>().Current.Addresses.Asset("css/site.css");
        Assert.Matches("\\.[0-9a-f]{16}\\.css$", css);
        return css;
    }
}
