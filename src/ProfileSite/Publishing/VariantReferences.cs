using System.Text;
using System.Text.RegularExpressions;
using ProfileSite.Content.Addresses;
using ProfileSite.Content.Images;

namespace ProfileSite.Publishing;

/// <summary>
/// Part of a published resource's verification: every image variant it names (in <c>src</c>, <c>srcset</c>, icon
/// links, <c>og:image</c>, the manifest, the feed) is one the snapshot planned, so the image pipeline makes it and
/// <c>/variants/</c> answers for it, and is addressed under the site's base path. The URLs are fixed when the
/// content is loaded, so what is verified here stays true while the variants are being made.
/// </summary>
internal static partial class VariantReferences
{
    /// <summary>Null when every variant reference in <paramref name="body"/> is served; else the first that is not.</summary>
    /// <param name="body">The published bytes (HTML, XML or JSON, UTF-8).</param>
    /// <param name="catalog">The variants the snapshot planned.</param>
    /// <param name="addresses">The addresses the resource was built with (base path, public URL).</param>
    public static string? Problem(byte[] body, ImageCatalog catalog, SiteAddresses addresses)
    {
        var text = Encoding.UTF8.GetString(body);
        if (!text.Contains(ImageVariant.UrlPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var authority = addresses.PublicBase is { } publicBase ? publicBase.GetLeftPart(UriPartial.Authority) : null;
        var searched = 0;
        foreach (Match match in Reference().Matches(text))
        {
            // The URL text before the path (scheme, host, base path): back to a delimiter or the previous reference.
            var start = match.Index;
            while (start > searched && !IsDelimiter(text[start - 1]))
            {
                start--;
            }

            searched = match.Index + match.Length;
            var url = text[start..searched];
            var sitePath = match.Value;
            if (!catalog.ByUrl.ContainsKey(sitePath))
            {
                return $"names the image variant {url}, which the content did not plan (nothing would make it)";
            }

            var prefix = text[start..match.Index];
            if (authority is not null && prefix.StartsWith(authority, StringComparison.OrdinalIgnoreCase))
            {
                prefix = prefix[authority.Length..];
            }

            if (prefix != addresses.BasePath)
            {
                return $"names the image variant {url}, which is not under the site's base path '{addresses.BasePath}'";
            }
        }

        return null;
    }

    private static bool IsDelimiter(char c) => char.IsWhiteSpace(c) || c is '"' or '\'' or '<' or '>' or '(' or ')' or ',' or '=';

    /// <summary>
    /// A variant's site path. What comes before it is found by looking back from it: a lazy prefix in the pattern
    /// made every long run of text without a delimiter (a 10,000-letter word in a title) cost its length squared.
    /// </summary>
    [GeneratedRegex("""/variants/[0-9a-f]{16}/[a-z0-9][a-z0-9-]*\.(?:avif|webp|jpg|png|gif)""")]
    private static partial Regex Reference();
}
