using System.Threading.Channels;

namespace ProfileSite.Publishing;

/// <summary>
/// Compresses published bytes in the background, one piece of work at a time so serving keeps
/// the other core: gzip 9 and Brotli 11 take tens of milliseconds a page, which a request never
/// waits for. Until a form is ready the next best is sent (Brotli, then gzip, then the bytes as
/// they are). Work for a snapshot that has been replaced is dropped.
/// </summary>
public sealed class Compressor(ILogger<Compressor> logger) : IDisposable
{
    private readonly Channel<(IEnumerable<Representation> Work, CancellationToken Cancellation)> _queue =
        Channel.CreateUnbounded<(IEnumerable<Representation>, CancellationToken)>(new UnboundedChannelOptions { SingleReader = true });

    private int _started;
    private int _pending;

    /// <summary>Every representation of a site: the device-theme ones first, then light and dark.</summary>
    public void Enqueue(PublishedSite site, CancellationToken cancellation) =>
        Enqueue(Enumerable.Range(0, PublishedResource.Themes.Length)
            .SelectMany(theme => site.Resources.Where(r => theme < r.VariantCount).Select(r => r.Variant(theme)))
            .OfType<Representation>(), cancellation);

    public void Enqueue(IEnumerable<Representation> work, CancellationToken cancellation)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _ = Task.Run(RunAsync, CancellationToken.None);
        }

        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite((work, cancellation)))
        {
            Interlocked.Decrement(ref _pending); // stopping
        }
    }

    /// <summary>Completes when everything queued so far is compressed (for tests and benchmarks that want the final bytes).</summary>
    public async Task IdleAsync(CancellationToken cancellation)
    {
        while (Volatile.Read(ref _pending) > 0)
        {
            await Task.Delay(20, cancellation);
        }
    }

    private async Task RunAsync()
    {
        await foreach (var (work, cancellation) in _queue.Reader.ReadAllAsync())
        {
            try
            {
                foreach (var representation in work)
                {
                    if (cancellation.IsCancellationRequested)
                    {
                        break;
                    }

                    representation.Compress(cancellation);
                }
            }
            catch (OperationCanceledException)
            {
                // A newer snapshot replaced this one.
            }
            catch (Exception ex)
            {
                // The bytes stay servable uncompressed; compression failing is a bug to log, not a reason to stop.
                logger.LogError(ex, "Compressing published bytes failed; they are sent uncompressed");
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    public void Dispose() => _queue.Writer.TryComplete();
}
