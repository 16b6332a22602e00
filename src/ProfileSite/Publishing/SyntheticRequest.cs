using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Http.Features;

namespace ProfileSite.Publishing;

/// <summary>
/// Marks a request the publisher made itself and carries the snapshot being published, which the
/// request renders instead of the one currently served (see <see cref="PublishingExtensions"/>).
/// </summary>
public sealed class PublishRenderFeature(SiteContent content)
{
    public SiteContent Content { get; } = content;
}

/// <summary>What one in-process GET answered: status, headers and the whole body.</summary>
public sealed record RenderedResponse(int StatusCode, IHeaderDictionary Headers, byte[] Body)
{
    public string? ContentType => Headers.ContentType.Count > 0 ? Headers.ContentType.ToString() : null;
}

/// <summary>
/// Runs a GET through the app's own pipeline in this process, as Kestrel would hand it over, and
/// captures the answer. The bytes are therefore by construction what a visitor's request renders:
/// same routing, page models, views, endpoints and settings. Only what sits before the publishing
/// middleware (forwarded headers, logging, rate limits) is skipped, since none of it changes a body.
/// </summary>
internal static class SyntheticRequest
{
    public static async Task<RenderedResponse> SendAsync(
        RequestDelegate pipeline, IHttpContextFactory factory, SiteContent content, Uri publicBase, string basePath, string sitePath,
        string? query, string? cookie, CancellationToken cancellation)
    {
        var request = new HttpRequestFeature
        {
            Method = HttpMethods.Get,
            Protocol = "HTTP/1.1",
            Scheme = publicBase.Scheme,
            PathBase = PathString.FromUriComponent(basePath).Value ?? "",
            Path = sitePath,
            QueryString = query is null ? "" : "?" + query,
            RawTarget = basePath + Content.Addresses.SitePath.Encode(sitePath) + (query is null ? "" : "?" + query),
        };
        request.Headers.Host = publicBase.IsDefaultPort ? publicBase.IdnHost : $"{publicBase.IdnHost}:{publicBase.Port}";
        if (cookie is not null)
        {
            request.Headers.Cookie = cookie;
        }

        using var response = new CapturedResponse();
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(request);
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(response);
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = cancellation });
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            ConnectionId = "publish",
            RemoteIpAddress = IPAddress.Loopback,
            LocalIpAddress = IPAddress.Loopback,
        });
        features.Set<IHttpRequestIdentifierFeature>(new HttpRequestIdentifierFeature());
        features.Set(new PublishRenderFeature(content));

        var context = factory.Create(features);
        try
        {
            await pipeline(context);
            await response.CompleteAsync();
            return new RenderedResponse(response.StatusCode, response.Headers, response.Captured());
        }
        finally
        {
            await response.FireCompletedAsync();
            factory.Dispose(context);
        }
    }

    /// <summary>
    /// A response held in memory that behaves like a server's: OnStarting callbacks run (last
    /// registered first) before the first byte or at the end, OnCompleted ones after the request.
    /// </summary>
    private sealed class CapturedResponse : IHttpResponseFeature, IHttpResponseBodyFeature, IDisposable
    {
        private readonly MemoryStream _buffer = new();
        private readonly List<(Func<object, Task> Callback, object State)> _starting = [];
        private readonly List<(Func<object, Task> Callback, object State)> _completed = [];
        private readonly StartingStream _stream;
        private PipeWriter? _writer;

        public CapturedResponse() => _stream = new StartingStream(this);

        public int StatusCode { get; set; } = StatusCodes.Status200OK;

        public string? ReasonPhrase { get; set; }

        public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

        public Stream Body { get; set; } = Stream.Null;

        public bool HasStarted { get; private set; }

        public Stream Stream => _stream;

        public PipeWriter Writer => _writer ??= PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));

        public void OnStarting(Func<object, Task> callback, object state) => _starting.Add((callback, state));

        public void OnCompleted(Func<object, Task> callback, object state) => _completed.Add((callback, state));

        public void DisableBuffering()
        {
        }

        public async Task StartAsync(CancellationToken cancellationToken = default)
        {
            if (HasStarted)
            {
                return;
            }

            HasStarted = true;
            for (var i = _starting.Count - 1; i >= 0; i--)
            {
                await _starting[i].Callback(_starting[i].State);
            }
        }

        public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        {
            await StartAsync(cancellationToken);
            await using var file = File.OpenRead(path);
            file.Seek(offset, SeekOrigin.Begin);
            if (count is { } length)
            {
                var buffer = new byte[length];
                await file.ReadExactlyAsync(buffer, cancellationToken);
                _buffer.Write(buffer);
            }
            else
            {
                await file.CopyToAsync(_buffer, cancellationToken);
            }
        }

        public async Task CompleteAsync()
        {
            if (_writer is not null)
            {
                await _writer.FlushAsync();
            }

            await StartAsync();
        }

        public async Task FireCompletedAsync()
        {
            for (var i = _completed.Count - 1; i >= 0; i--)
            {
                await _completed[i].Callback(_completed[i].State);
            }
        }

        public byte[] Captured() => _buffer.ToArray();

        public void Dispose()
        {
            _stream.Dispose();
            _buffer.Dispose();
        }

        /// <summary>The body stream: starts the response on the first write, as a server does.</summary>
        private sealed class StartingStream(CapturedResponse owner) : Stream
        {
            public override bool CanRead => false;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => owner._buffer.Length;

            public override long Position { get => owner._buffer.Length; set => throw new NotSupportedException(); }

            public override void Flush()
            {
            }

            public override Task FlushAsync(CancellationToken cancellationToken) => owner.StartAsync(cancellationToken);

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count)
            {
                owner.StartAsync().GetAwaiter().GetResult();
                owner._buffer.Write(buffer, offset, count);
            }

            public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            {
                await owner.StartAsync(cancellationToken);
                owner._buffer.Write(buffer.Span);
            }

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        }
    }
}
