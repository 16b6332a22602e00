using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using NetVips;
using ProfileSite.Content.Images;

namespace ProfileSite.Images;

/// <summary>
/// Inspects images with libvips: the format from the bytes (not the name), the pixel count from the header
/// before any pixel is decoded (a 60000x60000 header is refused at once), then a full decode at a small scale
/// with <c>fail_on=truncated</c> under a timeout, so a truncated or corrupt file is found at load. The size
/// reported is the displayed one (EXIF orientation applied). Results are remembered per file (path, length,
/// modification time), so a reload decodes only changed images.
/// </summary>
public sealed class VipsImageInspector(ImageOptions options) : IImageInspector
{
    /// <summary>Bumped when the encoder's output would change for the same settings, so old URLs are not reused.</summary>
    internal const string PipelineVersion = "1";

    private readonly ConcurrentDictionary<(string Path, long Length, long Ticks), ImageInspection> _seen = new();

    /// <summary>Files decoded (not answered from memory): what a test counts to see that a reload re-reads only what changed.</summary>
    public int Decoded => _decoded;

    private int _decoded;

    public ImageInspection Inspect(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return ImageInspection.Bad("does not exist");
        }

        var id = (info.FullName, info.Length, info.LastWriteTimeUtc.Ticks);
        if (_seen.TryGetValue(id, out var known))
        {
            return known;
        }

        var result = Read(File.ReadAllBytes(path), path);
        _seen[id] = result;
        return result;
    }

    private ImageInspection Read(byte[] bytes, string path)
    {
        Interlocked.Increment(ref _decoded);
        if (ImageFamilies.FromExtension(path) == ImageFamily.Ico && bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 1 && bytes[3] == 0)
        {
            // Browsers read ICO; libvips does not. It is served as it is.
            return ImageInspection.Ok(new ImageFacts(0, 0, ImageFamily.Ico, HasAlpha: true, IsAnimated: false, VariantKey: null));
        }

        if (Vips.Unavailable is { } reason)
        {
            return ImageInspection.Bad($"cannot be checked: libvips is not available ({reason})");
        }

        var loader = Image.FindLoadBuffer(bytes);
        if (Family(loader) is not { } family)
        {
            return ImageInspection.Bad(loader is not null
                ? $"is in a format this site does not serve ({loader.Replace("VipsForeignLoad", "", StringComparison.Ordinal).Replace("Buffer", "", StringComparison.Ordinal)}); use JPEG, PNG, GIF, WebP, AVIF or SVG"
                : UnreadableImageFormat(bytes) is { } format
                    ? $"is a {format} image, a format this site cannot read; save it as JPEG or PNG"
                    : $"is not an image ({Sniff(bytes)}); use JPEG, PNG, GIF, WebP, AVIF or SVG");
        }

        try
        {
            using var header = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential);
            var pages = header.Contains("n-pages") ? Math.Max(1, (int)header.Get("n-pages")) : 1;
            var animated = pages > 1 && family is ImageFamily.Gif or ImageFamily.WebP;
            var pixels = (long)header.Width * header.Height * (animated ? pages : 1);
            if (family != ImageFamily.Svg && pixels > options.MaxImagePixels)
            {
                return ImageInspection.Bad(
                    $"has {header.Width}x{header.Height} pixels{(animated ? $" in {pages} frames" : "")} ({Megapixels(pixels)} megapixels), more than ProfileSite:Images:MaxImagePixels ({Megapixels(options.MaxImagePixels)} megapixels)");
            }

            if (family == ImageFamily.Heif && header.Contains("heif-compression") && header.Get("heif-compression") is "av1")
            {
                family = ImageFamily.Avif;
            }

            var orientation = header.Contains("orientation") ? (int)header.Get("orientation") : 1;
            var swap = orientation is >= 5 and <= 8;
            if (Decodes(bytes, animated) is { } problem)
            {
                return ImageInspection.Bad(family == ImageFamily.Heif && problem.Contains(CodecMissing, StringComparison.Ordinal)
                    ? $"is a HEIC photo compressed with HEVC, which this site cannot decode (libvips here has no HEVC decoder: HEVC is patent-encumbered and not shipped with it); export it as JPEG (an iPhone does so when Settings > Camera > Formats is Most Compatible)"
                    : problem);
            }

            return ImageInspection.Ok(new ImageFacts(
                swap ? header.Height : header.Width,
                swap ? header.Width : header.Height,
                family,
                header.HasAlpha(),
                animated,
                Key(bytes, options)));
        }
        catch (VipsException ex)
        {
            return ImageInspection.Bad($"cannot be decoded ({Vips.Reason(ex)})");
        }
    }

    /// <summary>Decodes every pixel at 1/8 scale where the format allows (JPEG reads the whole stream even so); null when it decodes.</summary>
    private string? Decodes(byte[] bytes, bool animated)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.InspectTimeoutSeconds));
        try
        {
            using var image = Image.ThumbnailBuffer(bytes, 64, animated ? "[n=-1,fail_on=truncated]" : "[fail_on=truncated]", height: 64);
            image.SetProgress(new Progress<int>(), timeout.Token);
            _ = image.Avg();
            return null;
        }
        catch (VipsException ex)
        {
            var reason = Vips.Reason(ex);
            return timeout.IsCancellationRequested
                ? $"took longer than {options.InspectTimeoutSeconds} s to decode (ProfileSite:Images:InspectTimeoutSeconds)"
                : reason.Contains(CodecMissing, StringComparison.Ordinal)
                    // The file is fine; the decoder for its compression is not in this libvips (libheif's plugin message).
                    ? $"cannot be decoded here: its compression is not supported by this libvips ({reason})"
                    : $"cannot be decoded, it may be truncated or corrupt ({reason})";
        }
    }

    /// <summary>What libheif says when the decoder for a file's compression (HEVC, JPEG 2000 in HEIF, ...) is not built in.</summary>
    private const string CodecMissing = "has not been built in";

    /// <summary>
    /// The name of a raster format libvips here has no loader for, from its magic number (BMP, Photoshop, JPEG XL,
    /// JPEG 2000, an icon under another name); null when the bytes are none of these. So the warning says the file is
    /// an image the site cannot read, rather than that it is not an image.
    /// </summary>
    private static string? UnreadableImageFormat(ReadOnlySpan<byte> bytes) =>
        IsBmp(bytes) ? "BMP"
        : bytes.StartsWith("8BPS"u8) ? "Photoshop (PSD)"
        : bytes.StartsWith(JxlCodestream) || bytes.StartsWith(JxlContainer) ? "JPEG XL"
        : bytes.StartsWith(Jp2Container) || bytes.StartsWith(J2kCodestream) ? "JPEG 2000"
        : bytes.StartsWith(Icon) || bytes.StartsWith(Cursor) ? "Windows icon (ICO/CUR)"
        : null;

    private static ReadOnlySpan<byte> JxlCodestream => [0xFF, 0x0A];

    private static ReadOnlySpan<byte> JxlContainer => [0, 0, 0, 0x0C, (byte)'J', (byte)'X', (byte)'L', (byte)' '];

    private static ReadOnlySpan<byte> Jp2Container => [0, 0, 0, 0x0C, (byte)'j', (byte)'P', (byte)' ', (byte)' '];

    private static ReadOnlySpan<byte> J2kCodestream => [0xFF, 0x4F, 0xFF, 0x51];

    private static ReadOnlySpan<byte> Icon => [0, 0, 1, 0];

    private static ReadOnlySpan<byte> Cursor => [0, 0, 2, 0];

    /// <summary>
    /// 16 hex digits of SHA-256 over the pipeline version, libvips' version, the encoder settings and the
    /// image's bytes: the same input always gives the same variants, so their URLs can be cached for a year.
    /// </summary>
    public static string Key(ReadOnlySpan<byte> bytes, ImageOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(Recipe(options)));
        hash.AppendData(bytes);
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    internal static string Recipe(ImageOptions options) =>
        $"profilesite-images {PipelineVersion}; libvips {Vips.Version}; avif q{options.AvifQuality} e{options.AvifEffort}; webp q{options.WebpQuality}; jpeg q{options.JpegQuality}\n";

    private static ImageFamily? Family(string? loader) => loader switch
    {
        null => null,
        _ when loader.StartsWith("VipsForeignLoadJpeg", StringComparison.Ordinal) => ImageFamily.Jpeg,
        _ when loader.StartsWith("VipsForeignLoadPng", StringComparison.Ordinal) => ImageFamily.Png,
        _ when loader.Contains("gif", StringComparison.OrdinalIgnoreCase) => ImageFamily.Gif, // VipsForeignLoadNsgif...
        _ when loader.StartsWith("VipsForeignLoadWebp", StringComparison.Ordinal) => ImageFamily.WebP,
        _ when loader.StartsWith("VipsForeignLoadHeif", StringComparison.Ordinal) => ImageFamily.Heif,
        _ when loader.StartsWith("VipsForeignLoadTiff", StringComparison.Ordinal) => ImageFamily.Tiff,
        _ when loader.StartsWith("VipsForeignLoadSvg", StringComparison.Ordinal) => ImageFamily.Svg,
        _ => null,
    };

    /// <summary>"BM", then at offset 14 the size of one of the DIB headers Windows has defined (BITMAPCOREHEADER 12 ... BITMAPV5HEADER 124).</summary>
    private static bool IsBmp(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 18 && bytes.StartsWith("BM"u8)
        && System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(bytes[14..]) is 12 or 16 or 40 or 52 or 56 or 64 or 108 or 124;

    /// <summary>A hint at what a non-image is, for the warning: an HTML page saved under an image's name is the usual case.</summary>
    private static string Sniff(byte[] bytes)
    {
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 256)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        return bytes.Length == 0 ? "the file is empty"
            : head.StartsWith("<!doctype html", StringComparison.Ordinal) || head.StartsWith("<html", StringComparison.Ordinal) ? "it holds an HTML page"
            : head.StartsWith('<') ? "it holds XML or HTML"
            : "its content is no known image format";
    }

    private static string Megapixels(long pixels) =>
        (pixels / 1_000_000.0).ToString(pixels >= 10_000_000 ? "0" : "0.#", System.Globalization.CultureInfo.InvariantCulture);
}
