using ProfileSite.Content.Addresses;

namespace ProfileSite.Publishing;

public static class PublishingExtensions
{
    /// <summary>
    /// The publish stage: a snapshot's responses built once (<see cref="Publisher"/>), compressed
    /// once in the background (<see cref="Compressor"/>), and the request's <see cref="SiteAddresses"/>:
    /// the snapshot's, with the configured public URL or, when <c>url</c> is unset, the request's
    /// scheme and host under the configured base path.
    /// </summary>
    public static IServiceCollection AddSitePublishing(this IServiceCollection services)
    {
        services.AddSingleton<Publisher>();
        services.AddSingleton<Compressor>();
        services.AddScoped(sp =>
        {
            var addresses = sp.GetRequiredService<SiteContent>().Addresses;
            var request = sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request;
            return addresses.PublicBase is not null || request is null
                ? addresses
                : addresses.WithPublicBase(addresses.BaseFor(request.Scheme, request.Host.ToUriComponent()));
        });
        return services;
    }

    /// <summary>
    /// The web root as published: fingerprinted names cached for a year, text files from memory,
    /// precompressed. Before the request log and the rate limit, as static files always were: one
    /// page view's stylesheet and images never count against a visitor.
    /// </summary>
    public static WebApplication UsePublishedFiles(this WebApplication app)
    {
        app.UseMiddleware<PublishedFiles>();
        return app;
    }

    /// <summary>
    /// Pages and documents answered from published bytes; everything after this point renders them.
    /// The publisher renders through exactly that rest of the pipeline, so a published page is by
    /// construction what a request renders. Publishing of the startup snapshot begins once the
    /// server listens: requests that arrive first wait only for their own page.
    /// </summary>
    public static WebApplication UseSitePublishing(this WebApplication app)
    {
        app.UseMiddleware<PublishedPages>();
        var publisher = app.Services.GetRequiredService<Publisher>();
        app.Use(next =>
        {
            publisher.Attach(next);
            return next;
        });

        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() =>
        {
            Hosting.StartupTimeline.Mark("listening");
            _ = Task.Run(() => PublishStartupSnapshotAsync(app.Services, lifetime.ApplicationStopping));
        });
        return app;
    }

    private static async Task PublishStartupSnapshotAsync(IServiceProvider services, CancellationToken stopping)
    {
        var logger = services.GetRequiredService<ILogger<Publisher>>();
        var store = services.GetRequiredService<ContentStore>();
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var errors = await store.AttachAsync(services.GetRequiredService<Publisher>(), services.GetRequiredService<Compressor>());
            if (stopping.IsCancellationRequested)
            {
                return; // stopped before everything was built: nothing is wrong with the content
            }

            Hosting.StartupTimeline.Mark("everything published");
            if (errors.Count == 0)
            {
                logger.LogInformation("Published {Count} pages and documents of {Version} in {Elapsed:0} ms",
                    store.Published?.Primary.Resources.Count, store.Peek?.Version, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                logger.LogInformation("{Timeline}", Hosting.StartupTimeline.Describe());
                return;
            }

            // No last good snapshot to fall back on at startup: what was built is served, the rest is rendered per request.
            foreach (var error in errors)
            {
                logger.LogError("{Problem}", error.ToString());
            }

            services.GetRequiredService<ContentReloadStatus>().Failed(new ReloadFailure([.. errors], 0, DateTimeOffset.UtcNow));
            logger.LogError("{Count} page(s) or document(s) of {Version} could not be published; they are rendered per request", errors.Count, store.Peek?.Version);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Publishing the startup snapshot failed; pages are rendered per request");
        }
    }
}
