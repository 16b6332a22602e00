using Microsoft.Extensions.Options;
using ProfileSite.Content.Citations;

namespace ProfileSite.Citations;

/// <summary>
/// Refreshes remote citation sources in the background, never on the request path. The cache
/// file is applied first so numbers show at once; then each source is fetched when due. Only a
/// fetch that parses and validates replaces what is shown; a failure is logged with its reason
/// and retried sooner than the regular interval.
/// </summary>
public sealed class CitationRefresher(
    ContentStore store, CitationFetcher fetcher, CitationCache cache, RemoteCitationStatus status,
    IOptions<CitationOptions> options, TimeProvider time, ILogger<CitationRefresher> logger) : BackgroundService
{
    private readonly Dictionary<string, FetchedSource> _fetched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _due = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await WaitForContentAsync(stoppingToken);
        await ApplyCacheAsync();
        var tick = TimeSpan.FromTicks(Math.Min(options.Value.RefreshInterval.Ticks, TimeSpan.FromMinutes(1).Ticks));
        while (!stoppingToken.IsCancellationRequested)
        {
            await RefreshDueSourcesAsync(stoppingToken);
            try
            {
                await Task.Delay(tick, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task WaitForContentAsync(CancellationToken stoppingToken)
    {
        while (!store.IsLoaded && !stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, stoppingToken);
        }
    }

    private IEnumerable<CitationSource> RemoteSources() => store.Current.Site.Citations.Sources.Where(s => s.IsRemote);

    private async Task ApplyCacheAsync()
    {
        var cached = cache.Load();
        var interval = options.Value.RefreshInterval;
        foreach (var source in RemoteSources())
        {
            if (!cached.TryGetValue(source.Key, out var entry))
            {
                continue;
            }

            var (data, error) = CitationFetcher.Parse(source, entry.Bodies);
            if (data is null)
            {
                logger.LogWarning("Ignoring cached citations of {Source}: {Reason}", source.Key, error);
                continue;
            }

            _fetched[source.Key] = entry;
            _due[source.Key] = entry.Fetched + interval;
            await store.SetRemoteCitationsAsync(source.Key, data);
            logger.LogInformation("Citations of {Source} loaded from the cache (fetched {Fetched:u})", source.Key, entry.Fetched);
        }
    }

    private async Task RefreshDueSourcesAsync(CancellationToken stoppingToken)
    {
        foreach (var source in RemoteSources())
        {
            var now = time.GetUtcNow();
            if (_due.TryGetValue(source.Key, out var due) && due > now)
            {
                continue;
            }

            var result = await fetcher.FetchAsync(source, _fetched.GetValueOrDefault(source.Key), now, stoppingToken);
            now = time.GetUtcNow();
            if (result.Error is not null)
            {
                var retry = TimeSpan.FromTicks(Math.Min(options.Value.RefreshInterval.Ticks, TimeSpan.FromMinutes(30).Ticks));
                _due[source.Key] = now + retry;
                status.Failed(source.Key, now, result.Error);
                logger.LogWarning("Citation refresh of {Source} failed: {Reason}; keeping the last good numbers", source.Key, result.Error);
                continue;
            }

            _due[source.Key] = now + options.Value.RefreshInterval;
            status.Succeeded(source.Key, now);
            if (result.NotModified)
            {
                logger.LogInformation("Citations of {Source} not modified", source.Key);
                continue;
            }

            _fetched[source.Key] = result.Source!;
            await store.SetRemoteCitationsAsync(source.Key, result.Data!);
            cache.Save(_fetched);
            logger.LogInformation("Citations of {Source} refreshed: {Total} in total", source.Key, result.Data!.Total);
        }
    }
}
