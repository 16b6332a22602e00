using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ProfileSite.Content;
using ProfileSite.Content.Bibtex;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content.Bibtex;

/// <summary>
/// What we write is read back the same by us and accepted by the reference tools: our
/// <c>/publications.bib</c> parses to the same fields, TeX Live's <c>bibtex</c> reads it without an
/// error, and citation-js (the CSL library Zotero's ecosystem uses) reads our <c>/publications.json</c>.
/// Inputs: exports in the styles of Google Scholar, DBLP, Zotero (Better BibLaTeX), Mendeley,
/// JabRef and INSPIRE written for these tests (<c>Exports/</c>), and the shared real files when present.
/// </summary>
public sealed class BibtexRoundTripTests
{
    private static readonly string ExportsFolder = Path.Combine(Repository.Root, "tests", "ProfileSite.Tests", "Content", "Bibtex", "Exports");

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(ExportsFolder, "*.bib").Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        foreach (var file in BibtexCorpusTests.Folder is { } folder ? Directory.EnumerateFiles(folder, "*.bib").Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
        {
            data.Add(file);
        }

        return data;
    }

    private static (SiteContent Content, string Bibtex, byte[] Csl) Serve(string path, TestContent content)
    {
        content.Write("publications/" + Path.GetFileName(path), File.ReadAllText(path));
        var result = content.Load();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Where(p => p.IsError)));
        var index = result.Content!.PublicationIndex;
        return (result.Content, Encoding.UTF8.GetString(index.BibtexFile.Span), index.CslJson.ToArray());
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void RoundTrip_OurBibtexParsesToTheSameFields(string path)
    {
        using var content = new TestContent();
        var (site, bibtex, _) = Serve(path, content);

        var written = BibtexParser.Parse(bibtex);

        Assert.Empty(written.Problems);
        var byKey = written.Entries.ToDictionary(e => e.Key, StringComparer.Ordinal);
        foreach (var paper in site.Publications.Where(p => p.SourceEntry is not null))
        {
            var source = paper.SourceEntry!;
            var back = byKey[source.Key];
            Assert.Equal(source.Type, back.Type);
            foreach (var field in source.Fields.Where(f => f.Name is not ("crossref" or "xdata")))
            {
                // A month abbreviation is written as the bare macro (month = jan), which reads back as the month's name.
                // A name list in biber's extended format is written in BibTeX's form: the same names.
                var same = back.Field(field.Name) is { } again
                    && (again.Raw == field.Raw.Trim()
                        || (field.Name == "month" && BiblatexDates.MonthOf(again.Raw) == BiblatexDates.MonthOf(field.Raw))
                        || (field.Raw.Contains("family=", StringComparison.Ordinal) && BibtexNames.Parse(again.Raw).Names.SequenceEqual(BibtexNames.Parse(field.Raw).Names)));
                Assert.True(same, $"{Path.GetFileName(path)}: '{source.Key}' field '{field.Name}' changed: {field.Raw} -> {back.Field(field.Name)?.Raw}");
            }
        }

        // Read back through the loader, the same papers come out.
        using var second = new TestContent();
        second.Write("publications/back.bib", bibtex);
        var reloaded = second.LoadValid();
        foreach (var paper in site.Publications.Where(p => p.SourceEntry is not null))
        {
            var back = reloaded.Publications.Single(p => p.BibtexKey == paper.BibtexKey);
            Assert.Equal((paper.Title, paper.Venue, paper.Date, paper.Doi), (back.Title, back.Venue, back.Date, back.Doi));
            Assert.Equal(paper.Authors.Select(a => a.Name), back.Authors.Select(a => a.Name));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Inputs))]
    public async Task RoundTrip_TexLiveBibtexAcceptsOurBibtex(string path)
    {
        var bibtexProgram = ExternalTool.Find("bibtex");
        ExternalTool.Require(bibtexProgram is not null, "This test runs TeX Live's bibtex (apt-get install -y texlive-binaries).");
        using var content = new TestContent();
        var (site, bibtex, _) = Serve(path, content);
        var dir = Path.Combine(content.Root, "tex");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "pubs.bib"), bibtex);
        // \nocite{*} in an .aux: every entry, in the plain style that ships with bibtex itself.
        await File.WriteAllTextAsync(Path.Combine(dir, "doc.aux"), "\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{pubs}\n");
        var (code, output) = await Run(bibtexProgram!, "doc", dir);

        // 0: clean, 1: warnings only (an empty field, a type plain.bst does not define); 2 and 3 are errors.
        Assert.True(code <= 1 && !output.Contains("error message", StringComparison.Ordinal), $"bibtex exited {code}:\n{output}");
        var bbl = await File.ReadAllTextAsync(Path.Combine(dir, "doc.bbl"));
        var listed = bbl.Split("\\bibitem{", StringSplitOptions.None).Length - 1;
        // plain.bst lists a type it does not define as misc (with a warning): every paper is in the bibliography.
        Assert.Equal(site.Publications.Length, listed);
    }

    [SkippableTheory]
    [MemberData(nameof(Inputs))]
    public async Task RoundTrip_CitationJsReadsOurCslJson(string path)
    {
        var node = ExternalTool.Find("node");
        var npm = ExternalTool.Find("npm");
        ExternalTool.Require(node is not null && npm is not null, "This test runs citation-js on node (apt-get install -y nodejs npm).");
        var modules = await CitationJs(npm!);
        ExternalTool.Require(modules is not null, "citation-js could not be installed from the npm registry.");
        using var content = new TestContent();
        var (site, _, csl) = Serve(path, content);
        var json = Path.Combine(content.Root, "publications.json");
        await File.WriteAllBytesAsync(json, csl);
        var script = Path.Combine(content.Root, "read.js");
        await File.WriteAllTextAsync(script, """
            const { Cite, plugins } = require('@citation-js/core');
            require('@citation-js/plugin-csl');
            const input = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
            const cite = new Cite(input, { forceType: '@csl/list+object' });
            const data = cite.format('data', { format: 'object' });
            const text = cite.format('bibliography', { format: 'text', template: 'apa' });
            console.log(JSON.stringify({ count: data.length, titles: data.map(d => d.title), lines: text.split('\n').filter(l => l.trim()).length }));
            """);

        var (code, output) = await Run(node!, $"\"{script}\" \"{json}\"", content.Root, ("NODE_PATH", modules!));

        Assert.True(code == 0, $"node exited {code}:\n{output}");
        var read = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        Assert.Equal(site.Publications.Length, read.GetProperty("count").GetInt32());
        Assert.Equal(site.Publications.Length, read.GetProperty("lines").GetInt32());
    }

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>
    /// citation-js from the npm registry, into the gitignored <c>artifacts/node</c> (once; <c>.ci/run</c>
    /// installs it there beforehand). Returns its <c>node_modules</c> folder, or null when npm cannot install it.
    /// </summary>
    private static async Task<string?> CitationJs(string npm)
    {
        var prefix = Path.Combine(Repository.Root, "artifacts", "node");
        var modules = Path.Combine(prefix, "node_modules");
        await InstallLock.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(modules, "@citation-js", "plugin-csl")))
            {
                Directory.CreateDirectory(prefix);
                var (code, _) = await Run(npm, "install --no-save --no-audit --no-fund --prefix . @citation-js/core@0.9.0 @citation-js/plugin-csl@0.9.0 @citation-js/plugin-bibtex@0.9.0", prefix);
                if (code != 0)
                {
                    return null;
                }
            }

            return modules;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<(int Code, string Output)> Run(string program, string arguments, string directory, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
