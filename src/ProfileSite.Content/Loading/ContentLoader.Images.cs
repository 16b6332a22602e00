using System.Collections.Frozen;
using ProfileSite.Content.Images;
using ProfileSite.Content.Markdown;
using YamlDotNet.Core;

namespace ProfileSite.Content.Loading;

/// <summary>
/// Images the content references (avatar, paper images, the icon, images in Markdown): each is inspected once
/// per load (a bad one is a warning at the reference and is left out), planned for the places it is shown,
/// and every variant the pages name is collected for the image pipeline.
/// </summary>
public sealed partial class ContentLoader
{
    private readonly List<ImageVariant> _variants = [];
    private readonly Dictionary<string, ImageInspection> _inspections = new(StringComparer.Ordinal);

    /// <summary>Inspects the image at <paramref name="path"/>; null (after <paramref name="problem"/> is called) when it cannot be shown.</summary>
    private WebImage? Inspected(string relative, string path, Action<string> problem)
    {
        if (!_inspections.TryGetValue(path, out var inspection))
        {
            try
            {
                inspection = _options.Images.Inspect(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                inspection = ImageInspection.Bad($"cannot be read ({ex.Message})");
            }

            _inspections[path] = inspection;
        }

        if (inspection.Facts is not { } facts)
        {
            problem(inspection.Problem ?? "cannot be read");
            return null;
        }

        return new WebImage(relative.Replace('\\', '/'), facts.Width > 0 ? facts.Width : null, facts.Height > 0 ? facts.Height : null) { Facts = facts };
    }

    /// <summary>Plans <paramref name="image"/> for each place it is shown, and its link preview.</summary>
    private WebImage Shown(WebImage image, params ImageRole[] roles)
    {
        var pictures = roles.ToFrozenDictionary(role => role, role => ImagePlanner.Plan(image, role));
        foreach (var picture in pictures.Values)
        {
            _variants.AddRange(picture.Variants);
        }

        var preview = ImagePlanner.Preview(image);
        if (preview is not null)
        {
            _variants.Add(preview);
        }

        AddWhole(image);
        return image with { Pictures = pictures, Preview = preview };
    }

    /// <summary>Plans the clean whole copy the original's own address serves (see <see cref="ImagePlanner.Whole"/>).</summary>
    private void AddWhole(WebImage image)
    {
        if (ImagePlanner.Whole(image) is { } whole)
        {
            _variants.Add(whole);
        }
    }

    /// <summary>Plans the icon set (and, for a site without an avatar, the link preview) of the site icon.</summary>
    private WebImage WithIcons(WebImage icon, bool preview)
    {
        var icons = ImagePlanner.Icons(icon);
        _variants.AddRange(icons);
        var withIcons = icon with { Icons = icons };
        AddWhole(icon);
        if (preview && icon.Preview is null && ImagePlanner.Preview(icon) is { } made)
        {
            _variants.Add(made);
            withIcons = withIcons with { Preview = made };
        }

        return withIcons;
    }

    /// <summary>
    /// Writes Markdown images as pictures. The path arrives resolved from the site root by the one link
    /// resolver (<see cref="Addresses.SiteAddresses.ResolveWritten"/>), so <c>images/a.png</c>, <c>./images/a.png</c>
    /// and <c>/images/a.png</c> are one file on every page and under a base path. An image that is not a web root
    /// file or cannot be decoded is a warning at <paramref name="markFor"/>(line, column) and is left out.
    /// </summary>
    /// <param name="markFor">Maps a 1-based line and column in the Markdown text to the position reported.</param>
    /// <param name="file">Where problems are reported.</param>
    /// <param name="prefix">Put before each message, e.g. <c>'text': </c> for a YAML field.</param>
    private MarkdownImageWriter MarkdownImages(Func<int, int, Mark> markFor, SourceFile file, string prefix) =>
        (sitePath, alt, title, line, column) =>
        {
            var relative = sitePath.TrimStart('/');
            var mark = markFor(line, column);
            if (relative.Length == 0 || !_addresses.Assets.TryGet(relative, out var asset))
            {
                file.Warning(mark, $"{prefix}image {relative} does not exist under the web root ({_options.WebRootPath}); the image is left out");
                return "";
            }

            _inputs.Add(asset.FullPath);
            if (Inspected(relative, asset.FullPath, problem => file.Warning(mark, $"{prefix}image {relative} {problem}; the image is left out")) is not { } image)
            {
                return "";
            }

            var picture = ImagePlanner.Plan(image, ImageRole.Prose);
            _variants.AddRange(picture.Variants);
            AddWhole(image);
            return PictureHtml.Write(picture, new PictureOptions(alt, Title: title), _addresses);
        };
    /// <summary>
    /// Gives images named by raw HTML in Markdown (<c>&lt;img src="images/me.jpg"&gt;</c>) the address of their clean
    /// whole copy (same size, upright, no EXIF/GPS/XMP), planned here, so the page never links the original file.
    /// A file that does not exist or cannot be shown is a warning at <paramref name="markFor"/>(line, column) and keeps
    /// its address as written (the owner's markup is not taken apart); other web root files keep theirs too.
    /// </summary>
    private RawHtmlImageWriter RawHtmlImages(Func<int, int, Mark> markFor, SourceFile file, string prefix) =>
        (sitePath, line, column) =>
        {
            var relative = sitePath.TrimStart('/');
            if (ImageFamilies.FromExtension(relative) is ImageFamily.Other or ImageFamily.Svg or ImageFamily.Ico)
            {
                return null; // not a photo (a video's <source>, an icon a browser shows as it is): the link resolver's address
            }

            if (!_addresses.Assets.TryGet(relative, out var asset))
            {
                file.Warning(markFor(line, column), $"{prefix}image {relative} does not exist under the web root ({_options.WebRootPath})");
                return null;
            }

            _inputs.Add(asset.FullPath);
            if (Inspected(relative, asset.FullPath, problem => file.Warning(markFor(line, column), $"{prefix}image {relative} {problem}")) is { } image)
            {
                AddWhole(image);
            }

            return _addresses.Asset(relative);
        };
}
