using System.Net.Sockets;
using System.Text;

namespace ProfileSite.Tests.Support;

/// <summary>
/// HTTP/1.1 over a bare socket: the request goes out byte for byte as written (HttpClient would
/// normalise <c>/../</c>, reject a backslash or a NUL, and fix the method's case), and the whole
/// answer is read until the server closes the connection.
/// </summary>
internal static class RawHttp
{
    /// <summary>A GET of <paramref name="target"/> exactly as given, with Connection: close.</summary>
    public static string Get(string target, string method = "GET") =>
        $"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

    public static async Task<RawResponse> SendAsync(Uri server, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // Kestrel may reset a connection it refused after answering; what arrived is the answer.
        }

        return RawResponse.Parse(received.ToArray());
    }
}

/// <summary>A raw answer: status, headers (names lower-cased) and the exact body bytes.</summary>
internal sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body, byte[] Raw)
{
    public string Text => Encoding.UTF8.GetString(Raw);

    public static RawResponse Parse(byte[] raw)
    {
        var end = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(end > 0, $"no complete response head in {raw.Length} bytes: {Encoding.Latin1.GetString(raw)}");
        var head = Encoding.Latin1.GetString(raw, 0, end).Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return new RawResponse(status, headers, raw[(end + 4)..], raw);
    }
}
