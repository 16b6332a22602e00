using System.ComponentModel.DataAnnotations;

namespace ProfileSite.Images;

/// <summary>
/// How images are processed, from <c>ProfileSite:Images</c> (environment: <c>ProfileSite__Images__MaxImagePixels</c>).
/// Quality and effort values are libvips' (the same scale as sharp's).
/// </summary>
public sealed class ImageOptions
{
    public const string Section = "ProfileSite:Images";

    /// <summary>
    /// Make AVIF, WebP and resized variants with libvips. Default true. False serves every image as it is
    /// (no variants, no metadata removal), e.g. on a platform NetVips.Native has no libvips for.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Encode the planned variants in this process. Default true. False still plans them (pages name the same URLs)
    /// and serves what the cache already holds: <c>check</c> uses it, since it only verifies the pages, and so may a
    /// second process serving a cache another one fills.
    /// </summary>
    public bool Generate { get; set; } = true;

    /// <summary>
    /// Folder of the variant cache, so a restart or reload re-encodes only changed images. Empty: <c>data/images</c>
    /// beside the binary (like the citation cache). A folder that cannot be written keeps variants in memory.
    /// </summary>
    public string? CachePath { get; set; }

    /// <summary>
    /// Largest image accepted, in pixels (width x height x frames). A larger one, or a header claiming more (a
    /// decompression bomb), is a warning and the image is left out. Default 50 megapixels.
    /// </summary>
    [Range(1, 1_000_000_000)]
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>Variants encoded at once. 0 (default): half the processor count, at least 1, so pages keep being served.</summary>
    [Range(0, 64)]
    public int MaxConcurrency { get; set; }

    /// <summary>AVIF quality, 1-100. Default 50 (sharp's default; about JPEG 80 to the eye).</summary>
    [Range(1, 100)]
    public int AvifQuality { get; set; } = 50;

    /// <summary>AVIF encoder effort, 0 (fastest) to 9 (smallest). Default 2: within 15% of effort 4's size at a fifth of its time.</summary>
    [Range(0, 9)]
    public int AvifEffort { get; set; } = 2;

    /// <summary>WebP quality, 1-100. Default 75.</summary>
    [Range(1, 100)]
    public int WebpQuality { get; set; } = 75;

    /// <summary>JPEG quality, 1-100. Default 80.</summary>
    [Range(1, 100)]
    public int JpegQuality { get; set; } = 80;

    /// <summary>Longest time one image may take to decode when it is checked at load, in seconds. Default 20.</summary>
    [Range(1, 600)]
    public int InspectTimeoutSeconds { get; set; } = 20;

    /// <summary>Longest time one variant may take to encode, in seconds; past it the original keeps being served. Default 120.</summary>
    [Range(1, 3600)]
    public int EncodeTimeoutSeconds { get; set; } = 120;

    /// <summary>The encoders in use: <see cref="MaxConcurrency"/>, or half the processor count.</summary>
    public int EffectiveConcurrency => MaxConcurrency > 0 ? MaxConcurrency : Math.Max(1, Environment.ProcessorCount / 2);
}
