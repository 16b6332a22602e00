using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Citations;

/// <summary>
/// Remote sources through the real app and a real stub server: numbers appear on the page, and
/// whatever the remote end does wrong, the page keeps the last good numbers and the app stays healthy.
/// </summary>
public sealed class RemoteCitationTests : IAsyncLifetime, IDisposable
{
    private readonly TestContent _content = new();
    private readonly string _dataPath = Directory.CreateTempSubdirectory("profilesite-data-").FullName;
    private StubServer _stub = null!;

    public async Task InitializeAsync()
    {
        _stub = await StubServer.StartAsync();
        _stub.Handler = GsData(citedBy: 500, etag: "\"v1\"");
    }

    public async Task DisposeAsync()
    {
        await _stub.DisposeAsync();
        Directory.Delete(_dataPath, recursive: true);
    }

    public void Dispose() => _content.Dispose();

    private static RequestDelegate GsData(int citedBy, string? etag = null) => async context =>
    {
        if (etag is not null && context.Request.Headers.IfNoneMatch == etag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        if (etag is not null)
        {
            context.Response.Headers.ETag = etag;
        }

        context.Response.ContentType = "application/json";
        var paper = citedBy / 10;
        await context.Response.WriteAsync(
            "{\"citedby\": " + citedBy + ", \"hindex\": 5, \"updated\": \"2025-02-03 04:05:06.7\", " +
            "\"publications\": {\"X:1\": {\"bib\": {\"title\": \"Faster Flows in Sparse Graphs\"}, \"num_citations\": " + paper + "}}}");
    };

    private SiteFactoryWithCitations StartSite(string? siteYaml = null)
    {
        _content.Write("site.yaml", siteYaml ?? $"citations:\n  gs_data: {_stub.BaseAddress}gs_data.json\n");
        return new SiteFactoryWithCitations(_content, _dataPath, _stub.BaseAddress);
    }

    private static async Task<(string? Total, string? Paper)> ReadNumbersAsync(HttpClient client)
    {
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        return (page.QuerySelector(".profile-citations strong")?.TextContent,
                page.QuerySelector("#paper-2024-flows .paper-citations strong")?.TextContent);
    }

    private static async Task<(string? Total, string? Paper)> WaitForNumbersAsync(HttpClient client, string expectedTotal)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var numbers = await ReadNumbersAsync(client);
            if (numbers.Total == expectedTotal || DateTime.UtcNow > deadline)
            {
                return numbers;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the stub has seen <paramref name="count"/> more requests, i.e. refreshes were attempted.</summary>
    private async Task WaitForRequestsAsync(int count)
    {
        var target = _stub.Requests.Count + count;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_stub.Requests.Count < target && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(_stub.Requests.Count >= target, $"expected {count} more requests to the stub");
        await Task.Delay(300); // let the failed attempt finish being handled
    }

    [Fact]
    public async Task RemoteGsData_IsRenderedOnTheServer()
    {
        await using var site = StartSite();
        using var client = site.CreateClient();

        var (total, paper) = await WaitForNumbersAsync(client, "500");

        Assert.Equal(("500", "50"), (total, paper));
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        Assert.Equal("Cited 500 times, h-index 5.", page.QuerySelector(".citation-summary")!.FirstChild!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json'])"));
    }

    public static TheoryData<string> Faults => ["500", "429", "timeout", "slow-body", "malformed", "wrong-types", "huge", "huge-chunked", "redirect-loop"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task RemoteFault_KeepsLastGoodNumbersAndHealth(string fault)
    {
        await using var site = StartSite();
        using var client = site.CreateClient();
        Assert.Equal("500", (await WaitForNumbersAsync(client, "500")).Total);

        var status = site.Services.GetRequiredService<ProfileSite.Citations.RemoteCitationStatus>();
        var faultFrom = DateTimeOffset.UtcNow;
        _stub.Handler = Fault(fault);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(status.Sources.Values.SingleOrDefault()?.LastFailure > faultFrom) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.NotNull(Assert.Single(status.Sources).Value.LastError);
        Assert.Equal(("500", "50"), await ReadNumbersAsync(client));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        _stub.Handler = GsData(citedBy: 640);
        Assert.Equal(("640", "64"), await WaitForNumbersAsync(client, "640")); // recovers by itself
    }

    private static RequestDelegate Fault(string fault) => fault switch
    {
        "500" => context => { context.Response.StatusCode = 500; return Task.CompletedTask; },
        "429" => context => { context.Response.StatusCode = 429; context.Response.Headers.RetryAfter = "1"; return Task.CompletedTask; },
        "timeout" => async context => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted),
        "slow-body" => async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"citedby\": 9", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            await context.Response.WriteAsync("99}", context.RequestAborted);
        },
        "malformed" => context => context.Response.WriteAsync("{\"citedby\": 9999,"),
        "wrong-types" => context => context.Response.WriteAsync("{\"citedby\": \"9999\", \"publications\": []}"),
        "huge" => async context =>
        {
            context.Response.ContentLength = 50L * 1024 * 1024;
            await WriteZerosAsync(context, 50L * 1024 * 1024);
        },
        "huge-chunked" => async context => await WriteZerosAsync(context, 50L * 1024 * 1024),
        "redirect-loop" => context => { context.Response.Redirect("/gs_data.json?again=1"); return Task.CompletedTask; },
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    private static async Task WriteZerosAsync(HttpContext context, long bytes)
    {
        var block = new byte[64 * 1024];
        Array.Fill(block, (byte)' ');
        try
        {
            for (long sent = 0; sent < bytes; sent += block.Length)
            {
                await context.Response.Body.WriteAsync(block, context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The app stopped reading at its size cap, as it should.
        }
    }

    [Fact]
    public async Task ConditionalRequests_SendTheETagBack()
    {
        await using var site = StartSite();
        using var client = site.CreateClient();
        Assert.Equal("500", (await WaitForNumbersAsync(client, "500")).Total);

        await WaitForRequestsAsync(2);

        Assert.Null(_stub.Requests.First().IfNoneMatch);
        Assert.All(_stub.Requests.Skip(1), r => Assert.Equal("\"v1\"", r.IfNoneMatch));
        Assert.Equal(("500", "50"), await ReadNumbersAsync(client)); // 304 keeps what is shown
    }

    [Fact]
    public async Task CacheFile_ShowsNumbersAtOnceAfterARestart()
    {
        await using (var first = StartSite())
        {
            using var client = first.CreateClient();
            Assert.Equal("500", (await WaitForNumbersAsync(client, "500")).Total);
        }

        _stub.Handler = Fault("500");
        await using var second = new SiteFactoryWithCitations(_content, _dataPath, _stub.BaseAddress);
        using var again = second.CreateClient();

        Assert.Equal("500", (await WaitForNumbersAsync(again, "500")).Total);
        Assert.True(File.Exists(Path.Combine(_dataPath, "citations.json")));
    }

    [Fact]
    public async Task OpenAlex_MatchesByDoiAndByTitle()
    {
        _content.Write("publications/2024-flows.md", File.ReadAllText(Path.Combine(_content.ContentPath, "publications/2024-flows.md"))
            .Replace("  arxiv: 2401.00001\n", "  arxiv: 2401.00001\n  doi: 10.1234/FLOWS.2024\n", StringComparison.Ordinal));
        _stub.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            if (context.Request.Path.StartsWithSegments("/authors/A5023888391"))
            {
                Assert.Equal("?mailto=ada%40example.org", context.Request.QueryString.Value);
                await context.Response.WriteAsync("""{"cited_by_count": 321, "summary_stats": {"h_index": 6, "i10_index": 3}, "counts_by_year": []}""");
            }
            else
            {
                await context.Response.WriteAsync("""
                    {"meta": {"next_cursor": null}, "results": [
                      {"doi": "https://doi.org/10.1234/flows.2024", "title": "A different title in OpenAlex", "cited_by_count": 77},
                      {"doi": null, "title": "Cuts and Where to Find Them", "cited_by_count": 5}]}
                    """);
            }
        };
        await using var site = StartSite("citations:\n  openalex: { author: A5023888391, mailto: ada@example.org }\n");
        using var client = site.CreateClient();

        var (total, flows) = await WaitForNumbersAsync(client, "321");
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));

        Assert.Equal(("321", "77"), (total, flows));
        Assert.Contains("OpenAlex", page.QuerySelector(".citation-source")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(_stub.Requests, r => r.PathAndQuery.StartsWith("/works?filter=author.id:A5023888391", StringComparison.Ordinal));
    }

    /// <summary>The site with fast citation settings (small timeouts, one retry, 1 s interval) and a temp data folder.</summary>
    private sealed class SiteFactoryWithCitations(TestContent content, string dataPath, Uri openAlex) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ProfileSite:ContentPath", content.ContentPath);
            builder.UseSetting("ProfileSite:WebRootPath", content.WebRootPath);
            builder.UseSetting("ProfileSite:Citations:DataPath", dataPath);
            builder.UseSetting("ProfileSite:Citations:RefreshInterval", "00:00:01");
            builder.UseSetting("ProfileSite:Citations:AttemptTimeout", "00:00:01");
            builder.UseSetting("ProfileSite:Citations:FetchTimeout", "00:00:03");
            builder.UseSetting("ProfileSite:Citations:Retries", "1");
            builder.UseSetting("ProfileSite:Citations:RetryDelay", "00:00:00.050");
            builder.UseSetting("ProfileSite:Citations:MaxResponseBytes", "1048576");
            builder.UseSetting("ProfileSite:Citations:OpenAlexUrl", openAlex.ToString());
        }
    }
}
