using System.Globalization;
using System.Text;
using ProfileSite.Content.Addresses;

namespace ProfileSite.Content.Images;

/// <summary>How one image is placed on a page.</summary>
/// <param name="Alt">The alternative text (HTML-encoded here).</param>
/// <param name="CssClass">The <c>class</c> of the <c>&lt;img&gt;</c>, if any.</param>
/// <param name="Priority">
/// True for the image most likely to be the page's Largest Contentful Paint (the avatar on the About page, the
/// figure on a paper page): loaded at once with <c>fetchpriority="high"</c>. Others load lazily.
/// </param>
/// <param name="Title">The <c>title</c> attribute (a Markdown image's title), if any.</param>
public sealed record PictureOptions(string Alt, string? CssClass = null, bool Priority = false, string? Title = null);

/// <summary>
/// Writes a <see cref="ResponsiveImage"/> as HTML: <c>&lt;picture&gt;</c> with a typed <c>&lt;source srcset sizes&gt;</c>
/// per modern format and an <c>&lt;img&gt;</c> with <c>width</c>/<c>height</c> (so the box has its shape before the
/// bytes arrive), <c>alt</c> and <c>decoding="async"</c>; a plain <c>&lt;img&gt;</c> when there are no variants.
/// The one place image markup is written: the views (through <c>_Picture.cshtml</c>) and Markdown both use it.
/// No <c>style</c> attribute, so the strict Content-Security-Policy holds.
/// </summary>
/// <remarks>HTML Living Standard, 4.8.1 "The picture element" and 4.8.4.2 "Responsive images".</remarks>
public static class PictureHtml
{
    /// <param name="image">The picture.</param>
    /// <param name="options">Alt text, class and loading priority.</param>
    /// <param name="addresses">Builds every URL (<see cref="SiteAddresses.Image"/>): variants under the base path, an original fingerprinted.</param>
    public static string Write(ResponsiveImage image, PictureOptions options, SiteAddresses addresses)
    {
        var html = new StringBuilder(256);
        var picture = !image.Sources.IsEmpty;
        if (picture)
        {
            html.Append("<picture>");
            foreach (var source in image.Sources)
            {
                html.Append("<source type=\"").Append(source.Type).Append('"');
                Attribute(html, "srcset", Srcset(source.Candidates, addresses));
                Attribute(html, "sizes", image.Sizes);
                html.Append('>');
            }
        }

        html.Append("<img");
        Attribute(html, "src", addresses.Image(image.Src));
        if (picture)
        {
            Attribute(html, "srcset", Srcset(image.Fallback, addresses));
            Attribute(html, "sizes", image.Sizes);
        }

        if (image.Width > 0 && image.Height > 0)
        {
            Attribute(html, "width", image.Width.ToString(CultureInfo.InvariantCulture));
            Attribute(html, "height", image.Height.ToString(CultureInfo.InvariantCulture));
        }

        Attribute(html, "alt", options.Alt);
        Attribute(html, "title", options.Title);
        Attribute(html, "class", options.CssClass);
        if (options.Priority)
        {
            Attribute(html, "fetchpriority", "high");
        }
        else
        {
            Attribute(html, "loading", "lazy");
        }

        Attribute(html, "decoding", "async");
        html.Append('>');
        if (picture)
        {
            html.Append("</picture>");
        }

        return html.ToString();
    }

    private static string Srcset(IEnumerable<SrcsetCandidate> candidates, SiteAddresses addresses) =>
        string.Join(", ", candidates.Select(c => string.Create(CultureInfo.InvariantCulture, $"{addresses.Image(c.Url)} {c.Width}w")));

    private static void Attribute(StringBuilder html, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        html.Append(' ').Append(name).Append("=\"");
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '"' => html.Append("&quot;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                _ => html.Append(c),
            };
        }

        html.Append('"');
    }
}
