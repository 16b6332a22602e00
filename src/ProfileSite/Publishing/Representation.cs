using System.Buffers;
using System.IO.Compression;

namespace ProfileSite.Publishing;

/// <summary>How long a response may be kept, as the <c>Cache-Control</c> value says it.</summary>
public static class CachePolicies
{
    /// <summary>Pages and documents: browsers keep them but revalidate (a 304 costs nothing).</summary>
    public const string Revalidate = "no-cache";

    /// <summary>A fingerprinted file: its URL changes with its bytes, so a year (RFC 8246 <c>immutable</c>).</summary>
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>A web root file asked for by its plain name: it may change under that name.</summary>
    public const string Brief = "public, max-age=300";
}

/// <summary>
/// One representation of a published resource (a page in one theme, a feed, a stylesheet): the
/// bytes built once, compressed once (gzip 9 and Brotli 11, added when ready), with every header
/// value precomputed so a request only picks and copies.
/// </summary>
public sealed class Representation
{
    private byte[]? _gzip;
    private byte[]? _brotli;
    private int _compressing;

    /// <param name="body">The identity bytes.</param>
    /// <param name="contentType">The full <c>Content-Type</c> value.</param>
    /// <param name="entityTag">The quoted ETag of the identity bytes; encodings add a suffix inside the quotes.</param>
    /// <param name="cacheControl">The <c>Cache-Control</c> value.</param>
    /// <param name="lastModified">An HTTP-date for <c>Last-Modified</c>, or null.</param>
    public Representation(byte[] body, string contentType, string entityTag, string cacheControl, string? lastModified = null)
    {
        Body = body;
        ContentType = contentType;
        ETag = entityTag;
        GzipETag = entityTag.Insert(entityTag.Length - 1, "-gzip");
        BrotliETag = entityTag.Insert(entityTag.Length - 1, "-br");
        CacheControl = cacheControl;
        LastModified = lastModified;
        Compressible = IsCompressible(contentType);
    }

    public byte[] Body { get; }

    public string ContentType { get; }

    public string ETag { get; }

    public string GzipETag { get; }

    public string BrotliETag { get; }

    public string CacheControl { get; }

    public string? LastModified { get; }

    /// <summary>Text: it gets gzip and Brotli forms (each kept only when smaller) and answers <c>Vary: Accept-Encoding</c>.</summary>
    public bool Compressible { get; }

    /// <summary>The gzip form, once built.</summary>
    public byte[]? Gzip => Volatile.Read(ref _gzip);

    /// <summary>The Brotli form, once built.</summary>
    public byte[]? Brotli => Volatile.Read(ref _brotli);

    /// <summary>True when this ETag (from <c>If-None-Match</c>) names any encoding of these bytes.</summary>
    public bool Matches(ReadOnlySpan<char> tag) =>
        tag.SequenceEqual(ETag) || tag.SequenceEqual(GzipETag) || tag.SequenceEqual(BrotliETag)
        || (tag.StartsWith("W/") && Matches(tag[2..]));

    /// <summary>
    /// Builds the compressed forms, once, at the best levels: gzip 9 (zlib's best, what
    /// <c>gzip -9</c> writes) and Brotli 11 with a window fitting the body. Either is kept only when
    /// smaller. Safe to call from several threads; the second caller returns at once.
    /// </summary>
    public void Compress(CancellationToken cancellation)
    {
        if (!Compressible || Interlocked.Exchange(ref _compressing, 1) == 1)
        {
            return;
        }

        var gzip = GzipOf(Body);
        if (gzip.Length < Body.Length)
        {
            Volatile.Write(ref _gzip, gzip);
        }

        cancellation.ThrowIfCancellationRequested();
        var brotli = BrotliOf(Body);
        if (brotli.Length < Body.Length)
        {
            Volatile.Write(ref _brotli, brotli);
        }
    }

    /// <summary>gzip at zlib level 9, deterministic (no name or time in the header).</summary>
    public static byte[] GzipOf(byte[] body)
    {
        using var output = new MemoryStream(body.Length / 3 + 64);
        using (var gzip = new GZipStream(output, new ZLibCompressionOptions { CompressionLevel = 9, CompressionStrategy = ZLibCompressionStrategy.Default }, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }

    /// <summary>Brotli at quality 11, the window sized to the body (as <c>brotli -q 11</c> chooses for small files).</summary>
    public static byte[] BrotliOf(byte[] body)
    {
        var window = Math.Clamp((int)Math.Ceiling(Math.Log2(Math.Max(body.Length, 1) + 16)), 10, 24);
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(body.Length));
        try
        {
            using var encoder = new BrotliEncoder(11, window);
            var status = encoder.Compress(body, buffer, out _, out var written, isFinalBlock: true);
            if (status != OperationStatus.Done)
            {
                throw new InvalidOperationException($"Brotli compression ended with {status}.");
            }

            return buffer.AsSpan(0, written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Text media types: HTML, CSS, JavaScript, SVG, XML, JSON and the like, plus BibTeX and plain text.</summary>
    public static bool IsCompressible(string contentType) =>
        contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("javascript", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/x-bibtex", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("image/x-icon", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("image/vnd.microsoft.icon", StringComparison.OrdinalIgnoreCase);
}
