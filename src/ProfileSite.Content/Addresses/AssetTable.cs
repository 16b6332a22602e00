using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ProfileSite.Content.Addresses;

/// <summary>One file of the web root and the fingerprinted name it is published under.</summary>
/// <param name="Path">Decoded path below the web root with <c>/</c> separators and no leading slash (<c>css/site.css</c>).</param>
/// <param name="Hash">The first 16 hex digits of the SHA-256 of the file's bytes.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="FullPath">Where the file is on disk.</param>
public sealed record Asset(string Path, string Hash, long Length, string FullPath)
{
    /// <summary>The name that changes whenever the bytes do: <c>css/site.3f2a1b9c0d4e5f67.css</c>.</summary>
    public string FingerprintedPath { get; } = AssetTable.Fingerprint(Path, Hash);
}

/// <summary>
/// Every servable file of the web root with a hash of its bytes, taken when a snapshot is built.
/// A fingerprinted name (<c>name.HASH.ext</c>, as Hugo and ASP.NET's static assets name them) is
/// the URL the site emits for a stylesheet, script, icon or image, so it can be cached for a year:
/// an edited file gets a new name with the next snapshot.
/// </summary>
public sealed partial class AssetTable
{
    private const int HashLength = 16;

    // Hashes survive reloads: a file whose size and write time did not change is not read again.
    private static readonly ConcurrentDictionary<(string Path, long Length, long Ticks), string> HashCache = new();

    private readonly FrozenDictionary<string, Asset> _byPath;
    private readonly FrozenDictionary<string, Asset> _byFingerprint;

    private AssetTable(IEnumerable<Asset> assets)
    {
        var list = assets.ToList();
        _byPath = list.ToFrozenDictionary(a => a.Path, StringComparer.Ordinal);
        _byFingerprint = list.ToFrozenDictionary(a => a.FingerprintedPath, StringComparer.Ordinal);
        All = [.. list.OrderBy(a => a.Path, StringComparer.Ordinal)];
    }

    /// <summary>A web root with no files (tests, and snapshots built without one).</summary>
    public static AssetTable Empty { get; } = new([]);

    /// <summary>Every file, by path.</summary>
    public IReadOnlyList<Asset> All { get; }

    /// <summary>
    /// Hashes every file under <paramref name="webRootPath"/> that the site serves: nothing with a
    /// dot-named segment but <c>.well-known</c> (the rule of the web root file provider), and
    /// nothing inside <paramref name="contentPath"/> should the content folder sit in the web root.
    /// </summary>
    public static AssetTable Build(string webRootPath, string? contentPath = null)
    {
        if (!Directory.Exists(webRootPath))
        {
            return Empty;
        }

        var root = System.IO.Path.GetFullPath(webRootPath);
        var content = contentPath is null ? null : System.IO.Path.GetFullPath(contentPath) + System.IO.Path.DirectorySeparatorChar;
        var assets = new List<Asset>();
        foreach (var file in new DirectoryInfo(root).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true }))
        {
            var relative = System.IO.Path.GetRelativePath(root, file.FullName).Replace('\\', '/');
            if (!IsServable(relative) || (content is not null && file.FullName.StartsWith(content, StringComparison.Ordinal)))
            {
                continue;
            }

            if (HashOf(file) is { } hash)
            {
                assets.Add(new Asset(relative, hash, file.Length, file.FullName));
            }
        }

        if (HashCache.Count > 50_000)
        {
            HashCache.Clear(); // bounded: a web root that churns through files does not grow the process
        }

        return new AssetTable(assets);
    }

    /// <summary>The file at a decoded web-root path (<c>css/site.css</c>, leading slash optional).</summary>
    public bool TryGet(string path, out Asset asset) =>
        _byPath.TryGetValue(path.TrimStart('/'), out asset!);

    /// <summary>The file a fingerprinted path (<c>css/site.3f2a1b9c0d4e5f67.css</c>) names in this snapshot.</summary>
    public bool TryGetFingerprinted(string path, out Asset asset) =>
        _byFingerprint.TryGetValue(path.TrimStart('/'), out asset!);

    /// <summary>
    /// A path that looks fingerprinted but names another version of a file this snapshot has
    /// (a page cached before an edit asks for the old stylesheet): that file, to be served without
    /// the long cache lifetime, since its bytes are not the ones the name promises.
    /// </summary>
    public bool TryGetStale(string path, out Asset asset)
    {
        asset = null!;
        if (path.Length < HashLength + 3 || path.IndexOf('.', StringComparison.Ordinal) < 0)
        {
            return false; // cheap refusal for page paths, which pass here on every request
        }

        var match = FingerprintPattern().Match(path.TrimStart('/'));
        return match.Success && _byPath.TryGetValue(match.Groups["stem"].Value + match.Groups["ext"].Value, out asset!);
    }

    /// <summary>A hash of every file's path and bytes: part of the snapshot version, so an edited stylesheet is a new snapshot.</summary>
    public string Digest()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var asset in All)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(asset.Path + "\0" + asset.Hash + "\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..HashLength];
    }

    /// <summary><c>dir/name.ext</c> with the hash before the extension: <c>dir/name.HASH.ext</c>; <c>name.HASH</c> without one.</summary>
    public static string Fingerprint(string path, string hash)
    {
        var slash = path.LastIndexOf('/');
        var dot = path.LastIndexOf('.');
        return dot > slash + 1 ? $"{path[..dot]}.{hash}{path[dot..]}" : $"{path}.{hash}";
    }

    /// <summary>True for a path the web root serves: no segment starting with a dot, except <c>.well-known</c>.</summary>
    public static bool IsServable(string relative)
    {
        foreach (var segment in relative.Split('/'))
        {
            if (segment.StartsWith('.') && segment != ".well-known")
            {
                return false;
            }
        }

        return true;
    }

    private static string? HashOf(FileInfo file)
    {
        var key = (file.FullName, file.Length, file.LastWriteTimeUtc.Ticks);
        if (HashCache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        try
        {
            using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            var hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..HashLength];
            HashCache[key] = hash;
            return hash;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // vanished or unreadable: the static file server would not serve it either
        }
    }

    [GeneratedRegex(@"^(?<stem>.+)\.[0-9a-f]{16}(?<ext>\.[^./]+)?$")]
    private static partial Regex FingerprintPattern();
}
