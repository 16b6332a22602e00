using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ProfileSite.Tests.Support;
using Serilog.Core;
using Serilog.Events;

namespace ProfileSite.Tests.Hosting;

/// <summary>Error answers: in the site's look, nothing internal, the request id for a 5xx.</summary>
public sealed class ErrorPagesTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task NotFound_IsThe404PageInTheSitesLook()
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/no/such/page.php");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Page not found", page.QuerySelector("main h2")!.TextContent);
        Assert.Equal("Ada Example", page.QuerySelector("aside h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][href^='/css/site.']"));
        Assert.Null(page.QuerySelector(".request-id"));
        AssertNothingInternal(page.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Exception_Gives500PageWithoutExceptionText_AndTheRequestIdOfItsLogLine()
    {
        const string Secret = "secret-failure-marker in /srv/private/config.yaml";
        var sink = new CollectingSink();
        await using var site = new SiteFactory(_content)
        {
            Configure = b => b.ConfigureServices(s =>
            {
                s.AddPageFilter(new ThrowingPageFilter(Secret));
                s.AddSingleton<ILogEventSink>(sink);
            }),
        };
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("Something went wrong", page.QuerySelector("main h2")!.TextContent);
        Assert.Equal("Ada Example", page.QuerySelector("aside h1")!.TextContent);
        Assert.DoesNotContain("secret-failure-marker", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/srv/private", html, StringComparison.Ordinal);
        AssertNothingInternal(html);

        var shownId = page.QuerySelector(".request-id code")!.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(shownId));
        var logLine = Assert.Single(sink.Events, e =>
            e.Properties.TryGetValue("StatusCode", out var code) && code.ToString() == "500" &&
            e.Properties.TryGetValue("RequestPath", out var path) && path.ToString() == "\"/\"");
        Assert.Equal(LogEventLevel.Error, logLine.Level);
        Assert.Equal(shownId, ((ScalarValue)logLine.Properties["RequestId"]).Value);
        Assert.Contains(shownId, logLine.RenderMessage(), StringComparison.Ordinal);
        Assert.Contains(Secret, logLine.Exception!.Message, StringComparison.Ordinal); // the owner sees it, the visitor does not
    }

    [Theory]
    [InlineData("/error/500")]
    [InlineData("/error/404")]
    [InlineData("/error")]
    public async Task ErrorAddress_AskedForDirectly_IsJustNotFound(string path)
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("PUT", "/")]
    [InlineData("DELETE", "/")]
    [InlineData("PATCH", "/")]
    [InlineData("OPTIONS", "/")]
    [InlineData("POST", "/error/404")]
    [InlineData("POST", "/healthz")]
    [InlineData("PUT", "/css/site.css")]
    [InlineData("POST", "/no-such-page")]
    public async Task OtherMethods_Get405WithAllow_InTheSitesLook(string method, string path)
    {
        await using var site = new SiteFactory(_content);
        using var client = site.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("a=1") });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Method not allowed", page.QuerySelector("main h2")!.TextContent);
    }

    private static void AssertNothingInternal(string html)
    {
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ProfileSite.", html, StringComparison.Ordinal);
    }
}
