using ProfileSite.Content.Loading;

namespace ProfileSite.Content;

/// <summary>The content and web root folders, resolved once at startup.</summary>
public sealed record ContentPaths(string ContentPath, string WebRootPath)
{
    private const string RepositoryMarker = "ProfileSite.sln";

    /// <summary>
    /// A configured path wins. Otherwise folders beside the binary (a published app), else the
    /// nearest repository root above the current directory or the binary (a clone).
    /// </summary>
    public static ContentPaths Resolve(ProfileSiteOptions options, string currentDirectory, string baseDirectory) =>
        new(Resolve(options.ContentPath, "content", currentDirectory, baseDirectory),
            Resolve(options.WebRootPath, "wwwroot", currentDirectory, baseDirectory));

    /// <summary>The loader's options from these folders and the operator's limits: one place for startup, reload and <c>check</c>.</summary>
    /// <param name="options">The operator's settings.</param>
    /// <param name="images">How images are checked (the libvips pipeline when serving); headers only when null.</param>
    public ContentLoadOptions LoadOptions(ProfileSiteOptions options, Content.Images.IImageInspector? images = null) =>
        new(ContentPath, WebRootPath)
        {
            MaxFileBytes = options.MaxContentFileBytes,
            StrictBibliography = options.StrictBibtex,
            Images = images ?? Content.Images.HeaderImageInspector.Instance,
            BasePath = options.BasePath,
        };

    private static string Resolve(string? configured, string folder, string currentDirectory, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, currentDirectory);
        }

        var besideBinary = Path.Combine(baseDirectory, folder);
        if (Directory.Exists(besideBinary))
        {
            return besideBinary;
        }

        foreach (var start in new[] { currentDirectory, baseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, RepositoryMarker)))
                {
                    return Path.Combine(dir.FullName, folder);
                }
            }
        }

        return besideBinary;
    }
}
