using System.Text;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Hosting;

/// <summary>
/// The real server (Kestrel on 127.0.0.1, a real process) against what scanners send: traversal
/// in every spelling, dotfiles, content files, malformed requests and other methods, written
/// byte for byte on a socket. Secrets are planted beside the web root, in the content folder and
/// as dotfiles inside the web root; no answer may contain any of them.
/// </summary>
public sealed class RequestCorpusTests(RequestCorpusTests.Server server) : IClassFixture<RequestCorpusTests.Server>
{
    private const string Head = "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

    public static TheoryData<string, string, int> Corpus => new()
    {
        // Path traversal, every spelling
        { "dot-dot", RawHttp.Get("/../secret.txt"), 404 },
        { "deep dot-dot", RawHttp.Get("/../../../../../../etc/passwd"), 404 },
        { "dot-dot into content", RawHttp.Get("/css/../../content/site.yaml"), 404 },
        { "encoded dots", RawHttp.Get("/%2e%2e/secret.txt"), 404 },
        { "encoded dots and slash", RawHttp.Get("/%2e%2e%2fsecret.txt"), 404 },
        { "encoded slash", RawHttp.Get("/..%2fsecret.txt"), 404 },
        { "encoded slashes from a folder", RawHttp.Get("/css/..%2f..%2fsecret.txt"), 404 },
        { "upper-case encoding", RawHttp.Get("/%2E%2E%2Fcontent%2Fsite.yaml"), 404 },
        { "double encoding", RawHttp.Get("/%252e%252e%252fsecret.txt"), 404 },
        { "backslash", RawHttp.Get("/..\\secret.txt"), 404 },
        { "encoded backslash", RawHttp.Get("/%5c..%5csecret.txt"), 404 },
        { "backslash from a folder", RawHttp.Get("/css\\..\\..\\secret.txt"), 404 },
        { "overlong UTF-8 dots", RawHttp.Get("/%c0%ae%c0%ae/secret.txt"), 404 },
        { "overlong UTF-8 slash", RawHttp.Get("/..%c0%afsecret.txt"), 404 },
        { "semicolon segment", RawHttp.Get("/..;/secret.txt"), 404 },
        { "double slash", RawHttp.Get("//etc/passwd"), 404 },
        { "absolute file path", RawHttp.Get("/etc/passwd"), 404 },
        { "null byte", RawHttp.Get("/css/site.css%00.png"), 400 },
        { "null byte at the end", RawHttp.Get("/secret.txt%00"), 400 },
        { "raw null byte", RawHttp.Get("/a\0b"), 400 },
        { "relative target", RawHttp.Get("../secret.txt"), 400 },
        { "absolute-form with dot-dot", RawHttp.Get("http://127.0.0.1/../secret.txt"), 404 },
        { "absolute-form naming another host", RawHttp.Get("http://evil.example/../secret.txt"), 400 },

        // Dotfiles, content files, folders
        { "dotfile", RawHttp.Get("/.env"), 404 },
        { "file in a dot folder", RawHttp.Get("/.git/config"), 404 },
        { "encoded dot folder", RawHttp.Get("/%2egit/config"), 404 },
        { "hidden image", RawHttp.Get("/images/.hidden.png"), 404 },
        { "content file by name", RawHttp.Get("/site.yaml"), 404 },
        { "content folder", RawHttp.Get("/content/profile.yaml"), 404 },
        { "markdown content", RawHttp.Get("/about.md"), 404 },
        { "publication source", RawHttp.Get("/publications/2024-flows.md"), 404 },
        { "folder listing", RawHttp.Get("/css/"), 404 },
        { "folder without slash", RawHttp.Get("/images"), 404 },
        { "file as a folder", RawHttp.Get("/css/site.css/"), 404 },

        // Malformed requests: Kestrel refuses them before the app
        { "garbage line", "GARBAGE\r\n\r\n", 400 },
        { "no Host", "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", 400 },
        { "two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400 },
        { "header without colon", "GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", 400 },
        { "NUL in a header", "GET / HTTP/1.1\r\nHost: a\r\nX-Test: a\0b\r\n\r\n", 400 },
        { "bad Content-Length", "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n", 400 },
        { "space in Host", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400 },
        { "unknown version", "GET / HTTP/9.9\r\nHost: a\r\n\r\n", 505 },
        { "request line too long", RawHttp.Get("/" + new string('a', 5000)), 414 },
        { "too many headers", "GET / HTTP/1.1\r\nHost: a\r\n" + string.Concat(Enumerable.Range(0, 80).Select(i => $"X-H{i}: v\r\n")) + "\r\n", 431 },
        { "headers too large", "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + new string('v', 20_000) + "\r\n\r\n", 431 },

        // Only GET and HEAD: 405 (not 400 from antiforgery, not 200)
        { "POST a form", "POST / HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\nConnection: close\r\n\r\na=1", 405 },
        { "POST a huge body", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 100000000\r\nConnection: close\r\n\r\nabc", 405 },
        { "PUT", RawHttp.Get("/", "PUT"), 405 },
        { "DELETE a file", RawHttp.Get("/css/site.css", "DELETE"), 405 },
        { "TRACE", RawHttp.Get("/", "TRACE"), 405 },
        { "OPTIONS *", RawHttp.Get("*", "OPTIONS"), 405 },
        { "lower-case get", RawHttp.Get("/", "get"), 405 },
        { "made-up method", RawHttp.Get("/", "PROPFIND"), 405 },

        // What must keep working
        { "the page", RawHttp.Get("/"), 200 },
        { "a dot segment that stays inside", RawHttp.Get("/./css/site.css"), 200 },
        { "a dot-dot that stays inside", RawHttp.Get("/images/../css/site.css"), 200 },
        { "a query that looks like traversal", RawHttp.Get("/css/site.css?f=../../secret.txt"), 200 },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Request_GetsItsStatus_AndNoSecret(string name, string request, int status)
    {
        var response = await RawHttp.SendAsync(server.App.BaseAddress, request);

        Assert.True(status == response.Status, $"{name}: expected {status}, got {response.Status}\n{response.Text}");
        foreach (var secret in server.Secrets)
        {
            Assert.True(response.Raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{name}: served '{secret}'");
        }

        Assert.False(response.Headers.ContainsKey("Server"), name);
        if (status == 405)
        {
            Assert.Equal("GET, HEAD", response.Headers["Allow"]);
        }
    }

    [Fact]
    public async Task Head_IsAnsweredLikeGet_WithoutABody()
    {
        var get = await RawHttp.SendAsync(server.App.BaseAddress, RawHttp.Get("/"));
        var head = await RawHttp.SendAsync(server.App.BaseAddress, RawHttp.Get("/", "HEAD"));

        Assert.Equal(200, head.Status);
        Assert.Empty(head.Body);
        Assert.NotEmpty(get.Body);
        Assert.Equal(get.Headers["Content-Type"], head.Headers["Content-Type"]);
        Assert.Equal(get.Headers["ETag"], head.Headers["ETag"]);
        Assert.Equal(get.Headers["Content-Security-Policy"], head.Headers["Content-Security-Policy"]);
    }

    [Theory]
    [InlineData("/css/site.css", 200)]
    [InlineData("/no-such-page", 404)]
    [InlineData("/images/.hidden.png", 404)]
    public async Task Head_OnFilesAndErrors_HasNoBody(string path, int status)
    {
        var head = await RawHttp.SendAsync(server.App.BaseAddress, RawHttp.Get(path, "HEAD"));

        Assert.Equal(status, head.Status);
        Assert.Empty(head.Body);
        if (status == 200)
        {
            Assert.Equal(new FileInfo(Path.Combine(server.Content.WebRootPath, "css", "site.css")).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), head.Headers["Content-Length"]);
        }
    }

    /// <summary>One real server for the corpus, with the secrets planted around and inside its web root.</summary>
    public sealed class Server : IAsyncLifetime
    {
        public TestContent Content { get; } = new();

        internal AppProcess App { get; private set; } = null!;

        public List<string> Secrets { get; } = [];

        public async Task InitializeAsync()
        {
            Plant(Path.Combine(Content.Root, "secret.txt"), "SECRET-BESIDE-THE-WEB-ROOT");
            Plant(Path.Combine(Content.ContentPath, "secret.txt"), "SECRET-IN-THE-CONTENT-FOLDER");
            Plant(Path.Combine(Content.WebRootPath, ".env"), "SECRET-DOTFILE-IN-THE-WEB-ROOT");
            Plant(Path.Combine(Content.WebRootPath, ".git", "config"), "SECRET-IN-A-DOT-FOLDER");
            Plant(Path.Combine(Content.WebRootPath, "images", ".hidden.png"), "SECRET-HIDDEN-IMAGE");
            // Raw content lines (the page shows the values, never the YAML or Markdown source).
            Secrets.Add("title: Ada Example - Homepage");
            Secrets.Add("employer_url: https://uni.example.org/");
            Secrets.Add("authors: [Ada Example*");

            App = AppProcess.Start($"--ProfileSite:ContentPath={Content.ContentPath}", $"--ProfileSite:WebRootPath={Content.WebRootPath}");
            await App.WaitUntilListeningAsync();
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            Content.Dispose();
        }

        private void Plant(string path, string secret)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, $"{secret}\n");
            Secrets.Add(secret);
        }
    }
}
