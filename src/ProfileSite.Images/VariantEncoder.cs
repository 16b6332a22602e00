using NetVips;
using ProfileSite.Content.Images;

namespace ProfileSite.Images;

/// <summary>
/// Encodes variants with libvips, the way sharp does: shrink-on-load thumbnails, the EXIF orientation applied
/// first, colour converted to sRGB (CMYK and ICC profiles included, 16-bit reduced to 8), every metadata block
/// dropped (EXIF with GPS, XMP, IPTC, ICC; browsers take untagged images as sRGB), under a timeout.
/// </summary>
public sealed class VariantEncoder(ImageOptions options)
{
    /// <summary>libvips' "no limit" for the other side of a fit-to-width thumbnail.</summary>
    private const int Unbounded = 10_000_000;

    /// <summary>
    /// Encodes every variant in <paramref name="variants"/> (same source, same width and shape) from
    /// <paramref name="source"/>, decoding and resizing once, and hands each to <paramref name="made"/> as soon as
    /// it is encoded, in the order given. Throws <see cref="VariantEncodingException"/> with the reason.
    /// </summary>
    public void Encode(byte[] source, IReadOnlyList<ImageVariant> variants, Action<ImageVariant, byte[]> made, CancellationToken cancellation)
    {
        if (Vips.Unavailable is { } reason)
        {
            throw new VariantEncodingException($"libvips is not available ({reason})");
        }

        var first = variants[0];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.EncodeTimeoutSeconds));
        try
        {
            // Only an animated source is planned with a GIF variant (ImagePlanner.Formats): keep every frame.
            var animated = variants.Any(v => v.Format == VariantFormat.Gif);
            var load = animated ? "[n=-1]" : "";
            using var thumbnail = first.Shape == VariantShape.Cover
                ? Image.ThumbnailBuffer(source, first.Width, load, height: first.Height, size: Enums.Size.Both, crop: Enums.Interesting.Attention, outputProfile: "srgb")
                : Image.ThumbnailBuffer(source, first.Width, load, height: Unbounded, size: Enums.Size.Down, outputProfile: "srgb");
            using var srgb = thumbnail.Interpretation == Enums.Interpretation.Srgb && thumbnail.Format == Enums.BandFormat.Uchar
                ? thumbnail.Copy()
                : thumbnail.Colourspace(Enums.Interpretation.Srgb);
            srgb.SetProgress(new Progress<int>(), timeout.Token);

            // Decoded and resized once, then encoded in each format; one format streams (a whole copy is the
            // largest image made and need not sit in memory at once).
            using var memory = variants.Count > 1 ? srgb.CopyMemory() : null;
            var pixels = memory ?? srgb;
            foreach (var variant in variants)
            {
                timeout.Token.ThrowIfCancellationRequested();
                made(variant, Save(pixels, variant.Format));
            }
        }
        catch (VipsException ex)
        {
            throw new VariantEncodingException(timeout.IsCancellationRequested && !cancellation.IsCancellationRequested
                ? $"took longer than {options.EncodeTimeoutSeconds} s (ProfileSite:Images:EncodeTimeoutSeconds)"
                : Vips.Reason(ex), ex);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new VariantEncodingException($"took longer than {options.EncodeTimeoutSeconds} s (ProfileSite:Images:EncodeTimeoutSeconds)");
        }
    }

    private byte[] Save(Image image, VariantFormat format)
    {
        const Enums.ForeignKeep none = Enums.ForeignKeep.None;
        return format switch
        {
            VariantFormat.Avif => image.HeifsaveBuffer(q: options.AvifQuality, effort: options.AvifEffort, compression: Enums.ForeignHeifCompression.Av1, bitdepth: 8, keep: none),
            VariantFormat.WebP => image.WebpsaveBuffer(q: options.WebpQuality, effort: 4, smartSubsample: true, keep: none),
            // A palette of up to 256 colours (libimagequant, as pngquant): icons and transparent figures at a fraction of the size.
            VariantFormat.Png => image.PngsaveBuffer(compression: 9, palette: true, q: 90, effort: 4, keep: none),
            VariantFormat.Gif => image.GifsaveBuffer(keep: none),
            _ => Jpeg(image),
        };
    }

    private byte[] Jpeg(Image image)
    {
        if (!image.HasAlpha())
        {
            return image.JpegsaveBuffer(q: options.JpegQuality, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None);
        }

        // JPEG has no transparency: a transparent figure goes on white, as it would on the page.
        using var flat = image.Flatten(background: [255, 255, 255]);
        return flat.JpegsaveBuffer(q: options.JpegQuality, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None);
    }
}

/// <summary>A variant could not be made; the reason is libvips' or a timeout.</summary>
public sealed class VariantEncodingException(string reason, Exception? inner = null) : Exception(reason, inner);
