using System.Net.Sockets;
using System.Text;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Hosting;

/// <summary>SIGTERM as docker stop sends it: stop accepting, finish what is in flight, exit cleanly.</summary>
public sealed class ShutdownTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task Sigterm_StopsAccepting_AndLetsARequestInFlightFinish()
    {
        // A download far larger than the socket buffers, read slowly: the server is still writing
        // it when the signal arrives.
        const int Size = 64 * 1024 * 1024;
        var pattern = Encoding.ASCII.GetBytes("0123456789abcdef");
        var bytes = new byte[Size];
        for (var i = 0; i < Size; i += pattern.Length)
        {
            pattern.CopyTo(bytes, i);
        }

        File.WriteAllBytes(Path.Combine(_content.WebRootPath, "large.bin"), bytes);
        await using var app = AppProcess.Start(
            $"--ProfileSite:ContentPath={_content.ContentPath}", $"--ProfileSite:WebRootPath={_content.WebRootPath}",
            "--ProfileSite:ShutdownTimeoutSeconds=60");
        await app.WaitUntilListeningAsync();

        using var client = new TcpClient { ReceiveBufferSize = 16 * 1024 };
        await client.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /large.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (received.Length < 1024 * 1024)
        {
            received.Write(buffer, 0, await stream.ReadAsync(buffer));
        }

        app.Terminate();

        // The listener closes while the download is still going.
        Assert.True(await RefusesConnectionsAsync(app.BaseAddress, TimeSpan.FromSeconds(30)), "still accepting after SIGTERM");

        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            received.Write(buffer, 0, read);
        }

        var response = RawResponse.Parse(received.ToArray());
        Assert.Equal(200, response.Status);
        Assert.Equal(Size, response.Body.Length);
        Assert.True(response.Body.AsSpan().SequenceEqual(bytes), "the body arrived damaged");
        Assert.Equal(0, await app.WaitForExitAsync());
        Assert.Contains("Application is shutting down", app.StandardOutput, StringComparison.Ordinal);
    }

    private static async Task<bool> RefusesConnectionsAsync(Uri server, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(server.Host, server.Port);
            }
            catch (SocketException)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
