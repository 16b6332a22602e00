using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ProfileSite.Content;
using ProfileSite.Content.Loading;
using ProfileSite.Content.Markdown;
using ProfileSite.Content.Text;
using ProfileSite.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace ProfileSite.Tests.Import;

/// <summary>
/// <c>ProfileSite import</c> as an owner runs it: the built app as a real process on each fixture
/// site, the written files compared with the answer key (EXPECTED.json), the result served and
/// its About page parsed.
/// </summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("profilesite-import-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    private async Task<(string Out, string Stdout)> ImportAsync(string fixture)
    {
        Assert.True(ImportFixtures.Present, ImportFixtures.Missing);
        var output = Path.Combine(_root, fixture);
        var (exitCode, stdout, stderr) = await AppProcess.RunAsync("import", ImportFixtures.Path_(fixture), "--out", output);
        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        return (output, stdout);
    }

    [FixtureTheory]
    [MemberData(nameof(Fixtures))]
    public async Task Import_EachFixture_MatchesItsAnswerKeyAndPassesCheck(string fixture)
    {
        var (output, stdout) = await ImportAsync(fixture);
        var expected = ImportFixtures.Expected(fixture);
        var content = Path.Combine(output, "content");

        Assert.Contains("Checking the result:", stdout, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^0 errors, \d+ warnings? in \d+ files$", stdout);
        var check = ContentLoader.Load(new ContentLoadOptions(content, Path.Combine(output, "wwwroot")));
        Assert.True(check.Succeeded, string.Join('\n', check.Problems));

        // site.yaml
        var site = Yaml(Path.Combine(content, "site.yaml"));
        var expectedSite = expected.GetProperty("site");
        Assert.Equal(expectedSite.GetProperty("title").GetString(), Scalar(site, "title"));
        Assert.Equal(expectedSite.GetProperty("description").GetString(), Scalar(site, "description"));
        Assert.Equal(expectedSite.GetProperty("language").GetString(), Scalar(site, "language"));
        Assert.Equal(Strings(expectedSite.GetProperty("section_order")), List(site, "section_order"));

        // profile.yaml
        var profile = Yaml(Path.Combine(content, "profile.yaml"));
        var expectedProfile = expected.GetProperty("profile");
        Assert.Equal(expectedProfile.GetProperty("name").GetString(), Scalar(profile, "name"));
        var names = List(profile, "aliases").Append(Scalar(profile, "name")!).Select(MatchKey.Name).ToHashSet();
        foreach (var alias in Strings(expectedProfile.GetProperty("aliases")))
        {
            Assert.Contains(MatchKey.Name(alias), names);
        }

        foreach (var key in new[] { "bio", "location", "employer", "email", "avatar" })
        {
            Assert.True(expectedProfile.GetProperty(key).GetString() == Scalar(profile, key), $"profile '{key}': expected {expectedProfile.GetProperty(key)}, got {Scalar(profile, key)}");
        }

        var links = profile.Children.TryGetValue("links", out var l) ? ((YamlMappingNode)l).Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString()) : [];
        foreach (var link in expectedProfile.GetProperty("links").EnumerateObject())
        {
            Assert.True(links.TryGetValue(link.Name, out var value) && value == link.Value.GetString(), $"profile link '{link.Name}': expected {link.Value}, got {(links.TryGetValue(link.Name, out var v) ? v : "nothing")}");
        }

        // news.yaml, in page order
        var news = expected.GetProperty("news");
        var newsPath = Path.Combine(content, "news.yaml");
        var items = File.Exists(newsPath) ? (YamlSequenceNode)new YamlDocumentLoader(newsPath).Root : new YamlSequenceNode();
        Assert.Equal(news.GetProperty("count").GetInt32(), items.Children.Count);
        if (news.GetProperty("first") is { ValueKind: JsonValueKind.Object } first)
        {
            var item = (YamlMappingNode)items.Children[0];
            Assert.Equal(first.GetProperty("date").GetString(), Scalar(item, "date"));
            Assert.Equal(Plain(first.GetProperty("text").GetString()!), Plain(MarkdownRenderer.ToInlineHtml(Scalar(item, "text")!), html: true));
        }

        // publications/*.md
        var publications = expected.GetProperty("publications");
        var papers = Directory.Exists(Path.Combine(content, "publications"))
            ? Directory.GetFiles(Path.Combine(content, "publications"), "*.md").Select(FrontMatter).ToList()
            : [];
        Assert.Equal(publications.GetProperty("total").GetInt32(), papers.Count);
        Assert.Contains($"{publications.GetProperty("total").GetInt32()} papers ({publications.GetProperty("paper_boxes").GetInt32()} paper boxes, {publications.GetProperty("list_items").GetInt32()} list entries, {publications.GetProperty("duplicates_merged").GetInt32()} duplicates merged)", stdout, StringComparison.Ordinal);
        foreach (var sample in publications.GetProperty("samples").EnumerateArray())
        {
            var title = sample.GetProperty("title").GetString()!;
            var paper = papers.SingleOrDefault(p => MatchKey.Title(Scalar(p, "title")!) == MatchKey.Title(title));
            Assert.True(paper is not null, $"no paper titled '{title}'");
            Assert.Equal(title, Scalar(paper, "title"));
            // ProfileSite has only '*' and '†'; marks it has no form for (‡ co-senior) are left out, as EXPECTED allows.
            Assert.Equal(Strings(sample.GetProperty("authors")).Select(a => a.Replace("‡", "", StringComparison.Ordinal)), List(paper, "authors"));
            if (sample.GetProperty("year").ValueKind == JsonValueKind.Number)
            {
                Assert.Equal(sample.GetProperty("year").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), Scalar(paper, "year"));
            }
            else
            {
                Assert.Contains("# guessed by import", File.ReadAllText(papers.IndexOf(paper) is var i ? Directory.GetFiles(Path.Combine(content, "publications"), "*.md")[i] : ""), StringComparison.Ordinal);
            }

            foreach (var key in new[] { "badge", "image" })
            {
                Assert.True(sample.GetProperty(key).GetString() == Scalar(paper, key), $"'{title}' {key}: expected {sample.GetProperty(key)}, got {Scalar(paper, key)}");
            }

            var url = sample.GetProperty("url").GetString();
            if (url is not null && LinkKind.IsAbsoluteHttpUrl(url))
            {
                Assert.Equal(url, Scalar(paper, "url"));
            }

            if (sample.TryGetProperty("links", out var expectedLinks))
            {
                var paperLinks = paper.Children.TryGetValue("links", out var pl) ? ((YamlMappingNode)pl).Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString()) : [];
                foreach (var link in expectedLinks.EnumerateObject().Where(link => LinkKind.IsAbsoluteHttpUrl(link.Value.GetString()!)))
                {
                    Assert.True(paperLinks.TryGetValue(link.Name, out var value) && value == link.Value.GetString(), $"'{title}' link '{link.Name}': expected {link.Value}, got {(paperLinks.TryGetValue(link.Name, out var v) ? v : "nothing")}");
                }
            }
        }

        // sections/*.yaml: titles and item counts in page order
        var sectionFiles = Directory.Exists(Path.Combine(content, "sections")) ? Directory.GetFiles(Path.Combine(content, "sections")).Order(StringComparer.Ordinal).ToList() : [];
        var sections = sectionFiles.Select(f => (YamlMappingNode)new YamlDocumentLoader(f).Root).ToList();
        var expectedSections = expected.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(expectedSections.Select(s => s.GetProperty("title").GetString()), sections.Select(s => Scalar(s, "title")));
        Assert.Equal(expectedSections.Select(s => s.GetProperty("items").GetInt32()), sections.Select(s => ((YamlSequenceNode)s.Children["items"]).Children.Count));
    }

    [FixtureTheory]
    [MemberData(nameof(Fixtures))]
    public async Task Import_ServedAboutPage_ShowsTheNewsCardsAndSections(string fixture)
    {
        var (output, _) = await ImportAsync(fixture);
        var expected = ImportFixtures.Expected(fixture);
        await using var app = new ImportedSite(output);
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/");
        var page = await new HtmlParser().ParseDocumentAsync(html);

        Assert.Equal(expected.GetProperty("news").GetProperty("count").GetInt32(), page.QuerySelectorAll("#news li").Length);
        var cards = page.QuerySelectorAll("#publications article, #publications .paper-card, #publications li.publication, #publications .card").Length;
        Assert.True(cards > 0, "no publication card on the About page");
        foreach (var section in expected.GetProperty("sections").EnumerateArray())
        {
            var title = section.GetProperty("title").GetString()!;
            var heading = page.QuerySelectorAll("section h2").FirstOrDefault(h => h.TextContent.Contains(title, StringComparison.Ordinal));
            Assert.True(heading is not null, $"no section '{title}' on the page");
            Assert.Equal(section.GetProperty("items").GetInt32(), heading.ParentElement!.QuerySelectorAll("li").Length);
        }
    }

    [FixtureFact]
    public async Task Import_RunTwice_WritesByteIdenticalFiles()
    {
        foreach (var fixture in new[] { "04-montoya-large-years", "03-chen-siyuan-zh" })
        {
            var first = Path.Combine(_root, "first-" + fixture);
            var second = Path.Combine(_root, "second-" + fixture);
            Assert.Equal(0, (await AppProcess.RunAsync("import", ImportFixtures.Path_(fixture), "--out", first)).ExitCode);
            Assert.Equal(0, (await AppProcess.RunAsync("import", ImportFixtures.Path_(fixture), "--out", second)).ExitCode);
            Assert.Equal(0, (await AppProcess.RunAsync("import", ImportFixtures.Path_(fixture), "--out", second, "--force")).ExitCode);

            var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(files, Directory.GetFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order(StringComparer.Ordinal));
            foreach (var file in files)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(first, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), $"{file} differs between two imports");
            }
        }
    }

    [Fact]
    public async Task Import_SourceIsNotAnAcadHomepageSite_RefusesWithOneLineAndExitTwo()
    {
        var source = Directory.CreateDirectory(Path.Combine(_root, "not-a-site")).FullName;
        File.WriteAllText(Path.Combine(source, "index.html"), "<h1>Hello</h1>");

        var (exitCode, stdout, stderr) = await AppProcess.RunAsync("import", source, "--out", Path.Combine(_root, "out"));

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Equal($"import: error: {source} is not an AcadHomepage site: it has no _config.yml", line);
        Assert.False(Directory.Exists(Path.Combine(_root, "out")));
    }

    [FixtureFact]
    public async Task Import_OutputFolderNotEmpty_RefusesWithOneLineAndExitTwo()
    {
        var output = Directory.CreateDirectory(Path.Combine(_root, "busy")).FullName;
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");

        var (exitCode, _, stderr) = await AppProcess.RunAsync("import", ImportFixtures.Path_("01-okafor-template-fork"), "--out", output);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Equal($"import: error: {output}: the folder is not empty; choose another or pass --force to replace its content/ and wwwroot/", line);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
    }

    [FixtureFact]
    public async Task Import_NeverChangesTheSource()
    {
        var source = Path.Combine(_root, "source");
        CopyTree(ImportFixtures.Path_("04-montoya-large-years"), source);
        var before = Snapshot(source);

        Assert.Equal(0, (await AppProcess.RunAsync("import", source, "--out", Path.Combine(_root, "out"))).ExitCode);

        Assert.Equal(before, Snapshot(source));
    }

    public static TheoryData<string> Fixtures() => ImportFixtures.All();

    internal static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetAttributes(target, FileAttributes.Normal);
        }
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f),
            f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))) + File.GetLastWriteTimeUtc(f).Ticks);

    private static YamlMappingNode Yaml(string path) => (YamlMappingNode)new YamlDocumentLoader(path).Root;

    private static YamlMappingNode FrontMatter(string path)
    {
        var text = File.ReadAllText(path);
        var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
        return (YamlMappingNode)new YamlDocumentLoader(null, text[4..end]).Root;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static List<string> List(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var node) && node is YamlSequenceNode list ? [.. list.Children.Select(c => ((YamlScalarNode)c).Value!)] : [];

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static string Plain(string text, bool html = false)
    {
        var t = html ? new HtmlParser().ParseFragment(text, null!).Aggregate("", (s, n) => s + n.TextContent) : text;
        return string.Join(' ', t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private sealed class YamlDocumentLoader
    {
        public YamlDocumentLoader(string? path, string? text = null)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text ?? File.ReadAllText(path!)));
            Root = stream.Documents[0].RootNode;
        }

        public YamlNode Root { get; }
    }

    /// <summary>The real app serving an import's output, as an operator would point it there.</summary>
    private sealed class ImportedSite(string output) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ProfileSite:ContentPath", Path.Combine(output, "content"));
            builder.UseSetting("ProfileSite:WebRootPath", Path.Combine(output, "wwwroot"));
            builder.UseSetting("ProfileSite:Citations:Enabled", "false");
            builder.UseSetting("ProfileSite:Reload", "false");
        }
    }
}
