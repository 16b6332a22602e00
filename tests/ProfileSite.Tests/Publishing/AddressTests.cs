using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ProfileSite.Content.Addresses;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Publishing;

/// <summary>
/// One address per page. On a fresh server (the real process, requests written byte for byte),
/// every page and document is asked for under random other spellings in random order: each answers
/// 301 to the one address, and the canonical, og:url and JSON-LD of every page stay that address,
/// whatever was asked first, with and without the page cache and under a base path.
/// </summary>
public sealed class AddressTests : IDisposable
{
    private static readonly string[] Pages = ["/", "/publications", "/publications/2024-flows", "/publications/2022-cuts"];
    private static readonly string[] Documents = ["/feed.xml", "/sitemap.xml", "/robots.txt", "/publications.bib", "/publications/2024-flows.bib"];

    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    [Theory]
    [InlineData(true, "", true)]
    [InlineData(false, "", true)]
    [InlineData(true, "/repo", false)]
    [InlineData(false, "/Home Page", false)]
    public async Task EverySpelling_Answers301ToTheOneAddress_AndNeverChangesWhatThatAddressRenders(bool cachePages, string basePath, bool withUrl)
    {
        if (!withUrl)
        {
            _content.Write("site.yaml", "title: Ada Example - Homepage\nlanguage: en\n");
        }

        var seed = Environment.TickCount;
        var random = new Random(seed);
        await using var app = AppProcess.Start(
            $"--ProfileSite:ContentPath={_content.ContentPath}", $"--ProfileSite:WebRootPath={_content.WebRootPath}",
            $"--ProfileSite:CachePages={cachePages}", $"--ProfileSite:BasePath={basePath}", "--ProfileSite:Security:RequestsPerSecond=0");
        await app.WaitUntilListeningAsync();
        var host = $"127.0.0.1:{app.BaseAddress.Port}";
        var encodedBase = SitePath.Encode(basePath);
        var publicBase = withUrl ? "https://ada.example.org/" : $"http://{host}{encodedBase}/";

        var requests = new List<(string Target, string? Expected)>();
        foreach (var path in Pages.Concat(Documents))
        {
            var canonical = encodedBase + SitePath.Encode(path);
            requests.Add((canonical, null));
            foreach (var variant in Variants(path, encodedBase, random))
            {
                var query = random.Next(3) == 0 ? "?utm_source=x" : "";
                requests.Add((variant + query, canonical + query));
            }
        }

        // The poisoning case first: a case variant before anyone asked for the real page.
        requests = [.. requests.Where(r => r.Expected is not null).Take(1), .. requests.OrderBy(_ => random.Next())];
        var context = $"seed {seed}, cache {cachePages}, base '{basePath}'";
        foreach (var (target, expected) in requests)
        {
            var response = await GetAsync(app.BaseAddress, target, host);
            if (expected is null)
            {
                Assert.True(response.Status == 200, $"{target} answered {response.Status} ({context})");
                AssertOneAddress(response, target, encodedBase, publicBase, context);
            }
            else
            {
                Assert.True(response.Status == 301, $"{target} answered {response.Status}, expected 301 to {expected} ({context})");
                Assert.Equal(expected, response.Headers["Location"]);
            }
        }

        // And afterwards, every page still names only itself.
        foreach (var path in Pages)
        {
            var target = encodedBase + SitePath.Encode(path);
            AssertOneAddress(await GetAsync(app.BaseAddress, target, host), target, encodedBase, publicBase, context);
        }
    }

    [Fact]
    public async Task MixedCasePaperAddress_OnAFreshServer_RedirectsInsteadOf404()
    {
        await using var app = AppProcess.Start($"--ProfileSite:ContentPath={_content.ContentPath}", $"--ProfileSite:WebRootPath={_content.WebRootPath}");
        await app.WaitUntilListeningAsync();

        var response = await GetAsync(app.BaseAddress, "/PUBLICATIONS/2024-Flows", $"127.0.0.1:{app.BaseAddress.Port}");

        Assert.Equal(301, response.Status);
        Assert.Equal("/publications/2024-flows", response.Headers["Location"]);
    }

    [Fact]
    public async Task IndexHtml_AskedTheMomentTheServerListens_Answers301_Not404()
    {
        await using var app = AppProcess.Start($"--ProfileSite:ContentPath={_content.ContentPath}", $"--ProfileSite:WebRootPath={_content.WebRootPath}");
        var host = $"127.0.0.1:{app.BaseAddress.Port}";

        // Before "Now listening" is even printed: the first connection Kestrel accepts.
        RawResponse? first = null;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (first is null)
        {
            try
            {
                first = await GetAsync(app.BaseAddress, "/index.html", host);
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(2);
            }
        }

        Assert.True(first.Status == 301, $"/index.html answered {first.Status} right after the start");
        Assert.Equal("/", first.Headers["Location"]);
    }

    /// <summary>Other spellings of one address: case, trailing slash, index.html, percent-escapes, the base path's case or absence.</summary>
    private static HashSet<string> Variants(string path, string basePath, Random random)
    {
        var variants = new HashSet<string>(StringComparer.Ordinal);
        var encoded = SitePath.Encode(path);
        if (!encoded.Equals(encoded.ToUpperInvariant(), StringComparison.Ordinal))
        {
            variants.Add(basePath + encoded.ToUpperInvariant());
            variants.Add(basePath + MixCase(encoded, random));
        }

        if (path != "/")
        {
            variants.Add(basePath + encoded + "/");
            if (!path.Contains('.', StringComparison.Ordinal))
            {
                variants.Add(basePath + encoded + "/index.html");
            }
        }
        else
        {
            variants.Add(basePath + "/index.html");
            variants.Add(basePath + "//");
        }

        var letters = Enumerable.Range(1, encoded.Length - 1).Where(i => char.IsAsciiLetterOrDigit(encoded[i]) || encoded[i] == '-').ToList();
        if (letters.Count > 0)
        {
            var at = letters[random.Next(letters.Count)];
            var hex = ((int)encoded[at]).ToString(random.Next(2) == 0 ? "X2" : "x2", CultureInfo.InvariantCulture);
            variants.Add(basePath + encoded[..at] + "%" + hex + encoded[(at + 1)..]);
        }

        if (basePath.Length > 0)
        {
            variants.Add(basePath.ToUpperInvariant() + encoded);
            variants.Add(encoded);
        }

        variants.Remove(basePath + encoded);
        return variants;
    }

    private static string MixCase(string text, Random random)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiLetter(chars[i]) && random.Next(2) == 0)
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }

        var mixed = new string(chars);
        return mixed.Equals(text, StringComparison.Ordinal) ? text.ToUpperInvariant() : mixed;
    }

    private static void AssertOneAddress(RawResponse response, string target, string encodedBase, string publicBase, string context)
    {
        if (!response.Headers.TryGetValue("Content-Type", out var type) || !type.StartsWith("text/html", StringComparison.Ordinal))
        {
            return;
        }

        var expected = publicBase + target[(encodedBase.Length + 1)..];
        var page = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(response.Body));
        Assert.True(expected == page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), $"canonical of {target} ({context})");
        Assert.True(expected == page.QuerySelector("meta[property='og:url']")?.GetAttribute("content"), $"og:url of {target} ({context})");
        foreach (var block in page.QuerySelectorAll("script[type='application/ld+json']"))
        {
            using var json = JsonDocument.Parse(block.TextContent);
            foreach (var url in Urls(json.RootElement).Where(u => u.StartsWith(publicBase, StringComparison.Ordinal) && !u[publicBase.Length..].Contains('.', StringComparison.Ordinal)))
            {
                // A page's ids are its address (#fragments name things on it).
                Assert.True(url.Split('#')[0] == expected, $"JSON-LD {url} on {target} ({context})");
            }
        }
    }

    private static IEnumerable<string> Urls(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Value.ValueKind == JsonValueKind.String && p.Name is "@id" or "url" ? [p.Value.GetString()!] : Urls(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Urls),
        _ => [],
    };

    private static Task<RawResponse> GetAsync(Uri server, string target, string host) =>
        RawHttp.SendAsync(server, $"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
}
