using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace ProfileSite.Hosting;

public static class CompressionExtensions
{
    /// <summary>
    /// The framework's response compression, Brotli then gzip at the fastest level, for pages,
    /// CSS, JS, SVG, XML feeds and JSON. Over HTTPS too: pages hold no secret a BREACH-style
    /// attack could extract (no tokens, no per-visitor data beyond the theme name).
    /// </summary>
    public static IServiceCollection AddSiteCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["image/svg+xml", "application/atom+xml", "application/manifest+json", "application/x-bibtex", "application/vnd.citationstyles.csl+json"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Outside the page cache, so the cache keeps one plain copy and every client gets its encoding.</summary>
    public static WebApplication UseSiteCompression(this WebApplication app)
    {
        app.UseResponseCompression();
        return app;
    }
}
