using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ProfileSite.Content.Images;
using ProfileSite.Images;

namespace ProfileSite.Images;

/// <summary>How far the image pipeline is with the variants of the snapshot being served.</summary>
/// <param name="Planned">Variants the snapshot's pages name.</param>
/// <param name="Ready">Of those, how many are made (in the cache).</param>
/// <param name="Failed">Of those, how many could not be made (the original is served for them).</param>
/// <param name="Encoded">Variants encoded since the process started (a warm cache makes this 0).</param>
public sealed record ImageProgress(int Planned, int Ready, int Failed, int Encoded)
{
    public bool Done => Ready + Failed >= Planned;
}

/// <summary>
/// Makes the variants of each new snapshot in the background, never on a request: it looks at the store's
/// snapshot every 100 ms, skips what the cache already has (so a restart or a reload re-encodes only changed
/// images), and encodes the rest with at most <see cref="ImageOptions.EffectiveConcurrency"/> at once, small
/// widths first and each width's fallback format first, so every image soon has something light to show.
/// A newer snapshot cancels the work left for the older one.
/// </summary>
public sealed class VariantGenerator(
    ContentStore store, ContentPaths paths, VariantCache cache, VariantEncoder encoder, IOptions<ImageOptions> options,
    ILogger<VariantGenerator> logger, TimeProvider time) : BackgroundService
{
    /// <summary>The longest the encoders wait for the startup snapshot to be published before they start anyway.</summary>
    public static readonly TimeSpan StartupGrace = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, string> _failed = new(StringComparer.Ordinal);
    private int _encoded;
    private int _busy;
    private int _peakBusy;
    private ImageCatalog? _done;

    /// <summary>The most images encoded at the same moment since start: never more than <see cref="ImageOptions.EffectiveConcurrency"/>.</summary>
    public int PeakConcurrency => Volatile.Read(ref _peakBusy);

    /// <summary>Variants encoded since start (not found in the cache).</summary>
    public int Encoded => Volatile.Read(ref _encoded);

    /// <summary>Progress on the snapshot being served.</summary>
    public ImageProgress Progress()
    {
        var catalog = store.Peek?.Images ?? ImageCatalog.Empty;
        var planned = catalog.ByUrl.Values;
        var failed = planned.Count(v => _failed.ContainsKey(v.Url));
        return new ImageProgress(planned.Length, planned.Count(cache.Contains), failed, Encoded);
    }

    /// <summary>True when <paramref name="variant"/> could not be made and will not be tried again for this snapshot.</summary>
    public bool HasFailed(ImageVariant variant) => _failed.ContainsKey(variant.Url);

    /// <summary>Waits until every variant of the snapshot being served is made or has failed (export waits for this).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellation)
    {
        while (!ReferenceEquals(Volatile.Read(ref _done), store.Peek?.Images) || !Progress().Done)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellation);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Generate)
        {
            return; // another process fills the cache (or nobody needs the variants: check)
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100), time);
        ImageCatalog? done = null;
        try
        {
            // Pages first: the encoders start once the startup snapshot is published (at most
            // StartupGrace later), so the first visitors after a start get the processor; until
            // then the originals are served.
            await Task.WhenAny(store.StartupPublished, Task.Delay(StartupGrace, time, stoppingToken));
            while (true)
            {
                // Stopped while waiting or while making: end here. (A cancelled run leaves `done` unset, so
                // without this the loop would plan the same catalog again and again, never reaching a wait.)
                stoppingToken.ThrowIfCancellationRequested();
                var latest = store.Peek?.Images;
                if (latest is null || ReferenceEquals(latest, done))
                {
                    await timer.WaitForNextTickAsync(stoppingToken);
                    continue;
                }

                using var superseded = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var work = MakeAsync(latest, superseded.Token);
                while (!work.IsCompleted)
                {
                    // A newer snapshot makes the rest of this one's work pointless.
                    await Task.WhenAny(work, Task.Delay(TimeSpan.FromMilliseconds(100), time, stoppingToken));
                    if (!ReferenceEquals(store.Peek?.Images, latest))
                    {
                        await superseded.CancelAsync();
                    }
                }

                await work;
                if (!superseded.IsCancellationRequested)
                {
                    done = latest;
                    Volatile.Write(ref _done, latest);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task MakeAsync(ImageCatalog catalog, CancellationToken cancellation)
    {
        // One decode per (source, width, shape); the small ones first.
        var groups = catalog.ByUrl.Values
            .Where(v => !cache.Contains(v) && !_failed.ContainsKey(v.Url))
            .GroupBy(v => (v.SourcePath, v.Key, v.Width, v.Height, v.Shape))
            .OrderBy(g => g.Key.Width)
            .Select(g => g.OrderBy(v => FormatOrder(v.Format)).ToList())
            .ToList();
        if (groups.Count == 0)
        {
            return;
        }

        var started = time.GetTimestamp();
        var count = groups.Sum(g => g.Count);
        logger.LogInformation("Making {Count} image variants ({Concurrency} at a time)", count, options.Value.EffectiveConcurrency);
        try
        {
            await Parallel.ForEachAsync(groups,
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.EffectiveConcurrency, CancellationToken = cancellation },
                (group, token) =>
                {
                    Make(group, token);
                    return ValueTask.CompletedTask;
                });
            logger.LogInformation("Made {Count} image variants in {Seconds:0.0} s", count, time.GetElapsedTime(started).TotalSeconds);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // A newer snapshot came; what is left is planned again from it.
        }
    }

    private void Make(List<ImageVariant> group, CancellationToken cancellation)
    {
        var busy = Interlocked.Increment(ref _busy);
        for (var peak = Volatile.Read(ref _peakBusy); busy > peak; peak = Volatile.Read(ref _peakBusy))
        {
            Interlocked.CompareExchange(ref _peakBusy, busy, peak);
        }

        try
        {
            MakeOne(group, cancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug must not stop the generator (a failed background service would stop the host): the original is served.
            logger.LogError(ex, "Making variants of {Source} failed unexpectedly", group[0].SourcePath);
            Fail(group, ex.Message);
        }
        finally
        {
            Interlocked.Decrement(ref _busy);
        }
    }

    private void MakeOne(List<ImageVariant> group, CancellationToken cancellation)
    {
        var first = group[0];
        byte[] source;
        try
        {
            source = File.ReadAllBytes(Path.Combine(paths.WebRootPath, first.SourcePath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fail(group, $"cannot be read ({ex.Message})");
            return;
        }

        if (VipsImageInspector.Key(source, options.Value) != first.Key)
        {
            // Changed since the snapshot was built: the reload brings its own plan; until then the original is served.
            Fail(group, "the file changed since the content was loaded");
            return;
        }

        try
        {
            encoder.Encode(source, group, (variant, bytes) =>
            {
                Interlocked.Increment(ref _encoded);
                if (cache.Save(variant, bytes) is { } problem)
                {
                    logger.LogWarning("The image cache can no longer be written ({Reason}); variants are kept in memory", problem);
                }
            }, cancellation);
        }
        catch (VariantEncodingException ex)
        {
            Fail(group, ex.Message);
        }
    }

    private void Fail(List<ImageVariant> group, string reason)
    {
        foreach (var variant in group)
        {
            _failed[variant.Url] = reason;
        }

        logger.LogWarning("Could not make variants of {Source} ({Reason}); the original is served instead", group[0].SourcePath, reason);
    }

    private static int FormatOrder(VariantFormat format) => format switch
    {
        VariantFormat.Jpeg or VariantFormat.Png or VariantFormat.Gif => 0,
        VariantFormat.WebP => 1,
        _ => 2,
    };
}
