using System.Collections.Immutable;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ProfileSite.Content.Loading;

namespace ProfileSite.Content;

/// <summary>The latest reload that failed: its problems, while the last good snapshot keeps serving.</summary>
/// <param name="Problems">Every error and warning of the failed load.</param>
/// <param name="FileCount">How many files that load read.</param>
/// <param name="At">When it failed.</param>
public sealed record ReloadFailure(ImmutableArray<ContentError> Problems, int FileCount, DateTimeOffset At)
{
    public int ErrorCount => Problems.Count(p => p.IsError);

    public int WarningCount => Problems.Count(p => !p.IsError);
}

/// <summary>Whether the files on disk are what is being served: null <see cref="Failure"/> means yes.</summary>
public sealed class ContentReloadStatus
{
    private ReloadFailure? _failure;

    public ReloadFailure? Failure => Volatile.Read(ref _failure);

    public void Failed(ReloadFailure failure) => Volatile.Write(ref _failure, failure);

    public void Recovered() => Volatile.Write(ref _failure, null);
}

/// <summary>
/// Live reload: watches the content folder and the web root, waits for a burst of saves to go
/// quiet, builds the next snapshot here (never on a request) and swaps it in whole. A load with
/// errors leaves the last good snapshot serving; its errors are logged once, and the next good
/// save recovers by itself.
/// </summary>
public sealed class ContentReloader(
    ContentStore store, ContentReloadStatus status, ContentPaths paths, IOptions<ProfileSiteOptions> options,
    ILogger<ContentReloader> logger, TimeProvider time, Images.IImageInspector? images = null) : BackgroundService
{
    // One pending signal is enough: the reload reads every file anyway.
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private long _lastChange;
    private string? _loggedErrors;
    private Watch? _watch;
    private int _fingerprint;
    private string? _loadedVersion;

    /// <summary>
    /// Watching starts here rather than in <see cref="ExecuteAsync"/>, which .NET 10 runs on the
    /// thread pool: the watchers then exist before the server listens, so no early save is missed.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Reload)
        {
            // Compared with what was loaded, not with what the store publishes (which may carry more, e.g. remote data).
            _loadedVersion = store.Peek?.Version;
            _watch = settings.ReloadUsePolling ? null : TryWatch();
            _fingerprint = _watch is null ? Fingerprint() : 0;
            logger.LogInformation("Watching {ContentPath} and {WebRootPath} for changes ({Mode})",
                paths.ContentPath, paths.WebRootPath, _watch is null ? "polling" : "file-system events");

            // A save between the first load and now had no watcher to see it: look once.
            Changed();
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _watch?.Dispose();
    }

    public override void Dispose()
    {
        _watch?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Reload)
        {
            return;
        }

        if (_watch is null)
        {
            _ = PollAsync(TimeSpan.FromMilliseconds(settings.ReloadPollIntervalMilliseconds), stoppingToken);
        }

        var debounce = TimeSpan.FromMilliseconds(settings.ReloadDebounceMilliseconds);
        try
        {
            while (await _changes.Reader.WaitToReadAsync(stoppingToken))
            {
                _changes.Reader.TryRead(out _);
                await QuietAsync(debounce, stoppingToken);
                await ReloadAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>Records a change; the reload happens once the files have been quiet for the debounce time.</summary>
    private void Changed()
    {
        Interlocked.Exchange(ref _lastChange, time.GetTimestamp());
        _changes.Writer.TryWrite(true);
    }

    private async Task QuietAsync(TimeSpan debounce, CancellationToken stoppingToken)
    {
        // A file written without pause (a log someone keeps in content/) must not starve reloads.
        var started = time.GetTimestamp();
        var longest = debounce * 10;
        while (true)
        {
            var quiet = time.GetElapsedTime(Interlocked.Read(ref _lastChange));
            if (quiet >= debounce || time.GetElapsedTime(started) >= longest)
            {
                return;
            }

            await Task.Delay(debounce - quiet, time, stoppingToken);
        }
    }

    /// <summary>
    /// Builds the next snapshot from disk and, when it is valid and new, publishes it (every page
    /// and document built and verified) and swaps it in; a failure at either step keeps the last
    /// good snapshot serving.
    /// </summary>
    internal async Task ReloadAsync()
    {
        ContentLoadResult result;
        try
        {
            result = ContentLoader.Load(paths.LoadOptions(options.Value, images), time);
        }
        catch (Exception ex)
        {
            // A bug in the loader must not stop the watcher or the site; the last good snapshot stays.
            logger.LogError(ex, "Reloading the content failed unexpectedly; still serving {Version}", store.Current.Version);
            return;
        }

        if (result.Content is null)
        {
            Refuse(result.Problems, result.FileCount);
            return;
        }

        var recovered = status.Failure is not null;
        if (result.Content.Version == _loadedVersion)
        {
            _loggedErrors = null;
            status.Recovered();
            if (recovered)
            {
                logger.LogInformation("The content is valid again; serving {Version}", result.Content.Version);
            }

            return;
        }

        var unpublished = await store.SwapAsync(result.Content);
        if (unpublished.Count > 0)
        {
            // Valid files whose pages or documents could not be built: the same as invalid files.
            Refuse([.. unpublished, .. result.Problems], result.FileCount);
            return;
        }

        _loadedVersion = result.Content.Version;
        _loggedErrors = null;
        status.Recovered();
        foreach (var warning in result.Problems)
        {
            logger.LogWarning("{Problem}", warning.ToString());
        }

        logger.LogInformation("Reloaded content {Version}: {Papers} publications, {News} news items",
            result.Content.Version, result.Content.Publications.Length, result.Content.News.Length);
    }

    /// <summary>Records and logs (once per distinct set) why the edited content is not served.</summary>
    private void Refuse(ImmutableArray<ContentError> problems, int fileCount)
    {
        status.Failed(new ReloadFailure(problems, fileCount, time.GetUtcNow()));
        var errors = string.Join('\n', problems.Where(p => p.IsError));
        if (errors == _loggedErrors)
        {
            return; // saving an unrelated file does not repeat them
        }

        _loggedErrors = errors;
        foreach (var problem in problems.Where(p => p.IsError))
        {
            logger.LogError("{Problem}", problem.ToString());
        }

        logger.LogError("The edited content has {Errors} error(s); still serving the last good version {Version}",
            problems.Count(p => p.IsError), store.Current.Version);
    }

    private Watch? TryWatch()
    {
        var watchers = new List<FileSystemWatcher>();
        try
        {
            foreach (var folder in new[] { paths.ContentPath, paths.WebRootPath }.Where(Directory.Exists))
            {
                var watcher = new FileSystemWatcher(folder)
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                };
                watcher.Changed += (_, _) => Changed();
                watcher.Created += (_, _) => Changed();
                watcher.Deleted += (_, _) => Changed();
                watcher.Renamed += (_, _) => Changed();
                watcher.Error += (_, e) =>
                {
                    // Lost events (buffer overflow): reload anyway, reading everything is always correct.
                    logger.LogWarning("File watching reported {Error}; reloading to be safe", e.GetException().Message);
                    Changed();
                };
                watchers.Add(watcher);
                watcher.EnableRaisingEvents = true;
            }

            return new Watch(watchers);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // E.g. the inotify instance limit: polling still works.
            logger.LogWarning("Cannot watch for file changes ({Reason}); polling instead", ex.Message);
            watchers.ForEach(w => w.Dispose());
            return null;
        }
    }

    private async Task PollAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        var last = _fingerprint;
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var current = Fingerprint();
                if (current != last)
                {
                    last = current;
                    Changed();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
    }

    /// <summary>Every file's path, size and write time: cheap to read, and changes whenever a file is saved.</summary>
    private int Fingerprint()
    {
        var hash = new HashCode();
        foreach (var folder in new[] { paths.ContentPath, paths.WebRootPath })
        {
            try
            {
                foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
                {
                    hash.Add(file.FullName);
                    hash.Add(file.Length);
                    hash.Add(file.LastWriteTimeUtc.Ticks);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                hash.Add(ex.GetType()); // a folder vanishing is a change too
            }
        }

        return hash.ToHashCode();
    }

    private sealed class Watch(List<FileSystemWatcher> watchers) : IDisposable
    {
        public void Dispose() => watchers.ForEach(w => w.Dispose());
    }
}
