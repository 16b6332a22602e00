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

        return image with { Pictures = pictures, Preview = preview };
    }

    /// <summary>Plans the icon set (and, for a site without an avatar, the link preview) of the site icon.</summary>
    private WebImage WithIcons(WebImage icon, bool preview)
    {
        var icons = ImagePlanner.Icons(icon);
        _variants.AddRange(icons);
        var withIcons = icon with { Icons = icons };
        if (preview && icon.Preview is null && ImagePlanner.Preview(icon) is { } made)
        {
            _variants.Add(made);
            withIcons = withIcons with { Preview = made };
        }

        return withIcons;
    }

    /// <summary>
    /// Writes Markdown images as pictures: the path is taken under the web root (<c>images/a.png</c> and
    /// <c>/images/a.png</c> alike), so the image shows on every page and under a base path. An image that is
    /// missing or cannot be decoded is a warning at <paramref name="markFor"/>(line, column) and is left out.
    /// </summary>
    /// <param name="markFor">Maps a 1-based line and column in the Markdown text to the position reported.</param>
    /// <param name="file">Where problems are reported.</param>
    /// <param name="prefix">Put before each message, e.g. <c>'text': </c> for a YAML field.</param>
    private MarkdownImageWriter MarkdownImages(Func<int, int, Mark> markFor, SourceFile file, string prefix) =>
        (url, alt, title, line, column) =>
        {
            if (WebRootPath(url) is not { } relative)
            {
                return null; // an address MarkdownLinks reports, or not an image of this site
            }

            var mark = markFor(line, column);
            var path = Path.Combine(_options.WebRootPath, relative);
            if (!File.Exists(path))
            {
                file.Warning(mark, $"{prefix}image {relative} does not exist under the web root ({_options.WebRootPath}); the image is left out");
                return "";
            }

            _inputs.Add(path);
            if (Inspected(relative, path, problem => file.Warning(mark, $"{prefix}image {relative} {problem}; the image is left out")) is not { } image)
            {
                return "";
            }

            var picture = ImagePlanner.Plan(image, ImageRole.Prose);
            _variants.AddRange(picture.Variants);
            return PictureHtml.Write(picture, new PictureOptions(alt, Title: title), _options.BasePath.TrimEnd('/'));
        };

    /// <summary>The web root path an image URL names (query and fragment dropped, %-escapes decoded), or null for other addresses.</summary>
    internal static string? WebRootPath(string url)
    {
        var path = url.Trim();
        var end = path.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            path = path[..end];
        }

        if (path.Length == 0 || path.StartsWith("//", StringComparison.Ordinal) || path.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        path = Uri.UnescapeDataString(path).TrimStart('/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        var segments = path.Split('/');
        return path.Length == 0 || path.Contains('\\', StringComparison.Ordinal) || segments.Any(s => s is ".." or "." or "")
            ? null
            : path;
    }
}
