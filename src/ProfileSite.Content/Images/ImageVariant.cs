namespace ProfileSite.Content.Images;

/// <summary>An encoded format of a variant.</summary>
public enum VariantFormat
{
    Avif,
    WebP,
    Jpeg,
    Png,
    Gif,
}

/// <summary>How a variant is cut from its source.</summary>
public enum VariantShape
{
    /// <summary>Scaled to <see cref="ImageVariant.Width"/>, the aspect ratio kept (never enlarged).</summary>
    Fit,

    /// <summary>Scaled and cropped to exactly Width x Height around the most interesting region (link previews, icons); may enlarge.</summary>
    Cover,

    /// <summary>
    /// The whole image at its own size (orientation applied, metadata removed): what the original's own address
    /// serves once it is made, so the GPS position in a phone photo is not published there either.
    /// </summary>
    Whole,
}

/// <summary>
/// One file the image pipeline makes from a source image: what the planner asks for and the encoder makes.
/// Its URL is <c>/variants/{key}/{file}</c>: the key names the source's bytes and the encoder's settings,
/// so the same URL always has the same bytes and can be cached for a year.
/// </summary>
/// <param name="SourcePath">The source, relative to the web root with '/' (e.g. <c>images/avatar.jpg</c>).</param>
/// <param name="Key">The source's <see cref="ImageFacts.VariantKey"/>.</param>
/// <param name="FileName">File name of the variant, e.g. <c>avatar-192.avif</c>; lower-case letters, digits and '-'.</param>
/// <param name="Format">The encoded format.</param>
/// <param name="Width">Width in pixels of the encoded image.</param>
/// <param name="Height">Height in pixels of the encoded image.</param>
/// <param name="Shape">Fit (resize) or Cover (crop to the exact size).</param>
public sealed record ImageVariant(string SourcePath, string Key, string FileName, VariantFormat Format, int Width, int Height, VariantShape Shape)
{
    /// <summary>The URL path prefix of every variant.</summary>
    public const string UrlPrefix = "/variants/";

    /// <summary>Site path (no base path), e.g. <c>/variants/3f9a1c2b4d5e6f70/avatar-192.avif</c>.</summary>
    public string Url => UrlPrefix + Key + "/" + FileName;

    /// <summary>The media type, e.g. <c>image/avif</c>.</summary>
    public string MediaType => MediaTypeOf(Format);

    public static string MediaTypeOf(VariantFormat format) => format switch
    {
        VariantFormat.Avif => "image/avif",
        VariantFormat.WebP => "image/webp",
        VariantFormat.Png => "image/png",
        VariantFormat.Gif => "image/gif",
        _ => "image/jpeg",
    };

    public static string ExtensionOf(VariantFormat format) => format switch
    {
        VariantFormat.Avif => "avif",
        VariantFormat.WebP => "webp",
        VariantFormat.Png => "png",
        VariantFormat.Gif => "gif",
        _ => "jpg",
    };
}
