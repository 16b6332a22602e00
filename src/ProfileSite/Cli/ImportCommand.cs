using System.CommandLine;
using System.CommandLine.Invocation;
using ProfileSite.Content.Loading;
using ProfileSite.Import;
using ProfileSite.Import.AcadHomepage;
using ProfileSite.Import.Model;
using ProfileSite.Import.Writing;

namespace ProfileSite.Cli;

/// <summary>
/// <c>ProfileSite import SRC --out DIR [--from acadhomepage] [--force]</c>: reads another tool's site
/// (a local clone; nothing is fetched) and writes <c>DIR/content</c> and <c>DIR/wwwroot</c>, prints
/// what was imported, guessed and dropped with source <c>file:line</c>, then checks the result as
/// <c>check</c> does. Exit 0 when the result passes the check, 1 when it has errors, 2 when the
/// import was refused (not a known site, output folder in use, usage).
/// </summary>
public static class ImportCommand
{
    public const int Refused = 2;

    /// <summary>The readers, one per source format; <c>--from</c> names one, otherwise the first that accepts the source wins.</summary>
    private static readonly ISiteReader[] Readers = [new AcadHomepageReader()];

    public static RootCommand AddImportCommand(this RootCommand root)
    {
        var source = new Argument<string>("SRC") { Description = "The site to import: a local clone (e.g. of your AcadHomepage fork)." };
        var output = new Option<string>("--out") { Description = "The folder to write content/ and wwwroot/ into (absent or empty, unless --force).", HelpName = "DIR" };
        var from = new Option<string>("--from") { Description = $"The source format: {string.Join(", ", Readers.Select(r => r.Name))} (detected when omitted)." };
        var force = new Option<bool>("--force") { Description = "Write into a folder that is not empty, replacing its content/ and wwwroot/." };
        var command = new Command("import", "Turn another tool's site (AcadHomepage) into ProfileSite content.") { source, output, from, force };
        command.Action = new ImportAction(source, output, from, force);
        root.Subcommands.Add(command);
        return root;
    }

    /// <summary>Runs even on parse errors, so a usage error exits 2 with one line rather than System.CommandLine's 1.</summary>
    private sealed class ImportAction(Argument<string> sourceArgument, Option<string> outputOption, Option<string> fromOption, Option<bool> forceOption)
        : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var problem = parseResult.Errors.Select(e => e.Message)
                .Concat(parseResult.UnmatchedTokens.Select(t => $"unrecognized argument '{t}'"))
                .FirstOrDefault();
            var source = parseResult.GetValue(sourceArgument);
            var output = parseResult.GetValue(outputOption);
            if (problem is null && (source is null || output is null))
            {
                problem = "SRC and --out DIR are required";
            }

            if (problem is not null)
            {
                return Refuse($"{problem}; usage: ProfileSite import SRC --out DIR [--from {string.Join('|', Readers.Select(r => r.Name))}] [--force]");
            }

            try
            {
                return Run(Path.GetFullPath(source!), Path.GetFullPath(output!), parseResult.GetValue(fromOption), parseResult.GetValue(forceOption));
            }
            catch (ImportRefusedException ex)
            {
                return Refuse(ex.Message);
            }
            catch (IOException ex)
            {
                return Refuse($"cannot read or write: {ex.Message}");
            }
            catch (UnauthorizedAccessException ex)
            {
                return Refuse($"not allowed: {ex.Message}");
            }
        }

        private static int Refuse(string message)
        {
            Console.Error.WriteLine($"import: error: {message}");
            return Refused;
        }
    }

    private static int Run(string source, string output, string? from, bool force)
    {
        var reader = PickReader(source, from);
        PrepareOutput(source, output, force);

        var result = reader.Read(source);
        var contentPath = Path.Combine(output, "content");
        var webRootPath = Path.Combine(output, "wwwroot");
        ContentWriter.Write(result.Content, contentPath, webRootPath);
        CopySiteAssets(webRootPath);

        var stdout = Console.Out;
        ImportReport.Write(stdout, source, output, reader.Name, result);
        stdout.WriteLine();
        stdout.WriteLine("Checking the result:");
        var options = new ProfileSiteOptions();
        var check = ContentStartup.Read(new ContentPaths(contentPath, webRootPath), options);
        ContentReport.Write(stdout, check);
        stdout.WriteLine();
        stdout.WriteLine($"Serve it: ProfileSite__ContentPath={contentPath} ProfileSite__WebRootPath={webRootPath} ProfileSite");
        return check.Succeeded ? CheckCommand.Valid : CheckCommand.ContentErrors;
    }

    private static ISiteReader PickReader(string source, string? from)
    {
        if (from is not null)
        {
            var named = Readers.FirstOrDefault(r => string.Equals(r.Name, from, StringComparison.OrdinalIgnoreCase))
                ?? throw new ImportRefusedException($"--from '{from}' is not a known format; known: {string.Join(", ", Readers.Select(r => r.Name))}");
            return named.Refusal(source) is { } refusal ? throw new ImportRefusedException(refusal) : named;
        }

        var refusals = new List<string>();
        foreach (var reader in Readers)
        {
            if (reader.Refusal(source) is not { } refusal)
            {
                return reader;
            }

            refusals.Add(refusal);
        }

        throw new ImportRefusedException(refusals[0]);
    }

    /// <summary>The output must not hold the source, be inside it, or (without --force) hold anything.</summary>
    private static void PrepareOutput(string source, string output, bool force)
    {
        var src = source.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var dst = output.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (dst.StartsWith(src, StringComparison.Ordinal) || src.StartsWith(dst, StringComparison.Ordinal))
        {
            throw new ImportRefusedException($"{output}: the output folder must be outside the source folder (the source is never modified)");
        }

        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            if (!force)
            {
                throw new ImportRefusedException($"{output}: the folder is not empty; choose another or pass --force to replace its content/ and wwwroot/");
            }

            foreach (var folder in new[] { "content", "wwwroot" })
            {
                var path = Path.Combine(output, folder);
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
            }
        }

        Directory.CreateDirectory(output);
    }

    /// <summary>The app's own stylesheet, scripts and icons, so the new web root serves alone; the example's images stay behind.</summary>
    private static void CopySiteAssets(string webRootPath)
    {
        var assets = ContentPaths.Resolve(new ProfileSiteOptions(), Directory.GetCurrentDirectory(), AppContext.BaseDirectory).WebRootPath;
        if (!Directory.Exists(assets))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(assets, file);
            if (relative.StartsWith("images" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(webRootPath, relative);
            if (!File.Exists(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}

/// <summary>The import report: counts per kind, then every guess, drop and warning with its source line.</summary>
internal static class ImportReport
{
    public static void Write(TextWriter writer, string source, string output, string format, ImportResult result)
    {
        var counts = result.Counts;
        var content = result.Content;
        writer.WriteLine($"Imported {source} ({format}) into {output}:");
        writer.WriteLine($"  profile: {content.Profile.Name}{(content.Profile.Aliases.IsEmpty ? "" : $" (aliases: {string.Join(", ", content.Profile.Aliases)})")}, {content.Profile.Links.Count} links");
        writer.WriteLine($"  about: {(content.About is null ? "none" : "about.md")}");
        writer.WriteLine($"  news: {counts.News} items");
        writer.WriteLine($"  publications: {counts.Papers} papers ({counts.PaperBoxes} paper boxes, {counts.ListEntries} list entries, {counts.DuplicatesMerged} duplicates merged)");
        writer.WriteLine($"  sections: {counts.Sections} ({string.Join(", ", content.Sections.Select(s => $"{s.Title} {s.Items.Length}"))})");
        writer.WriteLine($"  section order: {string.Join(", ", content.Site.SectionOrder)}");
        writer.WriteLine($"  files: {counts.Files} copied to wwwroot/");
        foreach (var (kind, heading) in new[] { (NoteKind.Guessed, "Guessed"), (NoteKind.Dropped, "Dropped"), (NoteKind.Warning, "Warnings") })
        {
            var notes = result.Notes.Where(n => n.Kind == kind).ToList();
            if (notes.Count == 0)
            {
                continue;
            }

            writer.WriteLine($"{heading} ({notes.Count}):");
            foreach (var note in notes)
            {
                writer.WriteLine("  " + note);
            }
        }
    }
}
