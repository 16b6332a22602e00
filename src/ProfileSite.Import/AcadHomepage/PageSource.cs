using System.Text;
using System.Text.RegularExpressions;
using ProfileSite.Import.Model;
using ProfileSite.Import.Text;

namespace ProfileSite.Import.AcadHomepage;

/// <summary>
/// The About page as Jekyll would feed it to kramdown, line by line, each line knowing the file and
/// line it came from: front matter cut, HTML comments and <c>[//]: # (...)</c> lines blanked (so an
/// <c>include_relative</c> inside a comment stays out), every live <c>include_relative</c> expanded
/// (<c>.md</c> and <c>.html</c>, nested, cycles refused), then Liquid removed: <c>{{ site.baseurl }}</c>
/// becomes empty, other output tags become <see cref="HtmlToMarkdown.LiquidMark"/>, and
/// <c>if</c>/<c>for</c>/<c>capture</c>/<c>comment</c> blocks are dropped whole, each with a note.
/// </summary>
internal sealed partial class PageSource
{
    private const int MaxIncludeDepth = 8;
    private readonly string _root;
    private readonly ImportNotes _notes;

    private PageSource(string root, ImportNotes notes)
    {
        _root = root;
        _notes = notes;
    }

    /// <summary>The assembled lines.</summary>
    public List<string> Lines { get; } = [];

    /// <summary>Where each of <see cref="Lines"/> came from.</summary>
    public List<SourceLine> Origins { get; } = [];

    /// <summary>The page's front matter as text (for <c>last_modified_at</c> and the like).</summary>
    public string FrontMatter { get; private set; } = "";

    public static PageSource Read(string root, string pagePath, ImportNotes notes)
    {
        var source = new PageSource(root, notes);
        source.Append(pagePath, 0, [], stripFrontMatter: true);
        source.RemoveLiquid();
        return source;
    }

    public SourceLine Origin(int index) => index >= 0 && index < Origins.Count ? Origins[index] : SourceLine.None;

    private string Relative(string path) => Path.GetRelativePath(_root, path).Replace('\\', '/');

    private void Append(string path, int depth, HashSet<string> stack, bool stripFrontMatter)
    {
        var display = Relative(path);
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var firstLine = 1;
        if (stripFrontMatter && FrontMatterBlock().Match(text) is { Success: true } front)
        {
            FrontMatter = front.Groups["yaml"].Value;
            firstLine += front.Value.Count(c => c == '\n');
            text = text[front.Length..];
        }

        text = BlankComments(text, display, firstLine);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var at = new SourceLine(display, firstLine + i);
            var line = lines[i];
            if (MarkdownComment().IsMatch(line))
            {
                _notes.Dropped(at, "'[//]: #' comment line");
                line = "";
            }

            var include = Include().Match(line);
            if (!include.Success)
            {
                Add(line, at);
                continue;
            }

            Add(line[..include.Index], at);
            var target = Resolve(path, include.Groups["kind"].Value, include.Groups["file"].Value.Trim().Trim('"', '\''));
            if (target is null)
            {
                _notes.Dropped(at, $"include '{include.Groups["file"].Value.Trim()}': file not found");
            }
            else if (depth >= MaxIncludeDepth || stack.Contains(target))
            {
                _notes.Dropped(at, $"include '{Relative(target)}': includes itself (directly or through others)");
            }
            else
            {
                stack.Add(target);
                Append(target, depth + 1, stack, stripFrontMatter: false);
                stack.Remove(target);
            }

            Add(line[(include.Index + include.Length)..], at);
        }
    }

    private void Add(string line, SourceLine at)
    {
        Lines.Add(line);
        Origins.Add(at);
    }

    private string? Resolve(string includingFile, string kind, string name)
    {
        if (name.Length == 0 || name.Contains("{{", StringComparison.Ordinal))
        {
            return null;
        }

        var folder = kind == "include_relative" ? Path.GetDirectoryName(includingFile)! : Path.Combine(_root, "_includes");
        var full = Path.GetFullPath(Path.Combine(folder, name));
        var root = Path.GetFullPath(_root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }

    /// <summary>Blanks every <c>&lt;!-- --&gt;</c> (keeping its line breaks, so lines keep their numbers).</summary>
    private string BlankComments(string text, string display, int firstLine)
    {
        var builder = new StringBuilder(text.Length);
        var position = 0;
        while (true)
        {
            var start = text.IndexOf("<!--", position, StringComparison.Ordinal);
            if (start < 0)
            {
                builder.Append(text, position, text.Length - position);
                return builder.ToString();
            }

            builder.Append(text, position, start - position);
            var end = text.IndexOf("-->", start + 4, StringComparison.Ordinal);
            var line = firstLine + Count(text, '\n', 0, start);
            if (end < 0)
            {
                // As a browser does: an unclosed comment runs to the end of the file.
                _notes.Warning(new SourceLine(display, line), "'<!--' is never closed: the rest of the file is a comment and left out");
                builder.Append('\n', Count(text, '\n', start, text.Length - start));
                return builder.ToString();
            }

            var comment = text.AsSpan(start, end + 3 - start);
            if (comment.ContainsAny(['#', '-', '<']) && comment.Length > 40)
            {
                _notes.Dropped(new SourceLine(display, line), "HTML comment (its content is not on the page)");
            }

            builder.Append('\n', Count(text, '\n', start, end + 3 - start));
            position = end + 3;
        }
    }

    private static int Count(string text, char c, int start, int length)
    {
        var count = 0;
        for (var i = start; i < start + length; i++)
        {
            if (text[i] == c)
            {
                count++;
            }
        }

        return count;
    }

    // ---- Liquid -------------------------------------------------------------------------

    private static readonly string[] BlockTags = ["if", "unless", "for", "case", "capture", "comment", "tablerow", "raw"];

    private void RemoveLiquid()
    {
        var text = string.Join('\n', Lines);
        if (!text.Contains("{%", StringComparison.Ordinal) && !text.Contains("{{", StringComparison.Ordinal))
        {
            return;
        }

        var tags = LiquidTag().Matches(text).ToList();
        var output = new StringBuilder(text.Length);
        var position = 0;
        for (var t = 0; t < tags.Count; t++)
        {
            var tag = tags[t];
            if (tag.Index < position)
            {
                continue;
            }

            output.Append(text, position, tag.Index - position);
            var name = tag.Groups["name"].Value;
            var at = Origin(LineOf(text, tag.Index));
            if (tag.Value.StartsWith("{{", StringComparison.Ordinal))
            {
                var expression = tag.Groups["expr"].Value.Trim();
                if (BaseUrl().IsMatch(expression))
                {
                    // A path prefix for the site's own files: empty here, as on a site served at '/'.
                }
                else
                {
                    _notes.Dropped(at, $"Liquid output '{{{{ {Shorten(expression)} }}}}'");
                    output.Append(HtmlToMarkdown.LiquidMark);
                }

                position = tag.Index + tag.Length;
                continue;
            }

            if (BlockTags.Contains(name) && FindEnd(tags, t, name) is { } end)
            {
                var endMatch = tags[end];
                var inner = text[(tag.Index + tag.Length)..endMatch.Index];
                if (name == "raw")
                {
                    output.Append(inner);
                }
                else
                {
                    _notes.Dropped(at, name switch
                    {
                        "for" or "tablerow" => $"Liquid loop '{Shorten(tag.Value)}' (the page it builds needs Jekyll)",
                        "comment" => "Liquid comment",
                        _ => $"Liquid block '{Shorten(tag.Value)}'",
                    });
                    output.Append('\n', inner.Count(c => c == '\n') + tag.Value.Count(c => c == '\n') + endMatch.Value.Count(c => c == '\n'));
                }

                position = endMatch.Index + endMatch.Length;
                continue;
            }

            if (!name.StartsWith("end", StringComparison.Ordinal) && name is not ("else" or "elsif" or "when"))
            {
                _notes.Dropped(at, $"Liquid tag '{Shorten(tag.Value)}'");
            }
            else
            {
                _notes.Dropped(at, $"stray Liquid tag '{Shorten(tag.Value)}'");
            }

            output.Append('\n', tag.Value.Count(c => c == '\n'));
            position = tag.Index + tag.Length;
        }

        output.Append(text, position, text.Length - position);
        var lines = output.ToString().Split('\n');
        if (lines.Length == Lines.Count)
        {
            Lines.Clear();
            Lines.AddRange(lines);
        }
    }

    private static int? FindEnd(List<Match> tags, int open, string name)
    {
        var depth = 0;
        for (var i = open + 1; i < tags.Count; i++)
        {
            var other = tags[i].Groups["name"].Value;
            if (other == name)
            {
                depth++;
            }
            else if (other == "end" + name)
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
        }

        return null;
    }

    private static int LineOf(string text, int index) => Count(text, '\n', 0, index);

    private static string Shorten(string text)
    {
        var t = Regex.Replace(text, @"\s+", " ").Trim();
        return t.Length > 60 ? t[..57] + "..." : t;
    }

    [GeneratedRegex(@"\A---[ \t]*\n(?<yaml>.*?)\n---[ \t]*(\n|\z)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex FrontMatterBlock();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]*\]:\s*(#|<>)\s*[(""'].*$", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownComment();

    [GeneratedRegex(@"\{%-?\s*(?<kind>include_relative|include)\s+(?<file>[^%\s]+)[^%]*-?%\}", RegexOptions.CultureInvariant)]
    private static partial Regex Include();

    [GeneratedRegex(@"\{%-?\s*(?<name>\w+)(?<args>.*?)-?%\}|\{\{-?(?<expr>.*?)-?\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex LiquidTag();

    [GeneratedRegex(@"^(site\.baseurl|base_path|site\.url|site\.baseurl\s*\|\s*prepend:\s*site\.url)(\s*\|.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex BaseUrl();
}
