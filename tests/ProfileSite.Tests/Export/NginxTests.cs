using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Export;

/// <summary>
/// The export served by a real nginx on 127.0.0.1 with the repository's deploy/nginx/static-site.conf:
/// what a visitor of a static host gets. Skipped (with the reason) only where nginx is not installed;
/// .ci/run installs it.
/// </summary>
[Collection(ExportGroup.Name)]
public sealed class NginxTests(ExportFixture fixture)
{
    [NginxFact]
    public async Task ServedByNginx_EveryRouteAnswers200WithTheExportedBytes()
    {
        await using var nginx = await Nginx.StartAsync(fixture.RootExport);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = nginx.BaseAddress };

        foreach (var file in ExportFixture.Files(fixture.RootExport))
        {
            var route = ExportFixture.RouteOf(file);
            using var response = await client.GetAsync(route);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {route} answered {(int)response.StatusCode}\n{nginx.ErrorLog}");
            Assert.Equal(File.ReadAllBytes(Path.Combine(fixture.RootExport, file)), await response.Content.ReadAsByteArrayAsync());
        }
    }

    [NginxFact]
    public async Task ServedByNginx_FingerprintedFilesAreCachedForAYear_PlainOnesAreNot()
    {
        await using var nginx = await Nginx.StartAsync(fixture.RootExport);
        using var client = new HttpClient { BaseAddress = nginx.BaseAddress };
        var css = fixture.Content.Asset("css/site.css");
        Assert.True(File.Exists(Path.Combine(fixture.RootExport, css.TrimStart('/'))), $"{css} was not exported");

        using var fingerprinted = await client.GetAsync(css);
        using var plain = await client.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, fingerprinted.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", fingerprinted.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Null(plain.Headers.CacheControl);
        Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), await fingerprinted.Content.ReadAsByteArrayAsync());
    }

    [NginxFact]
    public async Task ServedByNginx_UnknownPathIsThe404PageWithStatus404()
    {
        await using var nginx = await Nginx.StartAsync(fixture.RootExport);
        using var client = new HttpClient { BaseAddress = nginx.BaseAddress };

        using var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(fixture.RootExport, "404.html")), await response.Content.ReadAsByteArrayAsync());
    }

    [NginxFact]
    public async Task ServedByNginx_GzipClientsGetTheGzSiblingOfTheSameBytes()
    {
        await using var nginx = await Nginx.StartAsync(fixture.RootExport);
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = nginx.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        using var response = await client.SendAsync(request);
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var body = new MemoryStream();
        await gzip.CopyToAsync(body);

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Equal(File.ReadAllBytes(Path.Combine(fixture.RootExport, "index.html")), body.ToArray());
    }

    [NginxFact]
    public async Task ServedByNginxUnderASubPath_TheLinksOfTheBaseUrlExportResolve()
    {
        // GitHub Pages serves a project site at /repo/: mount the export there and follow its links.
        var mount = Path.Combine(fixture.Content.Root, "nginx-root");
        Directory.CreateDirectory(mount);
        if (!Directory.Exists(Path.Combine(mount, "repo")))
        {
            Directory.CreateSymbolicLink(Path.Combine(mount, "repo"), fixture.SubPathExport);
        }

        await using var nginx = await Nginx.StartAsync(mount);
        using var client = new HttpClient { BaseAddress = nginx.BaseAddress };
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync("/repo/"));
        var local = page.QuerySelectorAll("link[href], img[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Where(u => u.StartsWith('/'))
            .ToList();

        Assert.NotEmpty(local);
        foreach (var url in local)
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        }
    }

    /// <summary>nginx in the foreground as this user, on a free loopback port, with a temp config.</summary>
    private sealed class Nginx : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _dir;

        private Nginx(Process process, string dir, Uri baseAddress)
        {
            _process = process;
            _dir = dir;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public string ErrorLog => File.Exists(Path.Combine(_dir, "error.log")) ? File.ReadAllText(Path.Combine(_dir, "error.log")) : "";

        public static async Task<Nginx> StartAsync(string root)
        {
            var dir = Directory.CreateTempSubdirectory("profilesite-nginx-").FullName;
            var port = AppProcess.FreePort();
            var snippet = Path.Combine(Repository.Root, "deploy", "nginx", "static-site.conf");
            var mimeTypes = File.Exists("/etc/nginx/mime.types") ? "include /etc/nginx/mime.types;" : "";
            File.WriteAllText(Path.Combine(dir, "nginx.conf"), $$"""
                daemon off;
                master_process off;
                worker_processes 1;
                pid {{dir}}/nginx.pid;
                error_log {{dir}}/error.log;
                events { worker_connections 64; }
                http {
                    {{mimeTypes}}
                    access_log off;
                    client_body_temp_path {{dir}}/client_body;
                    proxy_temp_path {{dir}}/proxy;
                    fastcgi_temp_path {{dir}}/fastcgi;
                    uwsgi_temp_path {{dir}}/uwsgi;
                    scgi_temp_path {{dir}}/scgi;
                    server {
                        listen 127.0.0.1:{{port}};
                        root {{root}};
                        include {{snippet}};
                    }
                }
                """);
            var info = new ProcessStartInfo(NginxFactAttribute.Executable!)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "-p", dir, "-e", Path.Combine(dir, "error.log"), "-c", Path.Combine(dir, "nginx.conf") })
            {
                info.ArgumentList.Add(arg);
            }

            var nginx = new Nginx(Process.Start(info)!, dir, new Uri($"http://127.0.0.1:{port}/"));
            await nginx.WaitUntilListeningAsync(port);
            return nginx;
        }

        private async Task WaitUntilListeningAsync(int port)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"nginx exited with {_process.ExitCode}:\n{await _process.StandardError.ReadToEndAsync()}\n{ErrorLog}");
                }

                try
                {
                    using var tcp = new TcpClient();
                    await tcp.ConnectAsync(IPAddress.Loopback, port);
                    return;
                }
                catch (SocketException)
                {
                    await Task.Delay(100);
                }
            }

            throw new TimeoutException($"nginx did not listen on {port} within 30 s.\n{ErrorLog}");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            try
            {
                Directory.Delete(_dir, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS temp cleaner.
            }
        }
    }
}

/// <summary>A test that needs nginx: skipped, saying why, when it is not installed.</summary>
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute()
    {
        if (Executable is null)
        {
            Skip = "nginx is not installed (apt-get install nginx); .ci/run installs it so CI runs these tests";
        }
    }

    public static string? Executable { get; } =
        new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx", "/usr/local/bin/nginx" }.FirstOrDefault(File.Exists);
}
