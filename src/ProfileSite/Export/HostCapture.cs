using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ProfileSite.Export;

/// <summary>
/// Catches the host that <c>serve</c> builds in this process, through the hosting diagnostic events
/// WebApplicationFactory and <c>dotnet ef</c> use too, and reports it once Kestrel listens. The
/// export thereby runs the real pipeline of Program.cs, not a copy that could drift from it.
/// Only hosts built on the async flow that called <see cref="Start"/> are taken.
/// </summary>
internal sealed class HostCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<HostCapture?> Owner = new();
    private readonly TaskCompletionSource<(IHost Host, Uri Address)> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IDisposable> _subscriptions = [];

    private HostCapture()
    {
    }

    /// <summary>Completes with the host and its first listening address once it has started.</summary>
    public Task<(IHost Host, Uri Address)> Listening => _listening.Task;

    public static HostCapture Start()
    {
        var capture = new HostCapture();
        Owner.Value = capture;
        lock (capture._subscriptions)
        {
            capture._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(capture));
        }

        return capture;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.Extensions.Hosting")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != "HostBuilt" || value.Value is not IHost host || !ReferenceEquals(Owner.Value, this))
        {
            return;
        }

        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
        {
            var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses?.FirstOrDefault() is { } address)
            {
                _listening.TrySetResult((host, new Uri(address)));
            }
            else
            {
                _listening.TrySetException(new InvalidOperationException("The server started without an address."));
            }
        });
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }
}
