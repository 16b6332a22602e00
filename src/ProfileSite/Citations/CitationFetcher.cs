using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ProfileSite.Content.Citations;

namespace ProfileSite.Citations;

/// <summary>The validated bodies of a source's last good fetch, with its validators for conditional requests.</summary>
public sealed record FetchedSource(string Key, DateTimeOffset Fetched, string? ETag, string? LastModified, ImmutableArray<string> Bodies);

/// <summary>What a fetch produced: new data, "not modified", or a failure with its reason.</summary>
public sealed record FetchResult(FetchedSource? Source, CitationData? Data, bool NotModified, string? Error)
{
    public static FetchResult Failure(string error) => new(null, null, false, error);
}

/// <summary>
/// Fetches one remote source: conditional GET, a hard size cap, a whole-fetch timeout that also
/// covers slow bodies, and strict parsing. Retries, attempt timeouts and the circuit breaker come
/// from the resilience handler on the named client.
/// </summary>
public sealed class CitationFetcher(IHttpClientFactory clients, IOptions<CitationOptions> options)
{
    public const string ClientName = "citations";

    private CitationOptions Options => options.Value;

    public async Task<FetchResult> FetchAsync(CitationSource source, FetchedSource? previous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.FetchTimeout);
        try
        {
            return source.Kind == CitationSourceKind.OpenAlex
                ? await FetchOpenAlexAsync(source, previous, now, timeout.Token)
                : await FetchGsDataAsync(source, previous, now, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return FetchResult.Failure($"timed out after {Options.FetchTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or Polly.CircuitBreaker.BrokenCircuitException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            return FetchResult.Failure(Describe(ex));
        }
    }

    /// <summary>Parses stored bodies (a fetch or the cache file) with the same strict parsers.</summary>
    public static (CitationData? Data, string? Error) Parse(CitationSource source, ImmutableArray<string> bodies)
    {
        if (bodies.IsEmpty)
        {
            return (null, "no data");
        }

        CitationData? data;
        string? error;
        if (source.Kind == CitationSourceKind.OpenAlex)
        {
            (data, error) = OpenAlexParser.ParseAuthor(System.Text.Encoding.UTF8.GetBytes(bodies[0]));
            var works = new List<(string?, string?, int)>();
            foreach (var page in bodies.Skip(1))
            {
                var (items, _, pageError) = OpenAlexParser.ParseWorks(System.Text.Encoding.UTF8.GetBytes(page));
                if (items is null)
                {
                    return (null, "works: " + pageError);
                }

                works.AddRange(items);
            }

            data = data is null ? null : OpenAlexParser.WithWorks(data, works);
        }
        else
        {
            (data, error, _, _) = GsDataParser.Parse(System.Text.Encoding.UTF8.GetBytes(bodies[0]));
        }

        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u0001', bodies))))[..16];
        return (data is null ? null : data with { Fingerprint = fingerprint }, error);
    }

    private async Task<FetchResult> FetchGsDataAsync(CitationSource source, FetchedSource? previous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var response = await GetAsync(source.Url!, previous, cancellationToken);
        if (response.Error is not null)
        {
            return FetchResult.Failure(response.Error);
        }

        if (response.NotModified)
        {
            return new FetchResult(previous, null, true, null);
        }

        return Complete(source, new FetchedSource(source.Key, now, response.ETag, response.LastModified, [response.Body!]));
    }

    private async Task<FetchResult> FetchOpenAlexAsync(CitationSource source, FetchedSource? previous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mailto = source.Mailto is null ? "" : "mailto=" + Uri.EscapeDataString(source.Mailto);
        var author = await GetAsync(new Uri(Options.OpenAlexUrl, $"authors/{source.OpenAlexAuthor}" + (mailto.Length > 0 ? "?" + mailto : "")), previous, cancellationToken);
        if (author.Error is not null)
        {
            return FetchResult.Failure("author: " + author.Error);
        }

        if (author.NotModified)
        {
            return new FetchResult(previous, null, true, null);
        }

        var bodies = ImmutableArray.CreateBuilder<string>();
        bodies.Add(author.Body!);
        var cursor = "*";
        for (var page = 0; page < Options.MaxOpenAlexPages && cursor is not null; page++)
        {
            var query = $"works?filter=author.id:{source.OpenAlexAuthor}&per-page=200&select=doi,title,cited_by_count&cursor={Uri.EscapeDataString(cursor)}"
                + (mailto.Length > 0 ? "&" + mailto : "");
            var works = await GetAsync(new Uri(Options.OpenAlexUrl, query), null, cancellationToken);
            if (works.Error is not null)
            {
                return FetchResult.Failure("works: " + works.Error);
            }

            var (items, next, error) = OpenAlexParser.ParseWorks(System.Text.Encoding.UTF8.GetBytes(works.Body!));
            if (items is null)
            {
                return FetchResult.Failure("works: " + error);
            }

            bodies.Add(works.Body!);
            cursor = next;
        }

        return Complete(source, new FetchedSource(source.Key, now, author.ETag, author.LastModified, bodies.ToImmutable()));
    }

    private static FetchResult Complete(CitationSource source, FetchedSource fetched)
    {
        var (data, error) = Parse(source, fetched.Bodies);
        return data is null ? FetchResult.Failure("invalid data: " + error) : new FetchResult(fetched, data, false, null);
    }

    private sealed record Response(byte[]? Raw, bool NotModified, string? ETag, string? LastModified, string? Error)
    {
        public string? Body => Raw is null ? null : System.Text.Encoding.UTF8.GetString(Raw);
    }

    private async Task<Response> GetAsync(Uri url, FetchedSource? previous, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (previous?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (previous?.LastModified is { } lastModified
            && DateTimeOffset.TryParse(lastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
        {
            request.Headers.IfModifiedSince = since;
        }

        var client = clients.CreateClient(ClientName);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new Response(null, true, null, null, null);
        }

        if (!response.IsSuccessStatusCode)
        {
            return new Response(null, false, null, null, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd());
        }

        var max = Options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength > max)
        {
            return new Response(null, false, null, null, $"response of {response.Content.Headers.ContentLength:N0} bytes exceeds the {max:N0}-byte limit");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return new Response(null, false, null, null, $"response exceeds the {max:N0}-byte limit");
            }

            buffer.Write(chunk, 0, read);
        }

        return new Response(buffer.ToArray(), false, response.Headers.ETag?.ToString(),
            response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture), null);
    }

    private static string Describe(Exception ex) => ex switch
    {
        Polly.CircuitBreaker.BrokenCircuitException => "circuit open after repeated failures; will try again later",
        Polly.Timeout.TimeoutRejectedException => "timed out",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "could not connect",
        HttpRequestException http when http.Message.Contains("redirect", StringComparison.OrdinalIgnoreCase) => "too many redirects",
        _ => ex.Message,
    };
}
