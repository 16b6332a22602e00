using Microsoft.Extensions.Options;
using ProfileSite.Content.Images;

namespace ProfileSite.Images;

public static class ImageServiceCollectionExtensions
{
    /// <summary>
    /// The image pipeline: settings (<c>ProfileSite:Images</c>), the libvips inspector the loader checks
    /// images with, the encoder, the variant cache (on disk, else in memory with one log line) and the
    /// background generator (whose progress <c>/healthz</c> and <c>/readyz</c> report as <c>images</c>).
    /// </summary>
    public static IServiceCollection AddSiteImages(this IServiceCollection services)
    {
        services.AddOptions<ImageOptions>()
            .BindConfiguration(ImageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ImageOptions>>().Value);
        services.AddSingleton<IImageInspector>(sp => Inspector(sp.GetRequiredService<ImageOptions>(), sp.GetRequiredService<ILogger<VipsImageInspector>>()));
        services.AddSingleton<VariantEncoder>();
        services.AddSingleton(sp => OpenCache(sp.GetRequiredService<ImageOptions>(), sp.GetRequiredService<ILogger<VariantCache>>()));
        services.AddSingleton<VariantGenerator>();
        services.AddHostedService(sp => sp.GetRequiredService<VariantGenerator>());
        return services;
    }

    /// <summary>The libvips inspector, or headers only when images are turned off or libvips cannot be loaded.</summary>
    public static IImageInspector Inspector(ImageOptions options, ILogger? logger = null)
    {
        if (!options.Enabled)
        {
            return HeaderImageInspector.Instance;
        }

        if (Vips.Unavailable is { } reason)
        {
            logger?.LogError("libvips could not be loaded ({Reason}); images are served as they are, without variants", reason);
            return HeaderImageInspector.Instance;
        }

        return new VipsImageInspector(options);
    }

    /// <summary>The folder the cache lives in: the setting, else <c>data/images</c> beside the binary.</summary>
    public static string CacheFolder(ImageOptions options) =>
        string.IsNullOrWhiteSpace(options.CachePath)
            ? Path.Combine(AppContext.BaseDirectory, "data", "images")
            : Path.GetFullPath(options.CachePath);

    private static VariantCache OpenCache(ImageOptions options, ILogger logger)
    {
        var folder = CacheFolder(options);
        var cache = VariantCache.Open(folder, out var problem);
        if (problem is not null)
        {
            logger.LogWarning("Image variants are kept in memory: {Folder} is not writable ({Reason})", folder, problem);
        }

        return cache;
    }
}

