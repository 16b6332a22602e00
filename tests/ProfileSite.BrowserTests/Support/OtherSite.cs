using ProfileSite.Tests.Support;

namespace ProfileSite.BrowserTests.Support;

/// <summary>
/// A second app for tests that need content of their own (a right-to-left site, generated text,
/// another language): the built ProfileSite as a real process on 127.0.0.1, serving the shipped
/// web root (its real CSS, JS and images) and a content folder the test writes. Visit it with
/// <see cref="BrowserSite.OpenAsync(View, Uri?)"/>; dispose it to stop it and delete the folder.
/// </summary>
public sealed class OtherSite : IAsyncDisposable
{
    private readonly string _root;
    private readonly AppProcess _app;

    private OtherSite(string root, AppProcess app)
    {
        _root = root;
        _app = app;
    }

    public Uri BaseAddress => _app.BaseAddress;

    public string ContentPath => Path.Combine(_root, "content");

    /// <summary>Copies the shipped example, lets <paramref name="write"/> change its content folder, and starts the app.</summary>
    public static async Task<OtherSite> StartAsync(Action<string> write, params string[] settings)
    {
        Chromium.RequireInstalled();
        var root = Directory.CreateTempSubdirectory("profilesite-other-").FullName;
        CopyDirectory(Path.Combine(Repository.Root, "content"), Path.Combine(root, "content"));
        CopyDirectory(Path.Combine(Repository.Root, "wwwroot"), Path.Combine(root, "wwwroot"));
        write(Path.Combine(root, "content"));
        var app = AppProcess.Start([
            $"--ProfileSite:ContentPath={Path.Combine(root, "content")}", $"--ProfileSite:WebRootPath={Path.Combine(root, "wwwroot")}",
            "--ProfileSite:Reload=false", "--ProfileSite:Security:RequestsPerSecond=0", .. settings]);
        await app.WaitUntilListeningAsync();
        return new OtherSite(root, app);
    }

    /// <summary>Writes a file under the content folder, creating its folder.</summary>
    public static void Write(string contentPath, string relativePath, string text)
    {
        var path = Path.Combine(contentPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner gets it.
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
