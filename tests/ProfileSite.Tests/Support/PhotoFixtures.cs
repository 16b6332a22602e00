namespace ProfileSite.Tests.Support;

/// <summary>
/// The photo fixtures (<c>shared/fixtures/photos/</c>: phone photos, paper figures and bad images), found beside
/// the clone as CI lays it out (<c>../shared</c>), or in the nearest <c>shared/</c> above it (a worktree).
/// Tests that need them skip with a message where they are absent.
/// </summary>
internal static class PhotoFixtures
{
    public static string? Folder { get; } = Find();

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(Repository.Root).Parent; dir is not null; dir = dir.Parent)
        {
            var photos = System.IO.Path.Combine(dir.FullName, "shared", "fixtures", "photos");
            if (File.Exists(System.IO.Path.Combine(photos, "avatar.jpg")))
            {
                return photos;
            }
        }

        return null;
    }

    /// <summary>The path of one fixture; skips the test when the fixtures are not there.</summary>
    public static string Path(string name)
    {
        Skip.If(Folder is null, $"The photo fixtures (../shared/fixtures/photos beside the repository at {Repository.Root}) are not there.");
        return System.IO.Path.Combine(Folder!, name);
    }

    /// <summary>Copies a fixture into the test's web root under <paramref name="relativePath"/>.</summary>
    public static TestContent CopyPhoto(this TestContent content, string name, string relativePath)
    {
        var target = System.IO.Path.Combine(content.WebRootPath, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.Copy(Path(name), target, overwrite: true);
        return content;
    }
}
