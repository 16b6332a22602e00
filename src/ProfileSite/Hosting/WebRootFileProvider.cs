using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace ProfileSite.Hosting;

/// <summary>
/// The web root as static files see it. <see cref="PhysicalFileProvider"/> already keeps paths
/// inside the root and hides dot-named files, but not files inside dot-named folders
/// (<c>.git/config</c>); this refuses any path with a dot-named segment (except
/// <c>.well-known</c>), a backslash, a colon or a control character before the disk is touched.
/// </summary>
public sealed class WebRootFileProvider(string root) : IFileProvider, IDisposable
{
    private readonly PhysicalFileProvider _inner = new(root, ExclusionFilters.Sensitive);

    public IFileInfo GetFileInfo(string subpath) =>
        IsServable(subpath) ? _inner.GetFileInfo(subpath) : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) =>
        IsServable(subpath) ? _inner.GetDirectoryContents(subpath) : NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => _inner.Watch(filter);

    public void Dispose() => _inner.Dispose();

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
