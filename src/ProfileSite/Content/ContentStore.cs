using System.Collections.Frozen;
using ProfileSite.Content.Citations;
using ProfileSite.Content.Loading;
using ProfileSite.Publishing;

namespace ProfileSite.Content;

/// <summary>
/// Holds the current content snapshot and what it publishes. Readers take <see cref="Current"/>
/// once per request (see <see cref="ContentServiceCollectionExtensions"/>); a new snapshot (a
/// reload, or remote citation data applied to the loaded content) is published whole, every page
/// and document built and verified, and only then swapped in together with its published output:
/// when publishing fails, the last good pair keeps serving.
/// </summary>
public sealed class ContentStore : IDisposable
{
    // One publish at a time, in the order snapshots arrive.
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private SiteContent? _loaded;
    private FrozenDictionary<string, CitationData> _remote = FrozenDictionary<string, CitationData>.Empty;
    private State? _state;
    private readonly TaskCompletionSource _startupPublished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _startupPrepared = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Publisher? _publisher;
    private Compressor? _compressor;

    public SiteContent Current =>
        Volatile.Read(ref _state)?.Content ?? throw new InvalidOperationException("Content is read at startup, before the first request.");

    public bool IsLoaded => Volatile.Read(ref _state) is not null;

    /// <summary>The snapshot, or null before the first load (health checks must not throw).</summary>
    public SiteContent? Peek => Volatile.Read(ref _state)?.Content;

    /// <summary>Completes once the startup snapshot is published (and its compression queued): for tests and benchmarks.</summary>
    public Task StartupPublished => _startupPublished.Task;

    /// <summary>
    /// Completes once <see cref="Published"/> is set for the startup snapshot (its addresses known, its pages
    /// still being built), or once publishing could not begin: a request that arrives between "listening" and
    /// this moment waits for it rather than miss the addresses only publishing knows (<c>/index.html</c>).
    /// </summary>
    public Task StartupPrepared => _startupPrepared.Task;

    /// <summary>What the current snapshot publishes; null until the server has started and publishing began.</summary>
    public PublishedSnapshot? Published => Volatile.Read(ref _state)?.Published;

    /// <summary>Publishes newly loaded content (a reload) and waits for it; see <see cref="SwapAsync"/>.</summary>
    public IReadOnlyList<ContentError> Swap(SiteContent content) => SwapAsync(content).GetAwaiter().GetResult();

    /// <summary>
    /// Publishes newly loaded content (startup or reload): every page and document is built and
    /// verified, then the snapshot and its output are swapped in at once.
    /// </summary>
    /// <returns>The problems that kept it from being published (the last good snapshot still serves); empty on success.</returns>
    public async Task<IReadOnlyList<ContentError>> SwapAsync(SiteContent content)
    {
        await _publishing.WaitAsync();
        try
        {
            var errors = await PublishAsync(CitationApplier.Apply(content, _remote));
            if (errors.Count == 0)
            {
                _loaded = content;
            }

            return errors;
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>Publishes a remote source's new data on top of the loaded content; the old numbers stay when that fails.</summary>
    public async Task<IReadOnlyList<ContentError>> SetRemoteCitationsAsync(string sourceKey, CitationData data)
    {
        await _publishing.WaitAsync();
        try
        {
            var remote = new Dictionary<string, CitationData>(_remote, StringComparer.Ordinal) { [sourceKey] = data }
                .ToFrozenDictionary(StringComparer.Ordinal);
            var errors = _loaded is null ? [] : await PublishAsync(CitationApplier.Apply(_loaded, remote));
            if (errors.Count == 0)
            {
                _remote = remote;
            }

            return errors;
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>
    /// Called once the server has built its pipeline: from now on snapshots are published. The
    /// snapshot loaded at startup is published at once, in the background and resource by resource,
    /// so the server answers while it is built (a request waits only for its own page).
    /// </summary>
    /// <returns>The resources that failed to build (they are then rendered per request, as before publishing existed).</returns>
    internal async Task<IReadOnlyList<ContentError>> AttachAsync(Publisher publisher, Compressor compressor)
    {
        await _publishing.WaitAsync();
        try
        {
            _publisher = publisher;
            _compressor = compressor;
            if (Volatile.Read(ref _state) is not { } state)
            {
                return [];
            }

            var snapshot = publisher.Prepare(state.Content);
            Volatile.Write(ref _state, state with { Published = snapshot });
            _startupPrepared.TrySetResult();
            var errors = await publisher.RenderAsync(snapshot.Primary, snapshot.Lifetime);
            Compress(snapshot);
            return errors;
        }
        finally
        {
            _publishing.Release();
            _startupPrepared.TrySetResult();
            _startupPublished.TrySetResult();
        }
    }

    private async Task<IReadOnlyList<ContentError>> PublishAsync(SiteContent next)
    {
        if (_publisher is not { IsAttached: true } publisher)
        {
            // Before the server starts (the startup load): there is nothing to render through yet.
            Volatile.Write(ref _state, new State(next, null));
            return [];
        }

        var snapshot = publisher.Prepare(next);
        var errors = await publisher.RenderAsync(snapshot.Primary, snapshot.Lifetime);
        if (errors.Count > 0)
        {
            snapshot.Dispose();
            return errors;
        }

        var old = Interlocked.Exchange(ref _state, new State(next, snapshot));
        old?.Published?.Dispose();
        Compress(snapshot);
        return errors;
    }

    /// <summary>The web root's text files always; the pages when they carry the configured URL (a placeholder site is compressed on first use).</summary>
    private void Compress(PublishedSnapshot snapshot)
    {
        _compressor?.Enqueue(snapshot.Assets.Representations, snapshot.Lifetime);
        if (snapshot.HasFixedBase)
        {
            _compressor?.Enqueue(snapshot.Primary, snapshot.Lifetime);
        }
    }

    public void Dispose() => _publishing.Dispose();

    private sealed record State(SiteContent Content, PublishedSnapshot? Published);
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

        store.Swap(result.Content); // before the server starts: nothing is rendered yet
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
