using CsCheck;
using ProfileSite.Content.Loading;
using ProfileSite.Import.AcadHomepage;
using ProfileSite.Import.Writing;

namespace ProfileSite.Tests.Import;

/// <summary>
/// Real forks are edited by hand: random damage to a fixture's about.md (deleted lines, unclosed
/// tags and comments, stray Liquid) never crashes the importer, and what it writes still loads.
/// </summary>
public sealed class ImportPropertyTests
{
    private static readonly string[] Damage =
    [
        "<div class='paper-box'>", "<div markdown=\"1\">", "</div>", "<!--", "-->", "{% if site.x %}", "{% endif %}", "{% for p in site.posts %}",
        "{{ site.author.name", "{% include_relative missing.md %}", "<details>", "<h1>", "# ", "- *2024.13*: bad", "<sup>*</sup>", "**", "[", "](",
        "<script>", "<span class='anchor' id='-news'></span>", "$^\\dagger$", "``", "<table><tr><td>", "- ", "&nbsp;",
    ];

    [FixtureFact]
    public void RandomEditsOfAboutMd_NeverCrashTheImporter()
    {
        var sources = new[] { "01-okafor-template-fork", "02-lind-nobadge", "06-zhou-last-order", "08-devries-highlights" };
        var edit = Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 2], Gen.Int[0, Damage.Length - 1]);
        Gen.Select(Gen.Int[0, sources.Length - 1], edit.Array[1, 12]).Sample((fixture, edits) =>
        {
            var root = Directory.CreateTempSubdirectory("profilesite-fuzz-").FullName;
            try
            {
                var source = Path.Combine(root, "site");
                ImportCommandTests.CopyTree(ImportFixtures.Path_(sources[fixture]), source);
                var about = Path.Combine(source, "_pages", "about.md");
                var lines = File.ReadAllLines(about).ToList();
                foreach (var (position, kind, piece) in edits)
                {
                    var at = lines.Count == 0 ? 0 : position % lines.Count;
                    switch (kind)
                    {
                        case 0 when lines.Count > 0:
                            lines.RemoveAt(at);
                            break;
                        case 1:
                            lines.Insert(at, Damage[piece]);
                            break;
                        default:
                            if (lines.Count > 0)
                            {
                                lines[at] = lines[at][..(lines[at].Length / 2)] + Damage[piece] + lines[at][(lines[at].Length / 2)..];
                            }

                            break;
                    }
                }

                File.WriteAllLines(about, lines);
                var result = new AcadHomepageReader().Read(source);
                var output = Path.Combine(root, "out");
                ContentWriter.Write(result.Content, Path.Combine(output, "content"), Path.Combine(output, "wwwroot"));
                var loaded = ContentLoader.Load(new ContentLoadOptions(Path.Combine(output, "content"), Path.Combine(output, "wwwroot")));
                // Damage may leave text the check rejects, but never a crash, and never an unreadable file.
                Assert.DoesNotContain(loaded.Problems, p => p.Message.Contains("YAML", StringComparison.Ordinal) && p.IsError);
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }, iter: 60);
    }
    [FixtureFact]
    public void AParagraphLongHeading_BecomesAShortSectionFileName()
    {
        var root = Directory.CreateTempSubdirectory("profilesite-longheading-").FullName;
        try
        {
            var source = Path.Combine(root, "site");
            ImportCommandTests.CopyTree(ImportFixtures.Path_("02-lind-nobadge"), source);
            var about = Path.Combine(source, "_pages", "about.md");
            var heading = string.Join(' ', Enumerable.Repeat("Supercalifragilistic research interests", 40));
            File.AppendAllText(about, $"\n\n# {heading}\n\nSome text.\n");

            var result = new AcadHomepageReader().Read(source);
            var output = Path.Combine(root, "out");
            ContentWriter.Write(result.Content, Path.Combine(output, "content"), Path.Combine(output, "wwwroot"));

            var names = Directory.GetFiles(Path.Combine(output, "content", "sections")).Select(Path.GetFileNameWithoutExtension).ToList();
            var written = Assert.Single(names, n => n!.Contains("supercalifragilistic", StringComparison.Ordinal));
            Assert.InRange(written!.Length, 10, 70);
            Assert.False(written.EndsWith('-'));
            var loaded = ContentLoader.Load(new ContentLoadOptions(Path.Combine(output, "content"), Path.Combine(output, "wwwroot")));
            Assert.Contains(loaded.Content!.Sections, s => s.Title.StartsWith("Supercalifragilistic", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
