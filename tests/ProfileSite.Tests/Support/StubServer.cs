using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProfileSite.Tests.Support;

/// <summary>
/// A real Kestrel on 127.0.0.1 standing in for a remote service (a gs_data.json host, OpenAlex).
/// Tests swap <see cref="Handler"/> to serve good data or a fault; every request is recorded.
/// </summary>
internal sealed class StubServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubServer(WebApplication app) => _app = app;

    /// <summary>What the next requests get. Replace it at any time.</summary>
    public volatile RequestDelegate Handler = context => { context.Response.StatusCode = 404; return Task.CompletedTask; };

    /// <summary>Each request's path+query and If-None-Match header, in arrival order.</summary>
    public ConcurrentQueue<(string PathAndQuery, string? IfNoneMatch)> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<StubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new StubServer(app);
        app.Run(context =>
        {
            stub.Requests.Enqueue((context.Request.Path + context.Request.QueryString, context.Request.Headers.IfNoneMatch.FirstOrDefault()));
            return stub.Handler(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        stub.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
