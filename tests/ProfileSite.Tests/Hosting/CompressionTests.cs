using System.IO.Compression;
using System.Net.Http.Headers;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Hosting;

/// <summary>Text responses are compressed (once per snapshot) for clients that ask, and decompress to exactly the plain bytes.</summary>
public sealed class CompressionTests : IDisposable
{
    private readonly TestContent _content = new();

    public CompressionTests() =>
        // The shipped stylesheet: a realistic size (a 20-byte file is sent as it is, compression would only grow it).
        File.Copy(Path.Combine(Repository.Root, "wwwroot", "css", "site.css"), Path.Combine(_content.WebRootPath, "css", "site.css"), overwrite: true);

    public void Dispose() => _content.Dispose();

    [Theory]
    [InlineData("/", "br")]
    [InlineData("/", "gzip")]
    [InlineData("/publications", "br")]
    [InlineData("/css/site.css", "gzip")]
    [InlineData("/feed.xml", "br")]
    [InlineData("/publications.bib", "gzip")]
    public async Task TextResponse_IsCompressed_AndDecompressesToThePlainBytes(string path, string encoding)
    {
        await using var site = new SiteFactory(_content);
        await site.WaitUntilPublishedAsync(); // compressed once, in the background, right after the snapshot is published
        using var client = site.CreateClient();
        var plain = await client.GetByteArrayAsync(path);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await client.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        await using Stream decoder = encoding == "br"
            ? new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await decoder.CopyToAsync(decoded);
        Assert.Equal(plain, decoded.ToArray());
        Assert.True(compressed.Length < plain.Length || plain.Length < 200, $"{compressed.Length} >= {plain.Length}");
    }

    [Fact]
    public async Task Images_AreSentAsTheyAre()
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/images/flows.png");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        using var response = await client.SendAsync(request);

        Assert.Empty(response.Content.Headers.ContentEncoding);
    }
}
