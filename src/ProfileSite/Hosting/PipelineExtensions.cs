using ProfileSite.Content;
using ProfileSite.Publishing;

namespace ProfileSite.Hosting;

public static class PipelineExtensions
{
    /// <summary>
    /// Error pages in the site's own look: exceptions re-execute /error/500, and 4xx without a
    /// body re-execute /error/{code}. Visitors never see a stack trace. Methods other than GET
    /// and HEAD get 405 (in the same look) before any page or antiforgery check sees them.
    /// </summary>
    public static WebApplication UseSiteErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler("/error/500");
        app.UseSecurityHeadersAfterErrors();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseReadOnlyMethods();
        return app;
    }

    /// <summary>
    /// Serves the web root the operator configured (not the project folder's wwwroot): files only,
    /// no directory listing, nothing dot-named and nothing outside it (<see cref="WebRootFileProvider"/>).
    /// Published files come first (fingerprinted names, text from memory); the static file server
    /// sends the rest, for a year under a fingerprinted name and briefly under a plain one.
    /// </summary>
    public static WebApplication UseSiteStaticFiles(this WebApplication app)
    {
        app.UsePublishedFiles();
        var paths = app.Services.GetRequiredService<ContentPaths>();
        if (!Directory.Exists(paths.WebRootPath))
        {
            // ContentStartup reports the missing folder and stops the start with a clear message.
            return app;
        }

        var provider = new WebRootFileProvider(paths.WebRootPath, paths.ContentPath);
        app.Environment.WebRootPath = paths.WebRootPath;
        app.Environment.WebRootFileProvider = provider;
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = provider,
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Items.ContainsKey(Images.VariantEndpoint.NotStoredItem) ? "no-store"
                : file.Context.Items.ContainsKey(PublishedFiles.ImmutableItem) ? CachePolicies.Immutable
                : CachePolicies.Brief,
        });
        return app;
    }

    /// <summary>
    /// What renders a page or document that was not answered from published bytes (and what the
    /// publisher renders through): routing after the base path is stripped, then request timeouts.
    /// Authentication and authorization are placed here, after routing, on purpose: MVC registers
    /// their services, and <see cref="WebApplication"/> would otherwise put both middlewares first
    /// in the pipeline, in front of every published page and file that never needs them (they
    /// cost about a tenth of a published page's CPU time; bench/README.md, "Where a request's time goes").
    /// </summary>
    public static WebApplication UseSiteRendering(this WebApplication app)
    {
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestTimeouts();
        return app;
    }
}
