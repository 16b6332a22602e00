using System.CommandLine;

namespace ProfileSite.Cli;

public static class HealthcheckCommand
{
    /// <summary>
    /// <c>healthcheck [--url URL]</c>: GETs the running app's <c>/healthz</c> and exits 0 on 200, 1
    /// otherwise. The container's HEALTHCHECK uses it because the runtime image has no curl or wget.
    /// </summary>
    public static RootCommand AddHealthcheckCommand(this RootCommand root)
    {
        var url = new Option<Uri>("--url")
        {
            Description = "The health endpoint to call (default: /healthz on 127.0.0.1 at the port of ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS, else 8080).",
            DefaultValueFactory = _ => DefaultUrl(
                Environment.GetEnvironmentVariable("ASPNETCORE_URLS"), Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")),
            CustomParser = result =>
            {
                if (Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var uri))
                {
                    return uri;
                }

                result.AddError("--url must be an absolute URL, e.g. http://127.0.0.1:8080/healthz");
                return null;
            },
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for the answer.",
            DefaultValueFactory = _ => 3,
        };
        var command = new Command("healthcheck", "Exit 0 when the running site answers its health endpoint with 200.") { url, timeout };
        command.SetAction((result, cancellation) => CheckAsync(result.GetValue(url)!, TimeSpan.FromSeconds(result.GetValue(timeout)), cancellation));
        root.Subcommands.Add(command);
        return root;
    }

    /// <summary>The port the app listens on, as the host reads it: ASPNETCORE_URLS wins over ASPNETCORE_HTTP_PORTS.</summary>
    public static Uri DefaultUrl(string? urls, string? httpPorts)
    {
        static string[] Split(string? list) => list?.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

        // Wildcard hosts (http://+:80, http://*:80) are not URIs until named.
        var fromUrls = Split(urls).Where(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            .Select(u => Uri.TryCreate(u.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri.Port : (int?)null)
            .FirstOrDefault(p => p is not null);
        var fromPorts = Split(httpPorts).Select(p => int.TryParse(p, out var port) ? port : (int?)null).FirstOrDefault(p => p is not null);
        return new Uri($"http://127.0.0.1:{fromUrls ?? fromPorts ?? 8080}/healthz");
    }

    private static async Task<int> CheckAsync(Uri url, TimeSpan timeout, CancellationToken cancellation)
    {
        using var client = new HttpClient { Timeout = timeout };
        try
        {
            using var response = await client.GetAsync(url, cancellation);
            await Console.Out.WriteLineAsync($"{url}: {(int)response.StatusCode} {response.ReasonPhrase}");
            return response.StatusCode == System.Net.HttpStatusCode.OK ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"{url}: {(ex is TaskCanceledException ? $"no answer within {timeout.TotalSeconds:0.#} s" : ex.Message)}");
            return 1;
        }
    }
}
