using Microsoft.Extensions.FileProviders;
using ProfileSite.Content;

namespace ProfileSite.Hosting;

public static class PipelineExtensions
{
    /// <summary>
    /// Error pages in the site's own look: exceptions re-execute /error/500, and 4xx without a
    /// body re-execute /error/{code}. Visitors never see a stack trace.
    /// </summary>
    public static WebApplication UseSiteErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }

    /// <summary>Serves the web root the operator configured (not the project folder's wwwroot).</summary>
    public static WebApplication UseSiteStaticFiles(this WebApplication app)
    {
        var paths = app.Services.GetRequiredService<ContentPaths>();
        if (!Directory.Exists(paths.WebRootPath))
        {
            // ContentStartup reports the missing folder and stops the start with a clear message.
            return app;
        }

        var provider = new PhysicalFileProvider(paths.WebRootPath);
        app.Environment.WebRootPath = paths.WebRootPath;
        app.Environment.WebRootFileProvider = provider;
        app.UseStaticFiles(new StaticFileOptions { FileProvider = provider });
        return app;
    }
}
