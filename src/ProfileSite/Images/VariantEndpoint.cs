using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using ProfileSite.Content.Images;
using ProfileSite.Images;

namespace ProfileSite.Images;

/// <summary>
/// Answers <c>/variants/{key}/{file}</c>: a made variant with <c>Cache-Control: public, max-age=31536000,
/// immutable</c> (its URL names its inputs, so its bytes never change); a variant the pages name that is not
/// made yet with a temporary redirect (<c>no-store</c>) to the best thing there is, never a broken image: a
/// made variant of the same image, else the original. Anything else falls through to the 404 page.
/// </summary>
public static partial class VariantEndpoint
{
    /// <summary>The address of a variant, before the base path; the one place variant URLs are read.</summary>
    [GeneratedRegex("^/variants/(?<key>[0-9a-f]{16})/(?<file>[a-z0-9][a-z0-9-]{0,120}\\.(?:avif|webp|jpg|png|gif))$")]
    private static partial Regex VariantPath();

    /// <summary>Serves variants; place after static files, before the request log and limits (like static files, they are not counted).</summary>
    public static WebApplication UseImageVariants(this WebApplication app)
    {
        app.Use(static (context, next) =>
            context.Request.Path.StartsWithSegments(ImageVariant.UrlPrefix.TrimEnd('/'), StringComparison.Ordinal)
            && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                ? ServeAsync(context, next)
                : next(context));
        return app;
    }

    private static async Task ServeAsync(HttpContext context, RequestDelegate next)
    {
        var match = VariantPath().Match(context.Request.Path.Value ?? "");
        if (!match.Success)
        {
            await next(context);
            return;
        }

        var cache = context.RequestServices.GetRequiredService<VariantCache>();
        var key = match.Groups["key"].Value;
        var file = match.Groups["file"].Value;
        if (cache.Find(key, file) is { } made)
        {
            await SendAsync(context, made, key + "/" + file);
            return;
        }

        var content = context.RequestServices.GetRequiredService<SiteContent>();
        if (content.Images.ByUrl.TryGetValue(context.Request.Path.Value!, out var planned))
        {
            // Not made yet (or it failed): something that shows, never stored by anyone.
            var response = context.Response;
            response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            response.Headers.CacheControl = "no-store";
            response.Headers.Location = context.Request.PathBase + Substitute(planned, content.Images, cache, context.Request.Headers.Accept.ToString());
            return;
        }

        await next(context);
    }

    /// <summary>
    /// The nearest made variant of the same image that the browser takes (the original's family always; WebP
    /// and AVIF when it says so in <c>Accept</c>), at least as wide when there is one; else the original.
    /// </summary>
    internal static string Substitute(ImageVariant wanted, ImageCatalog catalog, VariantCache cache, string accept)
    {
        if (wanted.Shape == VariantShape.Fit)
        {
            var candidates = catalog.ByUrl.Values
                .Where(v => v.Key == wanted.Key && v.Shape == VariantShape.Fit && Accepted(v.Format, accept) && cache.Contains(v))
                .OrderBy(v => v.Width < wanted.Width ? 1 : 0)
                .ThenBy(v => Math.Abs(v.Width - wanted.Width))
                .ThenBy(v => v.Format == wanted.Format ? 0 : 1)
                .ThenBy(v => v.Format switch { VariantFormat.Avif => 0, VariantFormat.WebP => 1, _ => 2 });
            if (candidates.FirstOrDefault() is { } best)
            {
                return best.Url;
            }
        }

        return "/" + string.Join('/', wanted.SourcePath.Split('/').Select(Uri.EscapeDataString));
    }

    private static bool Accepted(VariantFormat format, string accept) => format switch
    {
        VariantFormat.Avif => accept.Contains("image/avif", StringComparison.OrdinalIgnoreCase),
        VariantFormat.WebP => accept.Contains("image/webp", StringComparison.OrdinalIgnoreCase),
        _ => true,
    };

    private static async Task SendAsync(HttpContext context, CachedVariant made, string name)
    {
        var response = context.Response;
        var etag = $"\"{name.Replace('/', '-')}\"";
        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        response.Headers.ETag = etag;
        response.ContentType = ImageVariant.MediaTypeOf(FormatOf(name));
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Contains(etag, StringComparison.Ordinal)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentLength = made.Length;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        if (made.Bytes is { } bytes)
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
        else
        {
            await response.SendFileAsync(made.Path!, context.RequestAborted);
        }
    }

    private static VariantFormat FormatOf(string name) => Path.GetExtension(name) switch
    {
        ".avif" => VariantFormat.Avif,
        ".webp" => VariantFormat.WebP,
        ".png" => VariantFormat.Png,
        ".gif" => VariantFormat.Gif,
        _ => VariantFormat.Jpeg,
    };
}
