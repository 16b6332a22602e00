using ProfileSite.Content.Loading;

namespace ProfileSite.Content.Images;

/// <summary>
/// The inspector used when no image pipeline is plugged in: reads the size from the file header
/// (<see cref="ImageProbe"/>) and makes no variants. It cannot tell a truncated file from a good one.
/// </summary>
public sealed class HeaderImageInspector : IImageInspector
{
    public static HeaderImageInspector Instance { get; } = new();

    public ImageInspection Inspect(string path)
    {
        var family = ImageFamilies.FromExtension(path);
        var size = ImageProbe.Size(path);
        return ImageInspection.Ok(new ImageFacts(size?.Width ?? 0, size?.Height ?? 0, family, HasAlpha: false, IsAnimated: false, VariantKey: null));
    }
}

/// <summary>File extensions and media types of the image families.</summary>
public static class ImageFamilies
{
    public static ImageFamily FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" or ".jfif" => ImageFamily.Jpeg,
        ".png" => ImageFamily.Png,
        ".gif" => ImageFamily.Gif,
        ".webp" => ImageFamily.WebP,
        ".avif" => ImageFamily.Avif,
        ".heic" or ".heif" => ImageFamily.Heif,
        ".tif" or ".tiff" => ImageFamily.Tiff,
        ".svg" => ImageFamily.Svg,
        ".ico" => ImageFamily.Ico,
        _ => ImageFamily.Other,
    };
}
