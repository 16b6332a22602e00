using System.Collections.Frozen;
using Microsoft.AspNetCore.StaticFiles;
using ProfileSite.Content.Addresses;

namespace ProfileSite.Publishing;

/// <summary>
/// The web root as one snapshot publishes it. Text files (CSS, JavaScript, SVG, the manifest's
/// icons, ...) up to a size are held in memory with their compressed forms, served under their
/// fingerprinted name for a year and under their plain name for a short while; other files
/// (photos, PDFs) stay on disk for the static file server, which sends them under either name.
/// </summary>
public sealed class PublishedAssets
{
    /// <summary>A text file larger than this stays on disk (served uncompressed, as a photo is).</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>The most text kept in memory for one snapshot.</summary>
    public const long MaxTotalBytes = 16 * 1024 * 1024;

    private static readonly FileExtensionContentTypeProvider MediaTypes = new();
    private readonly FrozenDictionary<string, Representation> _inMemory;

    private PublishedAssets(AssetTable table, FrozenDictionary<string, Representation> inMemory)
    {
        Table = table;
        _inMemory = inMemory;
    }

    public static PublishedAssets Empty { get; } = new(AssetTable.Empty, FrozenDictionary<string, Representation>.Empty);

    public AssetTable Table { get; }

    /// <summary>Every in-memory representation, for background compression.</summary>
    public IEnumerable<Representation> Representations => _inMemory.Values;

    /// <summary>Reads the text files of the table into memory (the rest is left to the static file server).</summary>
    public static PublishedAssets Build(AssetTable table)
    {
        var inMemory = new Dictionary<string, Representation>(StringComparer.Ordinal);
        long total = 0;
        foreach (var asset in table.All)
        {
            if (asset.Length > MaxFileBytes || total + asset.Length > MaxTotalBytes
                || !MediaTypes.TryGetContentType(asset.Path, out var mediaType) || !Representation.IsCompressible(mediaType))
            {
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(asset.FullPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // the static file server answers for it (or 404s, as it would have)
            }

            if (bytes.Length != asset.Length)
            {
                continue; // written to since it was hashed: the next snapshot will have it
            }

            total += bytes.Length;
            inMemory[asset.Path] = new Representation(bytes, mediaType, $"\"{asset.Hash}\"", CachePolicies.Immutable);
        }

        return new PublishedAssets(table, inMemory.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The file's bytes when held in memory (by its plain web-root path).</summary>
    public bool TryGetInMemory(string path, out Representation representation) => _inMemory.TryGetValue(path, out representation!);
}
