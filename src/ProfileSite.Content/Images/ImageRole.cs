using System.Collections.Immutable;
using System.Globalization;

namespace ProfileSite.Content.Images;

/// <summary>Where an image is shown; each place has its own widths and <c>sizes</c>.</summary>
public enum ImageRole
{
    /// <summary>The profile photo in the sidebar: 12rem (192 px) wide on a desktop, 5.5rem (88 px) on a phone.</summary>
    Avatar,

    /// <summary>A paper's image on its card: 14rem (224 px) on a desktop, up to 24rem (384 px) across a phone.</summary>
    Card,

    /// <summary>A paper's image on its own page: up to 28rem (448 px), the text column on a phone.</summary>
    Figure,

    /// <summary>An image in Markdown text: up to the text column (52rem), never wider than the image itself.</summary>
    Prose,
}

/// <summary>
/// The widths made for each <see cref="ImageRole"/> and the <c>sizes</c> that tell the browser how wide the
/// image is shown, so it picks the smallest variant that is sharp at the device's pixel density. Both follow
/// <c>wwwroot/css/site.css</c> (breakpoints 40rem and 52rem, 1rem = 16 px); change them together.
/// </summary>
/// <remarks>
/// Widths are 1x and 2x of the desktop size plus the phone's: e.g. the avatar 96/192/384 covers a phone at
/// 1x-2x (88 CSS px), a desktop at 1x (192) and 2x (384). See the HTML standard, "Images" (srcset, sizes).
/// </remarks>
public static class ImageRoles
{
    public static ImmutableArray<int> Widths(ImageRole role) => role switch
    {
        ImageRole.Avatar => [96, 192, 384],
        ImageRole.Card => [224, 448, 672],
        ImageRole.Figure => [448, 672, 896],
        _ => [640, 960, 1280],
    };

    /// <summary>The <c>sizes</c> attribute for an image of <paramref name="intrinsicWidth"/> shown in <paramref name="role"/>.</summary>
    public static string Sizes(ImageRole role, int intrinsicWidth) => role switch
    {
        ImageRole.Avatar => "(max-width: 52rem) 5.5rem, 12rem",
        ImageRole.Card => "(max-width: 40rem) min(24rem, calc(100vw - 4.75rem)), 14rem",
        ImageRole.Figure => "(max-width: 30.5rem) calc(100vw - 2.5rem), 28rem",
        _ => string.Create(CultureInfo.InvariantCulture,
            $"(max-width: 52rem) min({intrinsicWidth}px, calc(100vw - 2.5rem)), min({intrinsicWidth}px, 52rem)"),
    };

    /// <summary>The width of the plain <c>&lt;img src&gt;</c> for browsers without srcset: the desktop 1x size.</summary>
    public static int FallbackWidth(ImageRole role) => Widths(role)[role == ImageRole.Prose ? 0 : 1];
}
