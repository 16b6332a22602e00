using ProfileSite.Content.Markdown;
using ProfileSite.Content.Text;
using YamlDotNet.Core;

namespace ProfileSite.Content.Loading;

/// <summary>Checks shared by several content kinds: Markdown links, empty files, publication slugs.</summary>
public sealed partial class ContentLoader
{
    /// <summary>
    /// Renders a Markdown text field inline, reporting links that are neither http(s)/mailto nor
    /// on this site. Positions point at the YAML value: columns inside a quoted scalar would not
    /// match what the owner sees.
    /// </summary>
    private string? InlineMarkdown(YamlMap map, string key) => MarkdownField(map, key, block: false);

    /// <summary>
    /// Renders a Markdown field of several paragraphs (a translated body) the way <see cref="InlineMarkdown"/> renders
    /// a line: links checked at the field, paths through the one resolver, math and images as in every other field.
    /// </summary>
    private string? BlockMarkdown(YamlMap map, string key) => MarkdownField(map, key, block: true);

    private string? MarkdownField(YamlMap map, string key, bool block)
    {
        if (map.String(key) is not { } markdown)
        {
            return null;
        }

        var problems = MarkdownLinks.Problems(markdown);
        foreach (var problem in problems)
        {
            map.File.Error(map.Node(key)!.Start, $"'{key}': {problem.Message}");
        }

        if (problems.Any(p => p.Unrenderable))
        {
            return null;
        }

        try
        {
            var mark = map.Node(key)!.Start;
            var mathProblems = new List<MarkdownMathProblem>();
            var images = MarkdownImages((_, _) => mark, map.File, $"'{key}': ");
            var rawImages = RawHtmlImages((_, _) => mark, map.File, $"'{key}': ");
            var html = block
                ? MarkdownRenderer.ToHtml(markdown, _addresses.Written, _math, mathProblems, images, rawImages)
                : MarkdownRenderer.ToInlineHtml(markdown, _addresses.Written, _math, mathProblems, images, rawImages);
            foreach (var problem in mathProblems)
            {
                map.File.Warning(mark, $"'{key}': {problem.Message}");
            }

            return html;
        }
        catch (ArgumentException)
        {
            map.File.Error(map.Node(key)!.Start, $"'{key}': {TooDeep}");
            return null;
        }
    }

    private const string TooDeep = "Markdown nested too deeply to render; simplify the nesting of quotes, lists, brackets or emphasis";

    /// <summary>Splits and renders a Markdown file; null (reported) when Markdig refuses its nesting while rendering.</summary>
    private (string? FrontMatter, int FrontMatterLine, string BodyHtml)? SplitFrontMatter(SourceFile file)
    {
        try
        {
            var mathProblems = new List<MarkdownMathProblem>();
            var headingIds = new List<HeadingIdChange>();
            var split = MarkdownRenderer.SplitFrontMatter(
                file.Text, _addresses.Written, _math, mathProblems, MarkdownImages((line, column) => new Mark(0, line, column), file, ""),
                RawHtmlImages((line, column) => new Mark(0, line, column), file, ""), IsPageId, headingIds);
            foreach (var problem in mathProblems)
            {
                file.Warning(new Mark(0, problem.Line, problem.Column), problem.Message);
            }

            foreach (var change in headingIds)
            {
                file.Warning(new Mark(0, change.Line, change.Column),
                    $"this heading's id '#{change.Id}' is one the page itself uses (a section, a link target); it is '#{change.NewId}' instead, so link to that");
            }

            return split;
        }
        catch (ArgumentException)
        {
            var (line, column) = MarkdownLinks.NestingStart(file.Text);
            file.Error(new Mark(0, line, column), TooDeep);
            return null;
        }
    }

    /// <summary>Ids the pages give their own elements (the layout, the About page's sections, a paper's page): a
    /// Markdown heading must not take one (see <see cref="HeadingIds"/>).</summary>
    private bool IsPageId(string id)
    {
        _pageIds ??= PageIds();
        return _pageIds.Contains(id) || id.EndsWith("-title", StringComparison.Ordinal)
            || id.StartsWith("paper-", StringComparison.Ordinal) || id.StartsWith("year-", StringComparison.Ordinal)
            || id.StartsWith("filter-", StringComparison.Ordinal);
    }

    private HashSet<string>? _pageIds;

    private HashSet<string> PageIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { "main", "sidebar", "about-me", "news", "publications", "bibtex", "abstract" };
        var folder = Path.Combine(_options.ContentPath, "sections");
        if (Directory.Exists(folder))
        {
            // The ids LoadSections gives (10-honors.yaml is #honors), known before the sections are read.
            foreach (var path in Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml")))
            {
                ids.Add(Slug(SectionPrefix().Replace(StemOf(path), "")));
            }
        }

        return ids;
    }

    /// <summary>
    /// Checks a Markdown file's links (reported at their own line and column), then splits off the
    /// front matter and renders the body; null (reported) when Markdig refuses its nesting.
    /// </summary>
    private (string? FrontMatter, int FrontMatterLine, string BodyHtml)? RenderMarkdownFile(SourceFile file)
    {
        var problems = MarkdownLinks.Problems(file.Text);
        foreach (var problem in problems)
        {
            file.Error(new Mark(0, problem.Line, problem.Column), problem.Message);
        }

        if (problems.Any(p => p.Unrenderable) || SplitFrontMatter(file) is not { } split)
        {
            return null;
        }

        // Markdig takes a '---' block for front matter only once it is closed; left open, the
        // YAML would be shown as text (about.md) or the file reported as having none (a paper).
        if (split.FrontMatter is null && IsUnclosedFrontMatter(file.Text))
        {
            file.Error(new Mark(0, 1, 1), "the front matter that starts at 1:1 is not closed: end it with a line '---' "
                + "(to start the text with a horizontal rule instead, write '***')");
            return null;
        }

        return split;
    }

    private static bool IsUnclosedFrontMatter(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToList();
        return lines[0] == "---" && !lines.Skip(1).Any(l => l is "---" or "...");
    }

    /// <summary>
    /// An optional file left empty (or only comments) is a warning, not an error: an editor
    /// often creates the file before the owner types into it, and the running site should not
    /// refuse the edit. Returns false when the file was not empty (its problem is reported elsewhere).
    /// </summary>
    private static bool WarnIfEmpty(SourceFile file, string consequence)
    {
        if (!IsBlankYaml(file.Text))
        {
            return false;
        }

        file.FileWarning($"the file is empty; {consequence}");
        return true;
    }

    private static bool IsBlankYaml(string text) =>
        text.Split('\n').Select(l => l.Trim()).All(l => l.Length == 0 || l[0] == '#' || l is "---" or "...");

    /// <summary>
    /// The slug comes from the file name and becomes a URL, so two files whose names slugify
    /// alike (<c>2024-Flows.md</c>, <c>2024_flows.md</c>) would fight over one address.
    /// </summary>
    private static bool ClaimSlug(SourceFile file, string fileName, Dictionary<string, string> slugs)
    {
        var slug = Slug(fileName);
        if (slug.Length == 0)
        {
            file.FileError($"the file name '{fileName}.md' has no letters or digits to make a URL from; rename it like 2024-venue-topic.md");
            return false;
        }

        if (slugs.TryGetValue(slug, out var first))
        {
            file.FileError($"duplicate publication slug '{slug}' (also used by {first}); rename one file");
            return false;
        }

        // (A file name cannot hold NUL, so 0 means none.)
        if (fileName.FirstOrDefault(c => TextHygiene.IsUnwanted(c)) is var unwanted and not '\0')
        {
            // The address drops it silently otherwise, and the name looks different in every file manager.
            file.FileWarning($"the file name holds {TextHygiene.Name(unwanted)}, {TextHygiene.Kind(unwanted)}; the paper's address is /publications/{slug}; rename the file");
        }

        slugs[slug] = file.DisplayPath;
        return true;
    }

    /// <summary>An image is hashed into the version too; one deleted mid-load counts as empty (the next reload sees it gone).</summary>
    private static byte[] ReadForVersion(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
