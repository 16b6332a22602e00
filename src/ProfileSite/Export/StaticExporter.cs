using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ProfileSite.Export;

/// <summary>
/// Crawls the running site over HTTP and writes every answer as a file, so each exported file is by
/// construction the bytes the server sends for that path. Requests carry the public scheme and host
/// (as a reverse proxy on loopback would), so absolute links name the public address.
/// </summary>
/// <param name="client">A client whose base address is the server's loopback address.</param>
/// <param name="publicBase">Where the export will be served from, ending in '/', e.g. https://user.github.io/repo/.</param>
/// <param name="webRootPath">The web root the server serves; every file in it is exported.</param>
/// <param name="log">Where warnings (links that do not answer 200) are written.</param>
internal sealed partial class StaticExporter(HttpClient client, Uri publicBase, string webRootPath, TextWriter log)
{
    /// <summary>Routes other features may serve; each is exported only when it answers 200.</summary>
    private static readonly string[] OptionalSeeds =
        ["/sitemap.xml", "/robots.txt", "/feed.xml", "/publications", "/publications.bib", "/publications.json", "/site.webmanifest"];

    private static readonly string[] TextExtensions =
        [".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".bib", ".webmanifest", ".map", ".ics", ".csv", ".md"];

    /// <summary>The 404 page is what the server answers for a path it does not have.</summary>
    public const string NotFoundFile = "404.html";

    private readonly string _basePath = publicBase.AbsolutePath.TrimEnd('/');
    private readonly Dictionary<string, Page> _pages = new(StringComparer.Ordinal);
    private readonly Queue<(string Path, string? Referrer)> _queue = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>One answer of the server: the site path (below the base path), its body and media type.</summary>
    internal sealed record Page(string SitePath, byte[] Body, string MediaType);

    /// <summary>Crawls the site and writes it to <paramref name="outDir"/>; returns the number of broken same-site links.</summary>
    public async Task<ExportSummary> RunAsync(string outDir, CancellationToken cancellation)
    {
        Enqueue("/", referrer: null);
        foreach (var seed in OptionalSeeds)
        {
            Enqueue(seed, referrer: null);
        }

        foreach (var file in Directory.EnumerateFiles(webRootPath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(webRootPath, file).Split(Path.DirectorySeparatorChar);
            Enqueue("/" + string.Join('/', relative.Select(Uri.EscapeDataString)), referrer: null);
        }

        var broken = 0;
        while (_queue.TryDequeue(out var next))
        {
            var (status, page) = await FetchAsync(next.Path, cancellation);
            if (status != HttpStatusCode.OK)
            {
                if (next.Path == "/")
                {
                    throw new InvalidOperationException($"The home page answered {(int)status}; nothing to export.");
                }

                // Optional routes of features that are not there are simply not exported; a link
                // found in the site or a web root file the server will not serve is worth a line.
                if (next.Referrer is not null)
                {
                    broken++;
                    await log.WriteLineAsync($"warning: {next.Path} (linked from {next.Referrer}) answered {(int)status}; not exported");
                }
                else if (!OptionalSeeds.Contains(next.Path))
                {
                    await log.WriteLineAsync($"warning: {next.Path} (web root file) answered {(int)status}; not exported");
                }

                continue;
            }

            _pages[next.Path] = page!;
            foreach (var link in Links(page!))
            {
                Enqueue(link, next.Path);
            }
        }

        // Whatever the server answers for a missing path; GitHub Pages, Netlify and the nginx
        // config in the README serve it for unknown paths.
        var (_, notFound) = await FetchAsync("/" + NotFoundFile, cancellation);
        var files = _pages.Values.Select(p => (File: FileFor(p), p.Body, Text: IsText(p)))
            .Append((File: NotFoundFile, notFound!.Body, Text: true))
            .DistinctBy(f => f.File, StringComparer.Ordinal)
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ToList();

        var compressed = 0;
        foreach (var (file, body, text) in files)
        {
            var path = Path.GetFullPath(Path.Combine(outDir, file));
            if (!path.StartsWith(Path.GetFullPath(outDir) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"'{file}' would be written outside {outDir}.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, body, cancellation);
            if (text)
            {
                await File.WriteAllBytesAsync(path + ".gz", Gzip(body), cancellation);
                await File.WriteAllBytesAsync(path + ".br", Brotli(body), cancellation);
                compressed++;
            }
        }

        return new ExportSummary(files.Count, compressed, broken);
    }

    /// <summary>
    /// The file a path is written to, so static hosts serve it at the same address without
    /// configuration: <c>/</c> is index.html, an extension-less HTML page <c>/publications</c> is
    /// publications/index.html (served at /publications/, and at /publications by a redirect or
    /// the README's nginx try_files), anything else keeps its path.
    /// </summary>
    internal static string FileFor(Page page)
    {
        var path = Uri.UnescapeDataString(page.SitePath.TrimStart('/'));
        if (path.Length == 0 || path.EndsWith('/'))
        {
            return path + "index.html";
        }

        var lastSegment = path[(path.LastIndexOf('/') + 1)..];
        return !lastSegment.Contains('.', StringComparison.Ordinal) && page.MediaType == "text/html" ? path + "/index.html" : path;
    }

    internal static bool IsText(Page page) =>
        page.MediaType.StartsWith("text/", StringComparison.Ordinal)
        || page.MediaType.Contains("json", StringComparison.Ordinal)
        || page.MediaType.Contains("xml", StringComparison.Ordinal)
        || page.MediaType.Contains("javascript", StringComparison.Ordinal)
        || TextExtensions.Contains(Path.GetExtension(page.SitePath), StringComparer.OrdinalIgnoreCase);

    /// <summary>Deterministic gzip: the same bytes for the same input (no name, no timestamp in the header).</summary>
    internal static byte[] Gzip(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }

    internal static byte[] Brotli(byte[] body)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            brotli.Write(body);
        }

        return output.ToArray();
    }

    private void Enqueue(string sitePath, string? referrer)
    {
        if (_seen.Add(sitePath))
        {
            _queue.Enqueue((sitePath, referrer));
        }
    }

    private async Task<(HttpStatusCode Status, Page? Page)> FetchAsync(string sitePath, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _basePath + sitePath);
        // What a TLS-terminating proxy on loopback sends: the app then builds links for the public address.
        request.Headers.Host = publicBase.Authority;
        request.Headers.Add("X-Forwarded-Proto", publicBase.Scheme);
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");
        using var response = await client.SendAsync(request, cancellation);
        var body = await response.Content.ReadAsByteArrayAsync(cancellation);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
        return (response.StatusCode, new Page(sitePath, body, mediaType));
    }

    /// <summary>Same-site paths a page refers to: href/src/srcset in HTML and SVG, url() in CSS, absolute URLs anywhere.</summary>
    private IEnumerable<string> Links(Page page)
    {
        if (!IsText(page))
        {
            yield break;
        }

        var text = Encoding.UTF8.GetString(page.Body);
        var pageUrl = new Uri(publicBase, page.SitePath.TrimStart('/'));
        var candidates = Attribute().Matches(text)
            .SelectMany(m => m.Groups["name"].Value.Equals("srcset", StringComparison.OrdinalIgnoreCase)
                ? WebUtility.HtmlDecode(m.Groups["value"].Value).Split(',').Select(c => c.Trim().Split(' ')[0])
                : [WebUtility.HtmlDecode(m.Groups["value"].Value).Trim()])
            .Concat(CssUrl().Matches(text).Select(m => m.Groups["value"].Value.Trim()))
            .Concat(JsonUrl().Matches(text).Select(m => m.Groups["value"].Value))
            .Concat(AbsoluteUrl().Matches(text).Select(m => WebUtility.HtmlDecode(m.Value)));

        foreach (var candidate in candidates)
        {
            if (candidate.Length == 0 || candidate.StartsWith('#') || candidate.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
                || !Uri.TryCreate(pageUrl, candidate, out var url)
                || url.Scheme != publicBase.Scheme || !string.Equals(url.Authority, publicBase.Authority, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var path = url.AbsolutePath;
            if (path == _basePath)
            {
                yield return "/";
            }
            else if (path.StartsWith(_basePath + "/", StringComparison.Ordinal))
            {
                yield return path[_basePath.Length..];
            }
        }
    }

    [GeneratedRegex("""\s(?<name>href|src|srcset|poster|xlink:href)\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)')""", RegexOptions.IgnoreCase)]
    private static partial Regex Attribute();

    [GeneratedRegex("""url\(\s*["']?(?<value>[^"')]+)["']?\s*\)""")]
    private static partial Regex CssUrl();

    [GeneratedRegex(""""(?:src|href|url|start_url)"\s*:\s*"(?<value>[^"]+)"""")]
    private static partial Regex JsonUrl();

    [GeneratedRegex("""https?://[^\s"'<>()\\]+""")]
    private static partial Regex AbsoluteUrl();
}

/// <summary>What an export wrote.</summary>
internal sealed record ExportSummary(int Files, int Compressed, int BrokenLinks);
