using System.Text;
using System.Threading.Channels;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;
using Serilog.Formatting;

namespace ProfileSite.Hosting;

/// <summary>
/// A Serilog sink that writes log lines to standard output in batches: <see cref="Emit"/> only
/// queues the event; one background thread formats whatever has queued up since its last write
/// into a 64 KiB buffer and writes it with one call. Under load that is one <c>write(2)</c> per
/// batch instead of one (and a flush) per line, which is what Serilog.Sinks.Console does (1,607
/// against 34,059 calls in 5 s of the same load: bench/README.md); when idle a line is written as
/// soon as it is queued (no timer).
/// </summary>
/// <remarks>
/// A full queue (<c>queueLimit</c> events) makes the logging request wait for room: a line is
/// never dropped, as with Serilog.Sinks.Async's <c>blockWhenFull</c>. Serilog's own
/// <c>BatchingSink</c> was not used for this: it drops events silently when its queue is full and
/// waits for a timer to fill a batch. The text is Serilog's own (<see cref="ITextFormatter"/>:
/// the output template or a JSON formatter), so lines read exactly as the console sink's without
/// its colours. A failed write (standard output closed) goes to Serilog's SelfLog and the next
/// batch is tried; it never reaches the request.
/// </remarks>
public sealed class BatchedConsoleSink : ILogEventSink, IDisposable
{
    private const int BufferChars = 64 * 1024;

    private readonly ITextFormatter _formatter;
    private readonly Channel<LogEvent> _queue;
    private readonly StreamWriter _writer;
    private readonly Thread _drain;

    /// <summary>Starts the background writer.</summary>
    /// <param name="formatter">Turns one event into its text, newline included.</param>
    /// <param name="output">Where the text goes (standard output in the app); left open on dispose.</param>
    /// <param name="queueLimit">Events held before <see cref="Emit"/> waits for room; at least 1.</param>
    public BatchedConsoleSink(ITextFormatter formatter, Stream output, int queueLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(queueLimit, 1);
        _formatter = formatter;
        _queue = Channel.CreateBounded<LogEvent>(new BoundedChannelOptions(queueLimit)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferChars, leaveOpen: true);

        // Its own thread, not the thread pool: when the queue is full the pool's threads are the
        // ones waiting for room, and the writer must not wait for one of them.
        _drain = new Thread(Drain) { IsBackground = true, Name = "Console log writer" };
        _drain.Start();
    }

    /// <summary>Queues the event; waits only while the queue is full. Ignored once disposed.</summary>
    public void Emit(LogEvent logEvent)
    {
        if (_queue.Writer.TryWrite(logEvent))
        {
            return;
        }

        try
        {
            _queue.Writer.WriteAsync(logEvent).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            // Disposed: the host is stopping and the last lines are already written.
        }
    }

    /// <summary>Writes what is queued, then stops the writer (at most 10 s).</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _drain.Join(TimeSpan.FromSeconds(10));
    }

    private void Drain()
    {
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var logEvent))
            {
                try
                {
                    _formatter.Format(logEvent, _writer);
                }
                catch (Exception ex)
                {
                    SelfLog.WriteLine("The console log writer could not format an event: {0}", ex);
                }
            }

            try
            {
                _writer.Flush();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                SelfLog.WriteLine("The console log writer could not write: {0}", ex);
            }
        }
    }
}
