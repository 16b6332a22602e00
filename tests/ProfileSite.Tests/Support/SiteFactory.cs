using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProfileSite.Content;
using ProfileSite.Publishing;

namespace ProfileSite.Tests.Support;

/// <summary>The real app in memory, serving a given content folder. One per test.</summary>
internal sealed class SiteFactory(TestContent content) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ProfileSite:ContentPath", content.ContentPath);
        builder.UseSetting("ProfileSite:WebRootPath", content.WebRootPath);
        builder.UseSetting("ProfileSite:Images:CachePath", SharedImageCache);
        Configure?.Invoke(builder);
    }

    /// <summary>
    /// One variant cache for every site of this test run: variants are named by a hash of their inputs
    /// (ImageVariant.Key), so sites with the same images share them safely and the shipped example's images
    /// are encoded once per run, not once per test. Tests about the cache itself set their own folder.
    /// </summary>
    private static readonly string SharedImageCache = CreateSharedImageCache();

    private static string CreateSharedImageCache()
    {
        var path = Directory.CreateTempSubdirectory("profilesite-test-images-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        };
        return path;
    }

    /// <summary>More settings or test-only services for one test (applied after the content paths).</summary>
    public Action<IWebHostBuilder>? Configure { get; init; }

    /// <summary>
    /// Starts the server if needed and waits until the startup snapshot is published and its bytes
    /// compressed, so the answers are the final ones (publishing runs in the background).
    /// </summary>
    public async Task WaitUntilPublishedAsync()
    {
        _ = Server; // starts the host
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await Services.GetRequiredService<ContentStore>().StartupPublished.WaitAsync(timeout.Token);
        await Services.GetRequiredService<Compressor>().IdleAsync(timeout.Token);
    }

    /// <summary>GETs a page and parses it as a browser would.</summary>
    public async Task<IHtmlDocument> GetDocumentAsync(string path)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var html = await client.GetStringAsync(path);
        return await new HtmlParser().ParseDocumentAsync(html);
    }
}
