using System.Collections.Frozen;
using Microsoft.AspNetCore.StaticFiles;

// Serves a ProfileSite export from memory: each file with its .gz and .br siblings, chosen by a
// plain look at Accept-Encoding. index.html answers for its folder (/, /publications).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
var app = builder.Build();

var root = app.Configuration["root"] ?? throw new InvalidOperationException("--root DIR: the export to serve");
var types = new FileExtensionContentTypeProvider();
var files = new Dictionary<string, Entry>(StringComparer.Ordinal);
foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
{
    if (file.EndsWith(".gz", StringComparison.Ordinal) || file.EndsWith(".br", StringComparison.Ordinal))
    {
        continue;
    }

    var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
    var path = relative == "index.html" ? "/"
        : relative.EndsWith("/index.html", StringComparison.Ordinal) ? "/" + relative[..^"/index.html".Length]
        : "/" + relative;
    var type = types.TryGetContentType(file, out var found) ? found : "application/octet-stream";
    files[path] = new Entry(
        File.ReadAllBytes(file),
        File.Exists(file + ".gz") ? File.ReadAllBytes(file + ".gz") : null,
        File.Exists(file + ".br") ? File.ReadAllBytes(file + ".br") : null,
        type == "text/html" ? "text/html; charset=utf-8" : type);
}

var table = files.ToFrozenDictionary(StringComparer.Ordinal);
app.Run(context =>
{
    if (!table.TryGetValue(context.Request.Path.Value ?? "/", out var entry))
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    var accept = context.Request.Headers.AcceptEncoding.ToString();
    var (body, coding) = entry.Brotli is not null && accept.Contains("br", StringComparison.Ordinal) ? (entry.Brotli, "br")
        : entry.Gzip is not null && accept.Contains("gzip", StringComparison.Ordinal) ? (entry.Gzip, "gzip")
        : (entry.Body, null);
    var headers = context.Response.Headers;
    headers.ContentType = entry.ContentType;
    headers.ContentLength = body.Length;
    headers.Vary = "Accept-Encoding";
    if (coding is not null)
    {
        headers.ContentEncoding = coding;
    }

    var write = context.Response.BodyWriter.WriteAsync(body);
    return write.IsCompletedSuccessfully ? Task.CompletedTask : write.AsTask();
});

app.Run();

internal sealed record Entry(byte[] Body, byte[]? Gzip, byte[]? Brotli, string ContentType);
