using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ProfileSite.Content;

public static class ContentServiceCollectionExtensions
{
    /// <summary>
    /// Settings, resolved folders, the snapshot store and the startup load. Each request sees
    /// one snapshot: <see cref="SiteContent"/> is scoped, read from the store once per request,
    /// so a page and its layout never mix two versions; it is the site in the page's language
    /// (<see cref="Localization.PageLanguage"/>), so every page and partial reads that language's text.
    /// </summary>
    public static IServiceCollection AddSiteContent(this IServiceCollection services)
    {
        Hosting.StartupTimeline.Mark("runtime and host configuration");
        services.AddOptions<ProfileSiteOptions>()
            .BindConfiguration(ProfileSiteOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => ContentPaths.Resolve(
            sp.GetRequiredService<IOptions<ProfileSiteOptions>>().Value, Directory.GetCurrentDirectory(), AppContext.BaseDirectory));
        services.AddSingleton<ContentStore>();
        services.AddSingleton<ContentStartup>();
        // A request the publisher makes renders the snapshot being published, not the one served;
        // either way in the language of the page asked for.
        services.AddScoped(sp =>
            (sp.GetService<IHttpContextAccessor>()?.HttpContext?.Features.Get<Publishing.PublishRenderFeature>()?.Content
                ?? sp.GetRequiredService<ContentStore>().Current)
            .In(sp.GetRequiredService<Localization.PageLanguage>().Language));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ContentReloadStatus>();
        services.AddHostedService<ContentReloader>();
        return services;
    }

    /// <summary>Loads and validates the content; throws <see cref="ContentInvalidException"/> with every problem.</summary>
    public static WebApplication LoadSiteContent(this WebApplication app)
    {
        Hosting.StartupTimeline.Mark("host built");
        app.Services.GetRequiredService<ContentStartup>().Load();
        Hosting.StartupTimeline.Mark("content loaded");
        return app;
    }
}
