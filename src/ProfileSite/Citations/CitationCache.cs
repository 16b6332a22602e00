using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ProfileSite.Citations;

/// <summary>
/// The last good data of each remote source, in one JSON file under the data folder, so a
/// restart shows numbers at once. The disk is optional: the first failure to write (a read-only
/// container, say) disables the cache with one log line.
/// </summary>
public sealed class CitationCache(IOptions<CitationOptions> options, ILogger<CitationCache> logger)
{
    private const string FileName = "citations.json";
    private bool _disabled;

    public string Folder { get; } = string.IsNullOrWhiteSpace(options.Value.DataPath)
        ? Path.Combine(AppContext.BaseDirectory, "data")
        : Path.GetFullPath(options.Value.DataPath);

    public string FilePath => Path.Combine(Folder, FileName);

    public IReadOnlyDictionary<string, FetchedSource> Load()
    {
        try
        {
            if (!File.Exists(FilePath))
            {
                return new Dictionary<string, FetchedSource>();
            }

            using var stream = File.OpenRead(FilePath);
            return JsonSerializer.Deserialize<Dictionary<string, FetchedSource>>(stream) ?? [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            logger.LogWarning("Ignoring the citation cache {Path}: {Reason}", FilePath, ex.Message);
            return new Dictionary<string, FetchedSource>();
        }
    }

    public void Save(IReadOnlyDictionary<string, FetchedSource> sources)
    {
        if (_disabled)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Folder);
            var temporary = FilePath + ".tmp";
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(sources));
            File.Move(temporary, FilePath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _disabled = true;
            logger.LogWarning("Citation cache disabled, {Folder} is not writable ({Reason}); numbers will load after the first refresh", Folder, ex.Message);
        }
    }
}
