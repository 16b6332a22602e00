using System.Collections.Frozen;
using System.Collections.Immutable;
using ProfileSite.Content.Images;

namespace ProfileSite.Content;

/// <summary>What the image pipeline adds to an image: its facts and the variants of each place it is shown.</summary>
public sealed partial record WebImage
{
    /// <summary>Size, family and variant key, read when the snapshot was built; null when nothing could be read.</summary>
    public ImageFacts? Facts { get; init; }

    /// <summary>The picture of each place this image is shown (the avatar in the sidebar, a paper image on its card and page).</summary>
    public FrozenDictionary<ImageRole, ResponsiveImage> Pictures { get; init; } = FrozenDictionary<ImageRole, ResponsiveImage>.Empty;

    /// <summary>The 1200x630 JPEG link preview made from this image, when the pipeline can make one.</summary>
    public ImageVariant? Preview { get; init; }

    /// <summary>Square PNG icons (32, 180, 192, 512 px) made from this image when it is the site icon.</summary>
    public ImmutableArray<ImageVariant> Icons { get; init; } = [];

    /// <summary>The picture for <paramref name="role"/>: planned at load, else the original as a plain image.</summary>
    public ResponsiveImage Picture(ImageRole role) => Pictures.TryGetValue(role, out var picture) ? picture : ResponsiveImage.Plain(this);

    /// <summary>
    /// The address to give others (JSON-LD, feeds) when they need one file: the widest variant in the
    /// original's family (metadata stripped), else the original.
    /// </summary>
    public string PublicSrc => Pictures.Values.SelectMany(p => p.Fallback).MaxBy(c => c.Width)?.Url ?? Src;

    /// <summary>
    /// Equal when path and size are: everything else is derived from the file when the snapshot is built,
    /// so two images of one snapshot with the same path are the same image.
    /// </summary>
    public bool Equals(WebImage? other) =>
        other is not null && Path == other.Path && Width == other.Width && Height == other.Height;

    public override int GetHashCode() => HashCode.Combine(Path, Width, Height);
}

/// <summary>Every variant a snapshot's pages name, for the image pipeline to make.</summary>
/// <param name="Variants">Each variant once (the loader removes repeats), in the order they were planned.</param>
public sealed record ImageCatalog(ImmutableArray<ImageVariant> Variants)
{
    public static ImageCatalog Empty { get; } = new([]);

    /// <summary>Variants by URL path (<c>/variants/{key}/{file}</c>).</summary>
    public FrozenDictionary<string, ImageVariant> ByUrl { get; } =
        Variants.DistinctBy(v => v.Url).ToFrozenDictionary(v => v.Url, StringComparer.Ordinal);

    /// <summary>
    /// The clean whole copy (<see cref="VariantShape.Whole"/>) of each source, by its web root path (<c>images/me.jpg</c>):
    /// what the original's own address serves.
    /// </summary>
    public FrozenDictionary<string, ImageVariant> Wholes { get; } =
        Variants.Where(v => v.Shape == VariantShape.Whole).DistinctBy(v => v.SourcePath)
            .ToFrozenDictionary(v => v.SourcePath, StringComparer.Ordinal);
}
