using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Export;

/// <summary>
/// One content folder exported twice by the real <c>export</c> verb: for the root of a host and
/// for a GitHub Pages project site under /repo. Shared by the export tests (each export starts
/// the app, which costs seconds on a busy CI machine).
/// </summary>
public sealed class ExportFixture : IAsyncLifetime
{
    public const string BaseUrl = "https://user.github.io/repo/";

    public TestContent Content { get; } = new();

    public string RootExport => Path.Combine(Content.Root, "export-root");

    public string SubPathExport => Path.Combine(Content.Root, "export-repo");

    /// <summary>What the export for the root printed.</summary>
    internal AppCommand.Result? RootExportResult { get; private set; }

    public async Task InitializeAsync()
    {
        // A stylesheet with url() and a file in a nested folder: assets beyond the images.
        File.WriteAllText(Path.Combine(Content.WebRootPath, "css", "site.css"), "body { margin: 0; }\n.mark { background: url(\"../images/avatar.png\"); }\n");
        File.WriteAllText(Path.Combine(Content.WebRootPath, "favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        File.WriteAllText(Path.Combine(Content.WebRootPath, "icons.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><symbol id=\"i-location\"/></svg>\n");
        Directory.CreateDirectory(Path.Combine(Content.WebRootPath, "js", "vendor"));
        // The script paper pages load (the copy button): the site's own, as shipped.
        File.Copy(Path.Combine(Repository.Root, "wwwroot", "js", "publication.js"), Path.Combine(Content.WebRootPath, "js", "publication.js"));
        File.WriteAllText(Path.Combine(Content.WebRootPath, "js", "vendor", "copy.js"), "export const copy = 1;\n");

        // Links in the owner's Markdown: one to a web root file, one to a page the site does not have.
        Content.Write("about.md", "I work on graphs. My [CV](/files/cv.txt) and an [old page](/old-page). ![Figure](images/flows.png)\n");
        Directory.CreateDirectory(Path.Combine(Content.WebRootPath, "files"));
        File.WriteAllText(Path.Combine(Content.WebRootPath, "files", "cv.txt"), "Ada Example, CV\n");

        RootExportResult = await Run("--out", RootExport);
        await Run("--out", SubPathExport, "--base-url", BaseUrl);
    }

    public Task DisposeAsync()
    {
        Content.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Every exported file but the compressed siblings, as paths relative to <paramref name="exportDir"/> with '/'.</summary>
    public static IEnumerable<string> Files(string exportDir) =>
        Directory.EnumerateFiles(exportDir, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".gz", StringComparison.Ordinal) && !f.EndsWith(".br", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(exportDir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>The address a file answers for on the server: index.html is its folder, the rest is itself.</summary>
    public static string RouteOf(string file) =>
        file == "index.html" ? "/"
        : file.EndsWith("/index.html", StringComparison.Ordinal) ? "/" + file[..^"/index.html".Length]
        : "/" + file;

    private async Task<AppCommand.Result> Run(params string[] args)
    {
        var result = await AppCommand.RunAsync(
            ["export", .. args, "--content", Content.ContentPath, $"--ProfileSite:WebRootPath={Content.WebRootPath}",
                // The cache the in-memory servers of the tests read (SiteFactory): they answer with the variants the export wrote.
                $"--ProfileSite:Images:CachePath={Path.Combine(Content.Root, "image-cache")}"]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"export failed ({result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}");
        }

        return result;
    }
}

/// <summary>The export tests share one <see cref="ExportFixture"/> (two exports in all).</summary>
[CollectionDefinition(Name)]
public sealed class ExportGroup : ICollectionFixture<ExportFixture>
{
    public const string Name = "Export";
}
