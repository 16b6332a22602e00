using System.Text;

namespace ProfileSite.Content.Addresses;

/// <summary>
/// Site paths: the part of an address below the base path, always starting with <c>/</c>, kept
/// decoded (<c>/files/my cv.pdf</c>) until an address is written. Encoding follows RFC 3986
/// section 3.3: a segment keeps the unreserved characters and percent-encodes every other octet
/// of its UTF-8 form, so spaces, <c>#</c>, <c>?</c>, <c>%</c> and non-ASCII file names all reach
/// the browser as one unambiguous spelling.
/// </summary>
public static class SitePath
{
    /// <summary>Percent-encodes each segment of a decoded site path; the <c>/</c> separators stay.</summary>
    /// <param name="path">A decoded path such as <c>/images/fig 1.png</c>.</param>
    /// <returns>The encoded path, e.g. <c>/images/fig%201.png</c>.</returns>
    public static string Encode(string path)
    {
        if (IsPlain(path))
        {
            return path;
        }

        var builder = new StringBuilder(path.Length + 16);
        var start = 0;
        while (true)
        {
            var slash = path.IndexOf('/', start);
            var segment = slash < 0 ? path[start..] : path[start..slash];
            builder.Append(Uri.EscapeDataString(segment));
            if (slash < 0)
            {
                return builder.ToString();
            }

            builder.Append('/');
            start = slash + 1;
        }
    }

    /// <summary>
    /// Resolves a path as written (relative <c>images/a.png</c>, <c>./a</c>, <c>../a</c>, or rooted
    /// <c>/a</c>) against the site root, removing dot segments as RFC 3986 section 5.2.4 does; a
    /// <c>..</c> above the root stays at the root. Percent-escapes are decoded, so <c>a%20b</c>
    /// and <c>a b</c> name the same file.
    /// </summary>
    /// <returns>A decoded site path starting with <c>/</c>.</returns>
    public static string Resolve(string written)
    {
        var segments = new List<string>();
        var decoded = Uri.UnescapeDataString(written.Replace('\\', '/'));
        var parts = decoded.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var last = i == parts.Length - 1;
            if (part == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                if (last)
                {
                    segments.Add("");
                }
            }
            else if (part == ".")
            {
                if (last)
                {
                    segments.Add("");
                }
            }
            else if (part.Length > 0 || last)
            {
                segments.Add(part);
            }
        }

        return "/" + string.Join('/', segments);
    }

    /// <summary>
    /// The key under which spellings of one address meet: lower-case, no <c>index.html</c>, no
    /// trailing or doubled <c>/</c>. Two site paths with the same key are the same page.
    /// </summary>
    public static string Key(string path)
    {
        var key = path.ToLowerInvariant();
        while (key.Contains("//", StringComparison.Ordinal))
        {
            key = key.Replace("//", "/", StringComparison.Ordinal);
        }

        foreach (var index in IndexFiles)
        {
            if (key.EndsWith(index, StringComparison.Ordinal))
            {
                key = key[..^(index.Length - 1)];
                break;
            }
        }

        if (key.Length > 1)
        {
            key = key.TrimEnd('/');
        }

        return key.Length == 0 ? "/" : key;
    }

    private static readonly string[] IndexFiles = ["/index.html", "/index.htm"];

    /// <summary>True when no character of the path needs encoding (the common case: slugs, ASCII file names).</summary>
    private static bool IsPlain(string path)
    {
        foreach (var c in path)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '.' or '_' or '~'))
            {
                return false;
            }
        }

        return true;
    }
}
