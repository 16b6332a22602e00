using System.Collections.Immutable;
using ProfileSite.Content.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ProfileSite.Content.Loading;

/// <summary>
/// Turns YAML text into a node tree whose every node knows its line and column, so that
/// validation can point at the exact spot. Aliases and absurd nesting are refused up front:
/// an alias bomb or a 10,000-deep list is an error, never a hang.
/// </summary>
internal static class YamlReader
{
    private const int MaxDepth = 32;
    private const int MaxEvents = 200_000;

    /// <summary>Parses one YAML document; null when the file is empty or cannot be used (the latter reported).</summary>
    public static YamlNode? Parse(SourceFile file)
    {
        if (!PreScan(file))
        {
            file.Unparsable = true;
            return null;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(file.Text));
            if (stream.Documents.Count == 0)
            {
                return null;
            }

            var root = stream.Documents[0].RootNode;
            CleanEscapes(file, root);
            return root;
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws InvalidOperationException or ArgumentException on some malformed input (found by the property tests).
            ReportSyntax(file, ex);
            file.Unparsable = true;
            return null;
        }
    }

    /// <summary>
    /// The file's text was cleaned when it was read, so an unwanted character still in a value
    /// came from an escape in a double-quoted string (<c>"\f"</c>, <c>"\u202E"</c>, <c>"\uD800"</c>):
    /// taken out here, reported at the string.
    /// </summary>
    private static void CleanEscapes(SourceFile file, YamlNode root)
    {
        foreach (var node in root.AllNodes)
        {
            // "\u0026#12;" spells a character reference only once the escape is read: look for those too.
            if (node is not YamlScalarNode { Value: { } value } scalar
                || !(TextHygiene.NeedsCleaning(value) || value.Contains("&#", StringComparison.Ordinal)))
            {
                continue;
            }

            var findings = TextHygiene.Find(value, references: true);
            if (findings.Count == 0)
            {
                continue;
            }

            var first = findings[0];
            var more = findings.Count > 1 ? $" (and {findings.Count - 1} more in this string)" : "";
            var what = first.Reference is { } reference
                ? $"escapes in this string spell '{reference}', which stands for {TextHygiene.Name(first.CodePoint)}"
                : $"an escape in this string gives {TextHygiene.Name(first.CodePoint)}";
            file.Warning(scalar.Start,
                $"{what}, {TextHygiene.Kind(first.CodePoint)}; " + (first.ReplacedBySpace ? "replaced by a space" : "removed") + more);
            scalar.Value = TextHygiene.Apply(value, findings);
        }
    }

    /// <summary>
    /// Walks the raw events once: rejects aliases, tags, deep nesting, multiple documents, huge inputs
    /// and duplicate keys cheaply (every duplicate is reported, with where the key was first set).
    /// </summary>
    private static bool PreScan(SourceFile file)
    {
        try
        {
            var parser = new Parser(new StringReader(file.Text));
            int depth = 0, events = 0, documents = 0;
            var frames = new Stack<Frame>();
            var refused = false;
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                if (++events > MaxEvents)
                {
                    file.Error(current.Start, $"too many YAML nodes (more than {MaxEvents:N0}); split the file");
                    return false;
                }

                if (current is NodeEvent && frames.TryPeek(out var parent) && parent.Keys is { } keys && parent.TakeNode())
                {
                    // A key: only plain words are compared; other keys are refused later, at their place.
                    if (current is Scalar { Value: var key } && !keys.TryAdd(key, current.Start))
                    {
                        file.Error(current.Start, YamlSyntaxErrors.Duplicate(file, key, keys[key]));
                        refused = true;
                    }
                }

                if (current is NodeEvent { Tag: { IsEmpty: false, IsNonSpecific: false } tag } && tag.Value != StringTag)
                {
                    // '!!binary', '!!python/object', '!!timestamp': the value would be read as text anyway, so the
                    // tag's meaning would be lost silently (YAML 1.2.2 §6.9.1, node tags).
                    file.Error(current.Start, $"YAML tags ('{Written(tag.Value)}') are not supported: remove the tag and write the value as plain text");
                    refused = true;
                }

                switch (current)
                {
                    case AnchorAlias alias:
                        file.Error(alias.Start, $"YAML aliases ('*{alias.Value}') are not supported: write the value out");
                        return false;
                    case DocumentStart when ++documents > 1:
                        file.Error(current.Start, "expected one YAML document, found a second ('---')");
                        return false;
                    case SequenceStart or MappingStart:
                        if (++depth > MaxDepth)
                        {
                            file.Error(current.Start, $"YAML nested more than {MaxDepth} levels deep");
                            return false;
                        }

                        frames.Push(new Frame(current is MappingStart ? new Dictionary<string, Mark>(StringComparer.Ordinal) : null));
                        break;
                    case SequenceEnd or MappingEnd:
                        depth--;
                        frames.Pop();
                        break;
                }
            }

            return !refused;
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
        {
            ReportSyntax(file, ex);
            return false;
        }
    }

    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>A tag as the owner wrote it: the standard prefix back to '!!'.</summary>
    private static string Written(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;

    /// <summary>An open mapping (with its keys so far) or sequence, while <see cref="PreScan"/> walks the events.</summary>
    private sealed class Frame(Dictionary<string, Mark>? keys)
    {
        public Dictionary<string, Mark>? Keys { get; } = keys;

        private bool _awaitingValue;

        /// <summary>Counts one node of this mapping: true when it is a key, false when it is the value after one.</summary>
        public bool TakeNode()
        {
            _awaitingValue = !_awaitingValue;
            return _awaitingValue;
        }
    }

    private static void ReportSyntax(SourceFile file, Exception ex)
    {
        // YAML forbids tabs for indentation, and the parser's own words for it ("found character
        // that cannot start any token") do not say so. Only consulted once parsing failed, so a
        // tab inside a block scalar (a BibTeX entry) stays fine.
        if (ex is YamlException yaml
            && TabInIndentation(file.Text, (int)yaml.Start.Line, yaml.Message.Contains("tab", StringComparison.OrdinalIgnoreCase)) is { } tab)
        {
            file.Error(tab, "tab character in indentation; YAML indents with spaces only");
            return;
        }

        var (at, message) = YamlSyntaxErrors.Explain(file, ex);
        file.Error(at, "YAML syntax: " + message);
    }

    /// <summary>
    /// The first tab among the leading whitespace of a line near the error: the parser reports
    /// the enclosing mapping or the previous value, a line or two before the tab itself.
    /// </summary>
    private static Mark? TabInIndentation(string text, int errorLine, bool parserSaysTab)
    {
        // When the parser names the tab, it reports the start of the enclosing mapping, which can be far above it.
        var lines = text.Split('\n');
        var last = parserSaysTab ? lines.Length : Math.Min(lines.Length, errorLine + 2);
        for (var line = Math.Max(1, errorLine - 1); line <= last; line++)
        {
            var content = lines[line - 1];
            for (var i = 0; i < content.Length && content[i] is ' ' or '\t'; i++)
            {
                if (content[i] == '\t')
                {
                    return new Mark(0, line, i + 1);
                }
            }
        }

        return null;
    }
}

/// <summary>
/// Reads typed fields out of one YAML mapping, reporting every wrong type, missing field and
/// unknown key (with a "did you mean" suggestion) against the file it came from.
/// </summary>
internal sealed class YamlMap
{
    private readonly SourceFile _file;
    private readonly YamlMappingNode _node;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    private YamlMap(SourceFile file, YamlMappingNode node)
    {
        _file = file;
        _node = node;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name } scalar)
            {
                _entries[name] = (scalar, value);
            }
            else
            {
                file.Error(key.Start, "keys must be plain words");
            }
        }
    }

    public SourceFile File => _file;

    public Mark Start => _node.Start;

    /// <summary>Wraps a node that must be a mapping; reports and returns null otherwise.</summary>
    public static YamlMap? From(SourceFile file, YamlNode? node, string what)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlMap(file, mapping);
        }

        if (node is null)
        {
            if (!file.Unparsable)
            {
                file.FileError($"the file is empty; expected {what}");
            }
        }
        else
        {
            file.Error(node.Start, $"expected {what}, got {Kind(node)}");
        }

        return null;
    }

    public bool Has(string key) => _entries.ContainsKey(key);

    public YamlNode? Node(string key) => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public Mark KeyMark(string key) => _entries.TryGetValue(key, out var entry) ? entry.Key.Start : _node.Start;

    /// <summary>Reports every key not in <paramref name="known"/>, suggesting the closest known one.</summary>
    public void RejectUnknownKeys(IReadOnlyCollection<string> known)
    {
        foreach (var (name, (key, _)) in _entries)
        {
            if (known.Contains(name))
            {
                continue;
            }

            var suggestion = Suggest.Closest(name, known);
            var hint = suggestion is null ? $"expected one of: {string.Join(", ", known)}" : $"did you mean '{suggestion}'?";
            _file.Error(key.Start, $"unknown key '{name}'; {hint}");
        }
    }

    /// <summary>A text field; reports a missing required one or a non-scalar value.</summary>
    public string? String(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                _file.Error(_node.Start, $"missing required field '{key}'");
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            _file.Error(node.Start, $"'{key}' must be text, got {Kind(node)}");
            return null;
        }

        var value = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(value) || IsNull(scalar))
        {
            if (required)
            {
                _file.Error(node.Start, $"'{key}' must not be empty");
            }

            return null;
        }

        return value;
    }

    public bool Bool(string key, bool fallback)
    {
        var node = Node(key);
        if (node is null)
        {
            return fallback;
        }

        if (node is YamlScalarNode { Value: { } text })
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true" or "yes" or "on":
                    return true;
                case "false" or "no" or "off":
                    return false;
            }
        }

        _file.Error(node.Start, $"'{key}' must be true or false, got {Describe(node)}");
        return fallback;
    }

    public PartialDate? Date(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (PartialDate.TryParse(text, out var date))
        {
            return date;
        }

        _file.Error(Node(key)!.Start, $"'{key}' must be {PartialDate.Expected}, got \"{text}\"");
        return null;
    }

    /// <summary>A list of text items; a single text value counts as a list of one.</summary>
    public ImmutableArray<(string Value, Mark Mark)> Strings(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode scalar when !IsNull(scalar) && !string.IsNullOrWhiteSpace(scalar.Value):
                return [(scalar.Value!.Trim(), scalar.Start)];
            case YamlScalarNode:
                return [];
            case YamlSequenceNode sequence:
                var items = ImmutableArray.CreateBuilder<(string, Mark)>();
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
                    {
                        items.Add((value.Trim(), item.Start));
                    }
                    else
                    {
                        _file.Error(item.Start, $"each item of '{key}' must be text, got {Describe(item)}");
                    }
                }

                return items.ToImmutable();
            default:
                _file.Error(node.Start, $"'{key}' must be a list, got {Kind(node)}");
                return [];
        }
    }

    /// <summary>A nested mapping, or null when absent (reported when of the wrong kind).</summary>
    public YamlMap? Map(string key)
    {
        var node = Node(key);
        if (node is null || node is YamlScalarNode s && IsNull(s))
        {
            return null;
        }

        return From(_file, node, $"'{key}' to be a mapping of names to values");
    }

    /// <summary>The entries of this mapping, in the order written.</summary>
    public IEnumerable<(string Key, Mark KeyMark, YamlNode Value)> Entries() =>
        _node.Children
            .Where(kv => kv.Key is YamlScalarNode { Value: not null })
            .Select(kv => (((YamlScalarNode)kv.Key).Value!, kv.Key.Start, kv.Value));

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    public static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "text",
    };

    public static string Describe(YamlNode node) =>
        node is YamlScalarNode { Value: var value } ? $"\"{value}\"" : Kind(node);
}

/// <summary>"Did you mean" suggestions for misspelled keys.</summary>
internal static class Suggest
{
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = ProfileSite.Content.Text.EditDistance.Between(word.ToLowerInvariant(), candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        // Allow about a third of the word to be wrong; further than that the guess misleads.
        return bestDistance <= Math.Max(2, word.Length / 3) ? best : null;
    }
}
