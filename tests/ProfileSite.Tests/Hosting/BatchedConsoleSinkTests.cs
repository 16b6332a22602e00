using System.Text;
using ProfileSite.Hosting;
using Serilog;
using Serilog.Formatting.Display;

namespace ProfileSite.Tests.Hosting;

/// <summary>The request log's writer: every line once, in order, in few writes, and never dropped.</summary>
public sealed class BatchedConsoleSinkTests
{
    private static readonly MessageTemplateTextFormatter Formatter = new("{Message:lj}{NewLine}");

    [Fact]
    public void ManyThreadsLogging_EveryLineIsWrittenOnce_InEachThreadsOrder()
    {
        var output = new GatedStream();
        const int threads = 8, perThread = 5_000;
        using (var sink = new BatchedConsoleSink(Formatter, output, queueLimit: 16))
        using (var log = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger())
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                for (var i = 0; i < perThread; i++)
                {
                    log.Information("{Thread:l} {Index}", $"t{t}", i);
                }
            });
        }

        var lines = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(threads * perThread, lines.Length);
        foreach (var thread in lines.Select(line => line.Split(' ')).GroupBy(parts => parts[0]))
        {
            Assert.Equal(Enumerable.Range(0, perThread), thread.Select(parts => int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public async Task WhileTheOutputIsStuck_LoggingWaitsAtTheQueuesLimit_AndNoLineIsLost()
    {
        var output = new GatedStream { Open = false };
        using var sink = new BatchedConsoleSink(Formatter, output, queueLimit: 4);
        using var log = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        var logging = Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                log.Information("line {Index}", i);
            }
        });

        // One line is in the stuck write, four are queued: the fifth waits for room.
        await Task.Delay(500);
        Assert.False(logging.IsCompleted);

        output.Release();
        await logging.WaitAsync(TimeSpan.FromSeconds(10));
        sink.Dispose();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"line {i}"), output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void LinesQueuedDuringAWrite_GoOutTogetherInTheNextOne()
    {
        var output = new GatedStream { Open = false };
        using (var sink = new BatchedConsoleSink(Formatter, output, queueLimit: 10_000))
        using (var log = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger())
        {
            // The first line's write is held; the next 999 queue behind it meanwhile.
            for (var i = 0; i < 1_000; i++)
            {
                log.Information("GET /publications responded 200 in 0.1 ms (request {Index})", i);
            }

            output.Release();
        }

        Assert.Equal(1_000, output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // About 48 KB of text: the held write, then a 64 KiB buffer's worth at most twice.
        Assert.InRange(output.Writes, 1, 4);
    }

    [Fact]
    public void OnceDisposed_LoggingNeitherThrowsNorWaits()
    {
        var output = new GatedStream();
        var sink = new BatchedConsoleSink(Formatter, output, queueLimit: 1);
        sink.Dispose();

        var log = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        var started = DateTime.UtcNow;
        for (var i = 0; i < 10; i++)
        {
            log.Information("after the end {Index}", i);
        }

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        Assert.Equal(string.Empty, output.Text);
    }

    [Fact]
    public void AFailingOutput_ReachesSelfLogNotTheCaller_AndLaterLinesAreStillWritten()
    {
        var output = new GatedStream { FailNextWrite = true };
        using (var sink = new BatchedConsoleSink(Formatter, output, queueLimit: 100))
        using (var log = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger())
        {
            log.Information("lost with the failed write");
            SpinWait.SpinUntil(() => !output.FailNextWrite, TimeSpan.FromSeconds(10));
            log.Information("written after it");
        }

        Assert.Equal("written after it\n", output.Text.ReplaceLineEndings("\n"));
    }

    /// <summary>An output whose writes can be held (a stuck terminal or pipe), made to fail once, and counted.</summary>
    private sealed class GatedStream : Stream
    {
        private readonly ManualResetEventSlim _gate = new(true);
        private readonly MemoryStream _bytes = new();

        public bool Open { init => _gate = new ManualResetEventSlim(value); }

        public volatile bool FailNextWrite;

        public int Writes { get; private set; }

        public string Text
        {
            get
            {
                lock (_bytes)
                {
                    return Encoding.UTF8.GetString(_bytes.ToArray());
                }
            }
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Release() => _gate.Set();

        public override void Write(byte[] buffer, int offset, int count)
        {
            _gate.Wait();
            if (FailNextWrite)
            {
                FailNextWrite = false;
                throw new IOException("Broken pipe");
            }

            lock (_bytes)
            {
                Writes++;
                _bytes.Write(buffer, offset, count);
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
