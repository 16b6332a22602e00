using ProfileSite.Publishing;

namespace ProfileSite.Tests.Publishing;

/// <summary>Content coding chosen from Accept-Encoding as RFC 9110 section 12.5.3 says.</summary>
public sealed class AcceptEncodingTests
{
    [Theory]
    [InlineData("", ContentCoding.Identity)]
    [InlineData("gzip, deflate, br, zstd", ContentCoding.Brotli)]
    [InlineData("gzip", ContentCoding.Gzip)]
    [InlineData("GZIP", ContentCoding.Gzip)]
    [InlineData("x-gzip", ContentCoding.Gzip)]
    [InlineData("br;q=0, gzip", ContentCoding.Gzip)]
    [InlineData("br;q=0.5, gzip;q=0.8", ContentCoding.Gzip)]
    [InlineData("br;q=0.8, gzip;q=0.8", ContentCoding.Brotli)]
    [InlineData("gzip;q=0.5", ContentCoding.Gzip)]
    [InlineData("gzip;q=0.5, identity", ContentCoding.Identity)]
    [InlineData("*", ContentCoding.Brotli)]
    [InlineData("*;q=0.5, br;q=0", ContentCoding.Gzip)]
    [InlineData("*;q=0", ContentCoding.Identity)]
    [InlineData("identity", ContentCoding.Identity)]
    [InlineData("identity;q=0, gzip;q=0", ContentCoding.Identity)]
    [InlineData("deflate, zstd", ContentCoding.Identity)]
    [InlineData("br;q=bogus, gzip", ContentCoding.Gzip)]
    [InlineData("br;q=1.5, gzip", ContentCoding.Gzip)]
    [InlineData(" br ; q=0.9 ,gzip; q=1 ", ContentCoding.Gzip)]
    [InlineData(",,br,,", ContentCoding.Brotli)]
    public void Choose_FollowsTheWeights(string header, ContentCoding expected)
    {
        Assert.Equal(expected, AcceptEncoding.Choose(header, hasGzip: true, hasBrotli: true));
    }

    [Fact]
    public void Choose_OnlyOffersTheFormsThatExist()
    {
        Assert.Equal(ContentCoding.Gzip, AcceptEncoding.Choose("br, gzip", hasGzip: true, hasBrotli: false));
        Assert.Equal(ContentCoding.Identity, AcceptEncoding.Choose("br", hasGzip: true, hasBrotli: false));
        Assert.Equal(ContentCoding.Identity, AcceptEncoding.Choose("br, gzip", hasGzip: false, hasBrotli: false));
    }
}
