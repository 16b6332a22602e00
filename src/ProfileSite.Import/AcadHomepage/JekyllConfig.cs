using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ProfileSite.Import.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProfileSite.Import.AcadHomepage;

/// <summary>
/// <c>_config.yml</c> read leniently: a value Jekyll accepts but YAML does not (<c>"kasante"# note</c>)
/// is repaired with a note; the <c>author:</c> block and the site keys are kept as strings with their lines.
/// </summary>
internal sealed partial class JekyllConfig
{
    private readonly Dictionary<string, (string Value, int Line)> _site = new(StringComparer.Ordinal);
    private readonly List<(string Key, string Value, int Line)> _author = [];

    public const string File = "_config.yml";

    public IReadOnlyList<(string Key, string Value, int Line)> Author => _author;

    public string? Site(string key) => _site.TryGetValue(key, out var v) && v.Value.Length > 0 ? v.Value : null;

    public SourceLine LineOf(string key) => new(File, _site.TryGetValue(key, out var v) ? v.Line : 0);

    public static JekyllConfig Read(string path, ImportNotes notes)
    {
        var config = new JekyllConfig();
        var text = System.IO.File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            // Jekyll's YAML reader lets a comment touch a quoted value; YAML 1.2 does not.
            if (CommentTouchingQuote().Match(lines[i]) is { Success: true } m)
            {
                lines[i] = lines[i].Insert(m.Groups["quote"].Index, " ");
                notes.Warning(new SourceLine(File, i + 1), "a '#' comment touches the quoted value before it; read as a comment");
            }
        }

        YamlMappingNode? root = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(string.Join('\n', lines)));
            root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
        }
        catch (YamlException ex)
        {
            notes.Warning(new SourceLine(File, (int)ex.Start.Line), $"not valid YAML ({ex.Message.Split('\n')[0]}); reading what can be read line by line");
            root = LineByLine(lines);
        }

        if (root is null)
        {
            return config;
        }

        foreach (var (key, value) in root.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                continue;
            }

            if (name == "author" && value is YamlMappingNode author)
            {
                foreach (var (authorKey, authorValue) in author.Children)
                {
                    if (authorKey is YamlScalarNode { Value: { } k } && authorValue is YamlScalarNode { Value: var v })
                    {
                        config._author.Add((k, (v ?? "").Trim(), (int)authorKey.Start.Line));
                    }
                }
            }
            else if (value is YamlScalarNode { Value: var scalar })
            {
                config._site[name] = ((scalar ?? "").Trim(), (int)key.Start.Line);
            }
        }

        return config;
    }

    /// <summary>When the file is not YAML at all: top-level <c>key: value</c> lines and the indented <c>author:</c> block.</summary>
    private static YamlMappingNode LineByLine(string[] lines)
    {
        var root = new YamlMappingNode();
        YamlMappingNode? author = null;
        foreach (var line in lines)
        {
            var m = SimpleLine().Match(line);
            if (!m.Success)
            {
                continue;
            }

            var key = m.Groups["key"].Value;
            var value = m.Groups["value"].Value.Trim().Trim('"', '\'');
            if (m.Groups["indent"].Length == 0)
            {
                author = null;
                if (key == "author" && value.Length == 0)
                {
                    author = new YamlMappingNode();
                    root.Add("author", author);
                }
                else if (!root.Children.ContainsKey(key))
                {
                    root.Add(key, value);
                }
            }
            else if (author is not null && !author.Children.ContainsKey(key))
            {
                author.Add(key, value);
            }
        }

        return root;
    }

    public ImmutableArray<(string Key, string Value, int Line)> AuthorValues() =>
        [.. _author.Where(a => a.Value.Length > 0)];

    [GeneratedRegex(@"^\s*[\w-]+\s*:\s*(""[^""]*""|'[^']*')(?<quote>)#", RegexOptions.CultureInvariant)]
    private static partial Regex CommentTouchingQuote();

    [GeneratedRegex(@"^(?<indent>\s*)(?<key>[\w-]+)\s*:\s*(?<value>[^#]*)", RegexOptions.CultureInvariant)]
    private static partial Regex SimpleLine();
}
