using System.Collections.Frozen;
using ProfileSite.Content.Citations;
using ProfileSite.Content.Loading;

namespace ProfileSite.Content;

/// <summary>
/// Holds the current content snapshot. Readers take <see cref="Current"/> once per request
/// (see <see cref="ContentServiceCollectionExtensions"/>); a reload swaps the reference whole.
/// The published snapshot is the loaded content with the latest remote citation data applied,
/// so a change to either publishes a new whole snapshot (and a new version).
/// </summary>
public sealed class ContentStore
{
    private readonly Lock _gate = new();
    private SiteContent? _loaded;
    private FrozenDictionary<string, CitationData> _remote = FrozenDictionary<string, CitationData>.Empty;
    private SiteContent? _current;

    public SiteContent Current =>
        Volatile.Read(ref _current) ?? throw new InvalidOperationException("Content is read at startup, before the first request.");

    public bool IsLoaded => Volatile.Read(ref _current) is not null;

    /// <summary>The snapshot, or null before the first load (health checks must not throw).</summary>
    public SiteContent? Peek => Volatile.Read(ref _current);

    /// <summary>Publishes newly loaded content (startup or reload).</summary>
    public void Swap(SiteContent content)
    {
        lock (_gate)
        {
            _loaded = content;
            Publish();
        }
    }

    /// <summary>Publishes a remote source's new data on top of the loaded content.</summary>
    public void SetRemoteCitations(string sourceKey, CitationData data)
    {
        lock (_gate)
        {
            _remote = new Dictionary<string, CitationData>(_remote, StringComparer.Ordinal) { [sourceKey] = data }
                .ToFrozenDictionary(StringComparer.Ordinal);
            if (_loaded is not null)
            {
                Publish();
            }
        }
    }

    private void Publish() => Volatile.Write(ref _current, CitationApplier.Apply(_loaded!, _remote));
}

/// <summary>Thrown at startup when the content cannot be served; carries every problem found.</summary>
public sealed class ContentInvalidException(ContentLoadResult result)
    : Exception($"The content has {result.ErrorCount} error(s).")
{
    public ContentLoadResult Result { get; } = result;
}

/// <summary>
/// Loads the content before the server starts listening. Called from Program rather than as a
/// hosted service so invalid content ends the start through <see cref="ContentInvalidException"/>
/// alone, without the host logging it again with a stack trace.
/// </summary>
public sealed class ContentStartup(
    ContentStore store, ContentPaths paths, Microsoft.Extensions.Options.IOptions<ProfileSiteOptions> options,
    ILogger<ContentStartup> logger, Content.Images.IImageInspector? images = null)
{
    public void Load()
    {
        var result = Read(paths, options.Value, images);
        if (result.Content is null)
        {
            throw new ContentInvalidException(result);
        }

        foreach (var warning in result.Problems)
        {
            logger.LogWarning("{Problem}", warning);
        }

        store.Swap(result.Content);
        logger.LogInformation(
            "Loaded content {Version} from {ContentPath}: {Papers} publications, {News} news items",
            result.Content.Version, paths.ContentPath, result.Content.Publications.Length, result.Content.News.Length);
    }

    /// <summary>Reads and validates the content as serving would; <c>check</c> uses it too, so both judge alike.</summary>
    public static ContentLoadResult Read(ContentPaths paths, ProfileSiteOptions options, Content.Images.IImageInspector? images = null)
    {
        if (!Directory.Exists(paths.WebRootPath))
        {
            return new ContentLoadResult(null,
                [new ContentError(paths.WebRootPath, 0, 0, Severity.Error,
                    "web root folder not found; set ProfileSite:WebRootPath to the folder holding images/ and css/")], 0);
        }

        return ContentLoader.Load(paths.LoadOptions(options, images));
    }
}
