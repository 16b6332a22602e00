using System.Collections.Immutable;
using AngleSharp.Dom;
using ProfileSite.Import.Model;
using ProfileSite.Import.Text;

namespace ProfileSite.Import.AcadHomepage;

/// <summary>
/// The source site's own files the content refers to: images and documents named by a path
/// (<c>images/x.png</c>, <c>./images/x.png</c>, <c>/images/x.png</c>, <c>{{ site.baseurl }}/files/cv.pdf</c>)
/// are copied to the same path under the web root; remote images are left out (the page loads
/// nothing from other hosts), and a path to no file is a note.
/// </summary>
internal sealed class Resources(string root, ImportNotes notes, Func<INode, SourceLine> lineOf) : IResourceResolver
{
    private readonly SortedDictionary<string, FileCopy> _copies = new(StringComparer.Ordinal);

    public ImmutableArray<FileCopy> Copies => [.. _copies.Values];

    /// <summary>A path under the source folder, without <c>./</c> or a leading slash, or null for remote and odd paths.</summary>
    public static string? LocalPath(string written)
    {
        var t = written.Replace(HtmlToMarkdown.LiquidMark.ToString(), "", StringComparison.Ordinal).Trim();
        if (t.Length == 0 || t.StartsWith("//", StringComparison.Ordinal) || t.Contains("://", StringComparison.Ordinal)
            || t.StartsWith('#') || t.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || t.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var cut = t.IndexOfAny(['?', '#']);
        t = (cut >= 0 ? t[..cut] : t).Replace('\\', '/');
        while (t.StartsWith("./", StringComparison.Ordinal))
        {
            t = t[2..];
        }

        t = Uri.UnescapeDataString(t.TrimStart('/'));
        return t.Length == 0 || t.Split('/').Any(s => s is ".." or "." || s.StartsWith('.')) ? null : t;
    }

    /// <summary>Copies an image the profile or a paper names; returns its web path or null (with a note).</summary>
    public string? Image(string written, SourceLine at, string what)
    {
        var path = LocalPath(written);
        if (path is null)
        {
            notes.Dropped(at, $"{what} image '{written}' is not a file of the site (the page loads nothing from other hosts)");
            return null;
        }

        var full = Path.Combine(root, path);
        if (!System.IO.File.Exists(full))
        {
            notes.Warning(at, $"missing image {path} ({what}): the file is not in the site; the path is kept and the image is left out until it exists");
            return path;
        }

        _copies[path] = new FileCopy(full, path);
        return path;
    }

    /// <summary>A site file (a PDF, slides) named by a link: copied, and its site path returned; null when there is no such file.</summary>
    public string? File(string written)
    {
        var path = LocalPath(written);
        if (path is null || !System.IO.File.Exists(Path.Combine(root, path)))
        {
            return null;
        }

        _copies[path] = new FileCopy(Path.Combine(root, path), path);
        return path;
    }

    string? IResourceResolver.Link(string href, IElement element)
    {
        var h = href.Trim();
        if (h.Contains(HtmlToMarkdown.LiquidMark, StringComparison.Ordinal) || h.Length == 0 || h == "#" || h.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            if (h.Contains(HtmlToMarkdown.LiquidMark, StringComparison.Ordinal))
            {
                notes.Dropped(lineOf(element), $"link '{HtmlToMarkdown.PlainText(element)}' built from Liquid: kept as text");
            }

            return null;
        }

        if (h.StartsWith('#'))
        {
            return null; // an anchor of the old page; the new page's ids differ
        }

        if (LinkKind.IsAbsoluteHttpUrl(h) || h.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return h;
        }

        if (File(h) is { } path)
        {
            return "/" + path;
        }

        notes.Dropped(lineOf(element), $"link '{h}' is neither a URL nor a file of the site: kept as text");
        return null;
    }

    string? IResourceResolver.Image(string src, IElement element)
    {
        if (IsBadge(src))
        {
            return null;
        }

        if (LocalPath(src) is null)
        {
            notes.Dropped(lineOf(element), $"remote image '{Shorten(src)}' (the page loads nothing from other hosts)");
            return null;
        }

        var path = LocalPath(src)!;
        if (!System.IO.File.Exists(Path.Combine(root, path)))
        {
            notes.Dropped(lineOf(element), $"image '{path}': no such file in the site");
            return null;
        }

        _copies[path] = new FileCopy(Path.Combine(root, path), path);
        return path;
    }

    /// <summary>Shields, visitor counters and star badges: live images from other hosts, never content.</summary>
    public static bool IsBadge(string src) =>
        src.Contains("shields.io", StringComparison.OrdinalIgnoreCase) || src.Contains("visitorbadge", StringComparison.OrdinalIgnoreCase)
        || src.Contains("badge", StringComparison.OrdinalIgnoreCase) && src.Contains("://", StringComparison.Ordinal)
        || src.Contains("clustrmaps", StringComparison.OrdinalIgnoreCase) || src.Contains("hits.", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The words a static shields.io badge shows, <c>https://img.shields.io/badge/ICLR-2026-blue</c> → "ICLR 2026",
    /// or null for any other image. The path is <c>/badge/label-message-color</c> or <c>/badge/message-color</c>,
    /// where <c>--</c> is a dash, <c>__</c> an underscore and <c>_</c> a space (shields.io, "Static Badge").
    /// </summary>
    public static string? ShieldText(string src)
    {
        if (!Uri.TryCreate(src.Trim(), UriKind.Absolute, out var uri) || !uri.Host.EndsWith("shields.io", StringComparison.OrdinalIgnoreCase)
            || !uri.AbsolutePath.StartsWith("/badge/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = Uri.UnescapeDataString(uri.AbsolutePath["/badge/".Length..]);
        var dot = path.LastIndexOf('.');
        if (dot > path.LastIndexOf('-'))
        {
            path = path[..dot]; // "ICLR-2026-blue.svg"
        }

        var parts = path.Replace("--", "\u0001", StringComparison.Ordinal).Split('-')
            .Select(p => p.Replace('\u0001', '-').Replace("__", "\u0002", StringComparison.Ordinal).Replace('_', ' ').Replace('\u0002', '_').Trim())
            .ToList();
        if (parts.Count < 2)
        {
            return null;
        }

        var words = string.Join(' ', parts[..^1].Where(p => p.Length > 0));
        return words.Length == 0 ? null : words;
    }

    private static string Shorten(string text) => text.Length > 70 ? text[..67] + "..." : text;
}
