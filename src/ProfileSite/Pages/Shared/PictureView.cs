using ProfileSite.Content.Images;

namespace ProfileSite.Pages;

/// <summary>The model of <c>_Picture.cshtml</c>: one image in one place on a page.</summary>
/// <param name="Image">The image as planned for that place (<see cref="WebImage.Picture"/>).</param>
/// <param name="Options">Alt text, class and whether it is the page's likely Largest Contentful Paint.</param>
public sealed record PictureView(ResponsiveImage Image, PictureOptions Options)
{
    public static PictureView Of(WebImage image, ImageRole role, string alt, string? cssClass = null, bool priority = false) =>
        new(image.Picture(role), new PictureOptions(alt, cssClass, priority));
}
