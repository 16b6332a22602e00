using System.Collections.Concurrent;
using ProfileSite.Content.Images;

namespace ProfileSite.Images;

/// <summary>A variant's bytes: a file in the disk cache, or bytes held in memory.</summary>
/// <param name="Path">The file, when the cache is on disk.</param>
/// <param name="Bytes">The bytes, when the cache is in memory.</param>
/// <param name="Length">Size in bytes.</param>
public sealed record CachedVariant(string? Path, byte[]? Bytes, long Length);

/// <summary>
/// Where variants are kept, as <c>{folder}/{key}/{file}</c> (the same names as their URLs), so a restart
/// finds what was made before. When the folder cannot be written (a read-only container), variants live in
/// memory for the process's life instead. Files are written to a temporary name and renamed, so a reader
/// never sees half a file.
/// </summary>
public sealed class VariantCache
{
    private readonly ConcurrentDictionary<string, byte[]> _memory = new(StringComparer.Ordinal);
    private readonly string? _readFolder;
    private volatile string? _folder;

    private VariantCache(string? folder) => _folder = _readFolder = folder;

    /// <summary>The cache folder, or null while variants are kept in memory.</summary>
    public string? Folder => _folder;

    /// <summary>
    /// A cache in <paramref name="folder"/> when it can be created and written; otherwise a cache in memory
    /// and the reason in <paramref name="problem"/>.
    /// </summary>
    public static VariantCache Open(string folder, out string? problem)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            problem = null;
            return new VariantCache(Path.GetFullPath(folder));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            problem = ex.Message;
            return InMemory();
        }
    }

    /// <summary>A cache that keeps variants in memory only.</summary>
    public static VariantCache InMemory() => new(null);

    /// <summary>The variant at <paramref name="key"/>/<paramref name="fileName"/>, or null when it has not been made.</summary>
    public CachedVariant? Find(string key, string fileName)
    {
        if (_memory.TryGetValue(Name(key, fileName), out var bytes))
        {
            return new CachedVariant(null, bytes, bytes.Length);
        }

        // Read from the folder even after writing to it failed: what is there is still good.
        if (_readFolder is not { } folder)
        {
            return null;
        }

        var info = new FileInfo(Path.Combine(folder, key, fileName));
        return info.Exists && info.Length > 0 ? new CachedVariant(info.FullName, null, info.Length) : null;
    }

    public bool Contains(ImageVariant variant) => Find(variant.Key, variant.FileName) is not null;

    /// <summary>Keeps <paramref name="bytes"/> as <paramref name="variant"/>; a disk that fails from now on turns the cache to memory (the reason is returned once).</summary>
    public string? Save(ImageVariant variant, byte[] bytes)
    {
        if (_folder is { } folder)
        {
            try
            {
                var directory = Path.Combine(folder, variant.Key);
                Directory.CreateDirectory(directory);
                var path = Path.Combine(directory, variant.FileName);
                var temporary = $"{path}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp";
                File.WriteAllBytes(temporary, bytes);
                File.Move(temporary, path, overwrite: true);
                return null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _folder = null;
                _memory[Name(variant.Key, variant.FileName)] = bytes;
                return ex.Message;
            }
        }

        _memory[Name(variant.Key, variant.FileName)] = bytes;
        return null;
    }

    private static string Name(string key, string fileName) => key + "/" + fileName;
}
