using System.Collections.Immutable;
using System.Text;

namespace ProfileSite.Content.Images;

/// <summary>
/// Decides which variants an image gets where it is shown: widths from its <see cref="ImageRole"/> (never
/// wider than the image), AVIF and WebP plus one variant in the original's family (PNG where there is
/// transparency, else JPEG), a 1200x630 JPEG for link previews and the icon set. Pure: the
/// same facts give the same plan, so URLs are known before anything is encoded.
/// </summary>
public static class ImagePlanner
{
    /// <summary>Open Graph's recommended preview size (1.91:1), which Facebook, LinkedIn and X crop to.</summary>
    public const int PreviewWidth = 1200;

    public const int PreviewHeight = 630;

    /// <summary>Icon sizes: 32 px favicon, 180 px apple-touch-icon, 192 and 512 px web app manifest icons.</summary>
    public static ImmutableArray<int> IconSizes { get; } = [32, 180, 192, 512];

    /// <summary>The picture for <paramref name="image"/> in <paramref name="role"/>; plain when it has no variants.</summary>
    public static ResponsiveImage Plan(WebImage image, ImageRole role)
    {
        if (image.Facts is not { VariantKey: { } key, IsVector: false, Width: > 0, Height: > 0 } facts)
        {
            return ResponsiveImage.Plain(image);
        }

        var widths = Widths(ImageRoles.Widths(role), facts.Width);
        var formats = Formats(facts);
        var stem = Stem(image.Path);
        var variants = ImmutableArray.CreateBuilder<ImageVariant>();
        var sources = ImmutableArray.CreateBuilder<PictureSource>();
        foreach (var format in formats)
        {
            var candidates = ImmutableArray.CreateBuilder<SrcsetCandidate>();
            foreach (var width in widths)
            {
                var variant = new ImageVariant(image.Path, key, $"{stem}-{width}.{ImageVariant.ExtensionOf(format)}",
                    format, width, HeightAt(facts, width), VariantShape.Fit);
                variants.Add(variant);
                candidates.Add(new SrcsetCandidate(variant.Url, width));
            }

            sources.Add(new PictureSource(ImageVariant.MediaTypeOf(format), candidates.ToImmutable()));
        }

        // The last format is the original's family: the <img> itself, for browsers that know neither of the others.
        var fallback = sources[^1].Candidates;
        sources.RemoveAt(sources.Count - 1);
        var preferred = ImageRoles.FallbackWidth(role);
        var src = fallback.LastOrDefault(c => c.Width <= preferred) ?? fallback[0];
        var largest = widths[^1];
        return new ResponsiveImage(src.Url, sources.ToImmutable(), fallback, ImageRoles.Sizes(role, facts.Width), largest, HeightAt(facts, largest))
        {
            Variants = variants.ToImmutable(),
        };
    }

    /// <summary>The 1200x630 JPEG for <c>og:image</c>, cropped around the most interesting region; null without a key.</summary>
    public static ImageVariant? Preview(WebImage image) =>
        image.Facts is { VariantKey: { } key }
            ? new ImageVariant(image.Path, key, $"{Stem(image.Path)}-og.jpg", VariantFormat.Jpeg, PreviewWidth, PreviewHeight, VariantShape.Cover)
            : null;

    /// <summary>Square PNG icons in <see cref="IconSizes"/>, cropped from the middle; empty without a key.</summary>
    public static ImmutableArray<ImageVariant> Icons(WebImage image) =>
        image.Facts is { VariantKey: { } key }
            ? [.. IconSizes.Select(size => new ImageVariant(image.Path, key, $"{Stem(image.Path)}-icon-{size}.png", VariantFormat.Png, size, size, VariantShape.Cover))]
            : [];

    /// <summary>
    /// The clean copy of the whole image that its own address (<c>/images/me.jpg</c>) serves instead of the file: same
    /// size, upright, every metadata block removed, in the original's own format where browsers show it (JPEG, PNG,
    /// GIF, WebP, AVIF), else PNG with transparency or JPEG. Null without a key (vector images, no pipeline).
    /// </summary>
    public static ImageVariant? Whole(WebImage image)
    {
        if (image.Facts is not { VariantKey: { } key, IsVector: false, Width: > 0, Height: > 0 } facts)
        {
            return null;
        }

        var format = facts.Family switch
        {
            ImageFamily.Jpeg => VariantFormat.Jpeg,
            ImageFamily.Png => VariantFormat.Png,
            ImageFamily.Gif => VariantFormat.Gif,
            ImageFamily.WebP => VariantFormat.WebP,
            ImageFamily.Avif => VariantFormat.Avif,
            _ => facts.HasAlpha ? VariantFormat.Png : VariantFormat.Jpeg,
        };
        return new ImageVariant(image.Path, key, $"{Stem(image.Path)}-full.{ImageVariant.ExtensionOf(format)}",
            format, facts.Width, facts.Height, VariantShape.Whole);
    }

    /// <summary>The role's widths no wider than the image; the image's own width closes the list when some were too wide.</summary>
    internal static ImmutableArray<int> Widths(ImmutableArray<int> planned, int intrinsic)
    {
        var fitting = planned.Where(w => w < intrinsic).ToList();
        if (fitting.Count < planned.Length)
        {
            fitting.Add(intrinsic);
        }

        return [.. fitting];
    }

    /// <summary>AVIF, WebP, then PNG with transparency or JPEG; an animated image keeps its frames in WebP and GIF (AVIF here is still).</summary>
    internal static ImmutableArray<VariantFormat> Formats(ImageFacts facts)
    {
        if (facts.IsAnimated)
        {
            return [VariantFormat.WebP, VariantFormat.Gif];
        }

        var family = facts.HasAlpha ? VariantFormat.Png : VariantFormat.Jpeg;
        return [VariantFormat.Avif, VariantFormat.WebP, family];
    }

    private static int HeightAt(ImageFacts facts, int width) =>
        Math.Max(1, (int)Math.Round((double)facts.Height * width / facts.Width, MidpointRounding.AwayFromZero));

    /// <summary>The source's file name as a URL-safe stem: ASCII letters and digits, lower-case, single dashes.</summary>
    internal static string Stem(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var stem = builder.ToString().Trim('-');
        return stem.Length == 0 ? "image" : stem;
    }
}
