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
            Description = "The health endpoint to call (default: http://127.0.0.1:<first ASPNETCORE_HTTP_PORTS port or 8080>/healthz).",
            DefaultValueFactory = _ => DefaultUrl(Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")),
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

    internal static Uri DefaultUrl(string? httpPorts)
    {
        var port = httpPorts?.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return new Uri($"http://127.0.0.1:{(int.TryParse(port, out var p) ? p : 8080)}/healthz");
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
