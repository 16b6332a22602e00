using CsCheck;
using ProfileSite.Content.Loading;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content;

/// <summary>
/// Whatever the owner types, the loader answers with a snapshot or with content errors that
/// name a file: never an exception. Inputs are random mixes of YAML and Markdown pieces, so
/// they reach deep into both parsers rather than failing on the first character.
/// </summary>
public sealed class ContentLoaderPropertyTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private static readonly Gen<string> Yaml = Gen.OneOf<string>(
            "name", "date", "text", "title", "authors", "items", "links", "url", "year", "selected", "summary", "bibtex",
            ": ", ":", "- ", "-", "\n", "\n  ", "\n    ", "\t", " ", "[", "]", "{", "}", ",", "\"", "'", "&a ", "*a", "!!str ",
            "|", ">", "#", "---", "...", "%YAML 1.2", "2024", "2024.09", "2021.09 - now", "https://example.org/", "javascript:x",
            "true", "~", "null", "Ada", "é", "🎉", "\r\n", "\uFEFF", "?", "@", "`", "%")
        .Array[0, 60]
        .Select(parts => string.Concat(parts));

    private static readonly Gen<string> Markdown = Gen.OneOf<string>(
            "# ", "## ", "\n", "\n\n", "> ", "- ", "1. ", "* ", "**", "_", "`", "```", "[", "]", "(", ")", "![", "<", ">", "<div>",
            "</div>", "<span>", "<!--", "-->", "|", "---", "text", " ", ":tada:", "[^1]", "[^1]: note", "https://example.org", "javascript:x",
            "<script>", "\\", "&amp;", "&", "\t", "    ", "- [ ] ", "~~", "title: T\n", "authors: [Ada]\n", "year: 2024\n")
        .Array[0, 80]
        .Select(parts => string.Concat(parts));

    private static readonly Gen<(string File, string Text)> AnyFile = Gen.OneOf(
        Yaml.Select(t => ("news.yaml", t)),
        Yaml.Select(t => ("profile.yaml", t)),
        Yaml.Select(t => ("site.yaml", t)),
        Yaml.Select(t => ("sections/10-honors.yaml", t)),
        Yaml.Select(t => ("publications/2024-flows.md", "---\n" + t + "\n---\n")),
        Markdown.Select(t => ("about.md", t)),
        Markdown.Select(t => ("publications/2022-cuts.md", t)),
        Markdown.Select(t => ("publications/2022-cuts.md", "---\ntitle: T\nauthors: [Ada]\nyear: 2022\n---\n" + t)),
        Markdown.Select(t => ("news.yaml", "- date: 2024.01\n  text: " + System.Text.Json.JsonSerializer.Serialize(t) + "\n")));

    [Fact]
    public void Load_RandomYamlAndMarkdown_NeverThrows_OnlyReportsContentErrors()
    {
        // One thread: every sample rewrites the same folder.
        AnyFile.Sample(sample =>
        {
            var (file, text) = sample;
            _content.Write(file, text);

            // Bounded: explaining a syntax error walks the text again, and a loop there must fail the test, not hang it.
            var load = Task.Run(() => ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath)));
            Assert.True(load.Wait(TimeSpan.FromSeconds(60)), "the load did not finish in 60 s");
            var result = load.Result;

            Assert.Equal(result.Succeeded, result.ErrorCount == 0);
            Assert.All(result.Problems, p =>
            {
                Assert.StartsWith("content/", p.File, StringComparison.Ordinal);
                Assert.True(p.Line >= 0 && p.Column >= 0 && (p.Line == 0) == (p.Column == 0), p.ToString());
                Assert.False(string.IsNullOrWhiteSpace(p.Message));
            });
        }, iter: 400, threads: 1, print: s => $"{s.File}: {System.Text.Json.JsonSerializer.Serialize(s.Text)}");
    }

    [Fact]
    public void Load_RandomBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            _content.WriteBytes("news.yaml", bytes);

            var result = ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath));

            Assert.All(result.Problems, p => Assert.StartsWith("content/", p.File, StringComparison.Ordinal));
        }, iter: 300, threads: 1);
    }
}
