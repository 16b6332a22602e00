using System.Text.RegularExpressions;
using ProfileSite.Content.Addresses;
using ProfileSite.Content.Images;
using ProfileSite.Publishing;

namespace ProfileSite.Images;

/// <summary>
/// Answers <c>/variants/{key}/{file}</c>: a made variant with <c>Cache-Control: public, max-age=31536000,
/// immutable</c> (its URL names its inputs, so its bytes never change); a variant the pages name that is not
/// made yet with a temporary redirect (<c>no-store</c>) to the best thing there is, never a broken image: a
/// made variant of the same image, else the original. Anything else falls through to the 404 page.
/// It also answers the own address of an image that has variants (<c>/images/me.jpg</c>, plain or fingerprinted)
/// with the image's clean whole copy (<see cref="VariantShape.Whole"/>), so the GPS position, camera and date of a
/// phone photo are not published there either; until that copy is made, with a made variant, and only while
/// nothing of the image is made, with the file itself under <c>no-store</c>.
/// </summary>
public static partial class VariantEndpoint
{
    /// <summary>
    /// Set on a request for an original of which nothing clean is made yet: the static file server sends the
    /// file (it may carry metadata) with <c>Cache-Control: no-store</c>, so no cache keeps it.
    /// </summary>
    public const string NotStoredItem = "ProfileSite.NotStored";

    /// <summary>The address of a variant, before the base path; the one place variant URLs are read.</summary>
    [GeneratedRegex("^/variants/(?<key>[0-9a-f]{16})/(?<file>[a-z0-9][a-z0-9-]{0,120}\\.(?:avif|webp|jpg|png|gif))$")]
    private static partial Regex VariantPath();

    /// <summary>
    /// Serves variants and the originals they stand for. Place before the web root's files (which would send an
    /// original as it is) and after the security headers and error pages; like static files, before the request
    /// log and limits, so one page view's images never count against a visitor.
    /// </summary>
    public static WebApplication UseImageVariants(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            var request = context.Request;
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.Path.Value is not { Length: > 1 } path)
            {
                return next(context);
            }

            if (request.Path.StartsWithSegments(ImageVariant.UrlPrefix.TrimEnd('/'), StringComparison.Ordinal))
            {
                return ServeVariantAsync(context, next);
            }

            // Cheap refusal for page paths, which pass here on every request: an image file's name has a dot.
            return path.Contains('.', StringComparison.Ordinal) ? ServeOriginalAsync(context, next, path[1..]) : next(context);
        });
        return app;
    }

    private static async Task ServeVariantAsync(HttpContext context, RequestDelegate next)
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
            await SendAsync(context, made, key + "/" + file, CachePolicies.Immutable);
            return;
        }

        var content = context.RequestServices.GetRequiredService<SiteContent>();
        if (content.Images.ByUrl.TryGetValue(context.Request.Path.Value!, out var planned))
        {
            // Not made yet (or it failed): something that shows, never stored by anyone.
            var addresses = context.RequestServices.GetRequiredService<SiteAddresses>();
            var substitute = Substitute(planned, content.Images, cache, context.Request.Headers.Accept.ToString());
            Redirect(context, substitute is null ? addresses.Asset(planned.SourcePath) : addresses.Href(substitute.Url));
            return;
        }

        await next(context);
    }

    private static async Task ServeOriginalAsync(HttpContext context, RequestDelegate next, string path)
    {
        var content = context.RequestServices.GetRequiredService<SiteContent>();
        var wholes = content.Images.Wholes;
        var assets = content.Addresses.Assets;
        if (wholes.Count == 0)
        {
            await next(context);
            return;
        }

        string cacheControl;
        if (assets.TryGetFingerprinted(path, out var asset))
        {
            cacheControl = CachePolicies.Immutable;
        }
        else if (assets.TryGet(path, out asset) || assets.TryGetStale(path, out asset))
        {
            cacheControl = CachePolicies.Brief;
        }
        else
        {
            await next(context);
            return;
        }

        if (!wholes.TryGetValue(asset.Path, out var whole))
        {
            await next(context); // not an image the content shows: the web root's file, as it is
            return;
        }

        var cache = context.RequestServices.GetRequiredService<VariantCache>();
        if (cache.Find(whole.Key, whole.FileName) is { } made)
        {
            await SendAsync(context, made, whole.Key + "/" + whole.FileName, cacheControl);
            return;
        }

        if (Substitute(whole, content.Images, cache, context.Request.Headers.Accept.ToString()) is { } substitute)
        {
            Redirect(context, context.RequestServices.GetRequiredService<SiteAddresses>().Href(substitute.Url));
            return;
        }

        // Nothing of this image is made yet (the first moments after a start or an edit): the file, kept by no cache.
        context.Items[NotStoredItem] = true;
        await next(context);
    }

    private static void Redirect(HttpContext context, string location)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status307TemporaryRedirect;
        response.Headers.CacheControl = "no-store";
        response.Headers.Location = location;
    }

    /// <summary>
    /// The nearest made variant of the same image that the browser takes (the original's family always; WebP
    /// and AVIF when it says so in <c>Accept</c>), at least as wide when there is one; null when none is made.
    /// </summary>
    internal static ImageVariant? Substitute(ImageVariant wanted, ImageCatalog catalog, VariantCache cache, string accept)
    {
        if (wanted.Shape == VariantShape.Cover)
        {
            return null; // a crop is not the picture asked for
        }

        return catalog.ByUrl.Values
            .Where(v => v.Key == wanted.Key && v.Shape != VariantShape.Cover && v.Url != wanted.Url && Accepted(v.Format, accept) && cache.Contains(v))
            .OrderBy(v => v.Width < wanted.Width ? 1 : 0)
            .ThenBy(v => Math.Abs(v.Width - wanted.Width))
            .ThenBy(v => v.Format == wanted.Format ? 0 : 1)
            .ThenBy(v => v.Format switch { VariantFormat.Avif => 0, VariantFormat.WebP => 1, _ => 2 })
            .FirstOrDefault();
    }

    private static bool Accepted(VariantFormat format, string accept) => format switch
    {
        VariantFormat.Avif => accept.Contains("image/avif", StringComparison.OrdinalIgnoreCase),
        VariantFormat.WebP => accept.Contains("image/webp", StringComparison.OrdinalIgnoreCase),
        _ => true,
    };

    private static async Task SendAsync(HttpContext context, CachedVariant made, string name, string cacheControl)
    {
        var response = context.Response;
        var etag = $"\"{name.Replace('/', '-')}\"";
        response.Headers.CacheControl = cacheControl;
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
