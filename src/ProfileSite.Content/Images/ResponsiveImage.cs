using System.Collections.Immutable;

namespace ProfileSite.Content.Images;

/// <summary>One width of one format in a <c>srcset</c>.</summary>
/// <param name="Url">Site path of the variant (no base path; <see cref="Addresses.SiteAddresses.Image"/> makes it a link).</param>
/// <param name="Width">Its width in pixels (the <c>w</c> descriptor).</param>
public sealed record SrcsetCandidate(string Url, int Width);

/// <summary>A <c>&lt;source type srcset&gt;</c> of a picture: every width of one format.</summary>
/// <param name="Type">The media type, e.g. <c>image/avif</c>.</param>
/// <param name="Candidates">The widths, narrowest first.</param>
public sealed record PictureSource(string Type, ImmutableArray<SrcsetCandidate> Candidates);

/// <summary>
/// An image as one place on a page shows it: the typed sources a browser chooses from (AVIF, then WebP),
/// the fallback <c>&lt;img&gt;</c> in the original's family, the <c>sizes</c> and the box's intrinsic size.
/// Written as HTML by <see cref="PictureHtml"/>. Without variants (SVG, or no pipeline) it is a plain image.
/// </summary>
/// <param name="Src">Site path of the fallback image: a variant, or the original web root file when there are no variants
/// (written through <see cref="Addresses.SiteAddresses.Image"/>, which fingerprints the latter).</param>
/// <param name="Sources">Typed sources, preferred first; empty for a plain image.</param>
/// <param name="Fallback">The fallback family's widths (the <c>&lt;img srcset&gt;</c>); empty for a plain image.</param>
/// <param name="Sizes">The <c>sizes</c> attribute; null for a plain image.</param>
/// <param name="Width">Intrinsic width of the box in pixels, in the displayed orientation (0 when unknown).</param>
/// <param name="Height">Intrinsic height of the box in pixels (0 when unknown).</param>
public sealed record ResponsiveImage(
    string Src, ImmutableArray<PictureSource> Sources, ImmutableArray<SrcsetCandidate> Fallback, string? Sizes, int Width, int Height)
{
    /// <summary>Every variant this picture names; the image pipeline makes them.</summary>
    public ImmutableArray<ImageVariant> Variants { get; init; } = [];

    /// <summary>The original file as a plain image (no variants).</summary>
    public static ResponsiveImage Plain(WebImage image) =>
        new(image.Src, [], [], null, image.Width ?? 0, image.Height ?? 0);
}
