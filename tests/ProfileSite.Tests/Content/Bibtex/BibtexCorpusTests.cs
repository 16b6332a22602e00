using System.Net;
using Microsoft.AspNetCore.Hosting;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProfileSite.Content.Bibtex;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content.Bibtex;

/// <summary>
/// Every real <c>.bib</c> file in <c>../shared/fixtures/bibtex/</c> (exports nobody here wrote), each
/// served as an owner would serve it: the site starts, no LaTeX command name leaks into text, and
/// every entry is served at its address (or is, and is warned about as, something BibTeX does not
/// list: a duplicate key, an <c>@xdata</c> or <c>@set</c>, a crossref target).
/// </summary>
public sealed partial class BibtexCorpusTests
{
    /// <summary>The fixtures folder: <c>../shared/fixtures/bibtex</c> beside the repository (CI), or in any folder above it (a worktree).</summary>
    public static string? Folder { get; } = Find();

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Folder is null ? Enumerable.Empty<string>() : Directory.EnumerateFiles(Folder, "*.bib").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        // A theory with no rows fails to run; one placeholder row skips with the reason instead.
        if (data.Count == 0)
        {
            data.Add("(no fixtures)");
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public async Task Corpus_EveryFileLoadsAndServesEveryEntry(string name)
    {
        Skip.If(Folder is null, "../shared/fixtures/bibtex/ is not beside the repository; the corpus test needs the shared fixtures.");
        using var content = new TestContent();
        var text = await File.ReadAllTextAsync(Path.Combine(Folder!, name));
        content.Write("publications/" + name, text);

        var result = content.Load();

        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Where(p => p.IsError)));
        var papers = result.Content!.Publications.Where(p => p.SourceEntry is not null).ToList();
        var warnings = result.Problems.Select(p => p.Message).ToList();

        // Every entry is served, or is what BibTeX/biber would not list, with a warning for the skips.
        var parsed = BibtexParser.Parse(text).Entries;
        var crossrefTargets = parsed.Select(e => e.Field("crossref")?.Value.Trim()).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var served = papers.Select(p => p.BibtexKey!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in parsed.Where(e => e.Key.Length > 0))
        {
            var first = seen.Add(entry.Key);
            var accounted = (first && served.Contains(entry.Key))
                || entry.Type is "xdata" or "set" or "nameonly"
                || crossrefTargets.Contains(entry.Key)
                || (!first && warnings.Any(w => w.StartsWith($"duplicate key '{entry.Key}'", StringComparison.Ordinal)));
            Assert.True(accounted, $"{name}:{entry.Line}: entry '{entry.Key}' is neither served nor reported");
        }

        Assert.Equal(parsed.Count(e => e.Key.Length == 0), warnings.Count(w => w.Contains("has no citation key; it is given the key", StringComparison.Ordinal)));

        // No command name leaks into text: no backslash, and no command's name glued into the words.
        foreach (var paper in papers)
        {
            var entry = paper.SourceEntry!;
            foreach (var (field, shown) in new[] { ("title", paper.Title), ("journaltitle", paper.Venue), ("journal", paper.Venue), ("booktitle", paper.Venue) })
            {
                if (shown is null || entry.Field(field) is not { } source)
                {
                    continue;
                }

                Assert.DoesNotContain('\\', shown);
                foreach (var command in CommandName().Matches(source.Raw).Select(m => m.Groups[1].Value).Where(c => c.Length >= 3).Distinct())
                {
                    var withoutCommands = CommandName().Replace(source.Raw, " ");
                    if (!withoutCommands.Contains(command, StringComparison.Ordinal) && command is not ("LaTeX" or "TeX" or "BibTeX" or "LaTeXe" or "XeTeX" or "LuaTeX" or "BibLaTeX" or "AMS" or "AmS"))
                    {
                        Assert.False(shown.Contains(command, StringComparison.Ordinal), $"{name}: '{entry.Key}' {field} shows the command name {command}: {shown}");
                    }
                }
            }

            foreach (var author in paper.Authors.Concat(paper.Editors))
            {
                Assert.DoesNotContain('\\', author.Name);
                Assert.DoesNotContain('{', author.Name);
            }
        }

        // Served: each paper's page answers 200, and the CSL-JSON lists them all.
        // Hundreds of pages from one client: the per-client rate limit is not what this test is about.
        await using var site = new SiteFactory(content) { Configure = b => b.UseSetting("ProfileSite:Security:RequestsPerSecond", "0") };
        using var client = site.CreateClient();
        foreach (var paper in papers)
        {
            using var response = await client.GetAsync(new Uri("/publications/" + paper.Slug, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: /publications/{paper.Slug} answered {(int)response.StatusCode}");
        }

        var csl = JsonDocument.Parse(await client.GetStringAsync(new Uri("/publications.json", UriKind.Relative))).RootElement;
        Assert.Equal(result.Content.Publications.Length, csl.GetArrayLength());
        using var list = await client.GetAsync(new Uri("/publications", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(Repository.Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "bibtex");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\\([A-Za-z]+)")]
    private static partial Regex CommandName();
}
