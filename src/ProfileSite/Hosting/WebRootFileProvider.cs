using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace ProfileSite.Hosting;

/// <summary>
/// The web root as static files see it. <see cref="PhysicalFileProvider"/> already keeps paths
/// inside the root and hides dot-named files, but not files inside dot-named folders
/// (<c>.git/config</c>); this refuses any path with a dot-named segment (except
/// <c>.well-known</c>), a backslash, a colon or a control character before the disk is touched.
/// Should the operator point the web root at a folder holding the content folder, the content
/// folder stays unserved: its YAML and Markdown sources are never sent raw.
/// </summary>
public sealed class WebRootFileProvider(string root, string? contentPath = null) : IFileProvider, IDisposable
{
    private readonly PhysicalFileProvider _inner = new(root, ExclusionFilters.Sensitive);

    // The content folder as a path under the root ("/site/content/"), when it is inside it.
    private readonly string? _contentUnderRoot = UnderRoot(root, contentPath);

    public IFileInfo GetFileInfo(string subpath) =>
        IsAllowed(subpath) ? _inner.GetFileInfo(subpath) : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) =>
        IsAllowed(subpath) ? _inner.GetDirectoryContents(subpath) : NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => _inner.Watch(filter);

    public void Dispose() => _inner.Dispose();

    private bool IsAllowed(string subpath) =>
        IsServable(subpath)
        && (_contentUnderRoot is null || !("/" + subpath.Trim('/') + "/").StartsWith(_contentUnderRoot, StringComparison.OrdinalIgnoreCase));

    private static string? UnderRoot(string root, string? contentPath)
    {
        if (contentPath is null)
        {
            return null;
        }

        var relative = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(contentPath));
        if (relative == ".")
        {
            return "/"; // the web root is the content folder: nothing is served
        }

        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative);
        return outside ? null : "/" + relative.Replace(Path.DirectorySeparatorChar, '/').Trim('/') + "/";
    }

    /// <summary>True for a plain relative path below the root: no dot-named segment, no <c>\</c>, <c>:</c> or control character.</summary>
    public static bool IsServable(string subpath)
    {
        foreach (var c in subpath)
        {
            if (c is '\\' or ':' || char.IsControl(c))
            {
                return false;
            }
        }

        foreach (var segment in subpath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith('.') && !segment.Equals(".well-known", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
