namespace ProfileSite.Content.Images;

/// <summary>The file format an image is stored in, which decides the family of its fallback variant.</summary>
public enum ImageFamily
{
    Jpeg,
    Png,
    Gif,
    WebP,
    Avif,
    Heif,
    Tiff,
    Svg,
    Ico,
    Other,
}

/// <summary>
/// What the content needs to know about an image under the web root, read once per snapshot.
/// </summary>
/// <param name="Width">Width in pixels as displayed, i.e. after the EXIF orientation is applied (a photo stored
/// 1200x1600 with Orientation 6 is 1600 wide). For SVG, the width its root element declares.</param>
/// <param name="Height">Height in pixels as displayed.</param>
/// <param name="Family">The stored format.</param>
/// <param name="HasAlpha">True when the image has an alpha channel (its fallback variant is then PNG).</param>
/// <param name="IsAnimated">True for an image with several frames (an animated GIF or WebP).</param>
/// <param name="VariantKey">
/// 16 hex digits naming the image's bytes and the encoder's settings: variant URLs carry it, so it changes
/// exactly when the variants would. Null when no variants are made (vector and ICO images, or no pipeline).
/// </param>
public sealed record ImageFacts(int Width, int Height, ImageFamily Family, bool HasAlpha, bool IsAnimated, string? VariantKey)
{
    /// <summary>True for formats that scale without loss and pass through unchanged (SVG).</summary>
    public bool IsVector => Family == ImageFamily.Svg;
}

/// <summary>The result of inspecting one image: facts, or why it cannot be shown.</summary>
/// <param name="Facts">The image's facts; null when it cannot be used.</param>
/// <param name="Problem">
/// Why the image cannot be shown, as a phrase that completes "images/x.jpg ...", e.g.
/// "cannot be decoded: VipsJpeg: premature end of JPEG file". Null when the image is fine.
/// </param>
public sealed record ImageInspection(ImageFacts? Facts, string? Problem)
{
    public static ImageInspection Ok(ImageFacts facts) => new(facts, null);

    public static ImageInspection Bad(string problem) => new(null, problem);
}

/// <summary>
/// Reads an image file and says whether it can be shown and at what size. The web app plugs in the
/// libvips pipeline (a full decode, a pixel limit, a timeout); without one the loader reads headers only.
/// Implementations must be thread-safe and must never throw for a bad file: a bad file is a
/// <see cref="ImageInspection.Problem"/>.
/// </summary>
public interface IImageInspector
{
    /// <param name="path">The image's full path on disk.</param>
    ImageInspection Inspect(string path);
}
