using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using ProfileSite.Content.Schema;
using ProfileSite.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProfileSite.Tests.Content.Schema;

/// <summary>
/// The schemas in schemas/ are exactly what <see cref="ContentModel"/> generates, accept the
/// shipped example and reject the type errors of the bad-content corpus, validated by
/// JsonSchema.Net after reading the YAML as the YAML language server does (YAML 1.2 core types).
/// Regenerate them with <c>PROFILESITE_WRITE_SCHEMAS=1 dotnet test --filter JsonSchemaTests</c>.
/// </summary>
public sealed partial class JsonSchemaTests
{
    private static string SchemaPath(SchemaFile file) => Path.Combine(Repository.Root, "schemas", file.FileName);

    public static TheoryData<string> Files() => [.. ContentModel.Files.Select(f => f.FileName)];

    private static SchemaFile File(string name) => ContentModel.Files.Single(f => f.FileName == name);

    [Theory]
    [MemberData(nameof(Files))]
    public void Schema_IsExactlyWhatTheModelGenerates(string name)
    {
        var generated = JsonSchemaWriter.Write(File(name));
        if (Environment.GetEnvironmentVariable("PROFILESITE_WRITE_SCHEMAS") == "1")
        {
            System.IO.File.WriteAllText(SchemaPath(File(name)), generated);
        }

        Assert.True(System.IO.File.Exists(SchemaPath(File(name))), $"schemas/{name} is missing; run PROFILESITE_WRITE_SCHEMAS=1 dotnet test --filter JsonSchemaTests");
        Assert.Equal(generated, System.IO.File.ReadAllText(SchemaPath(File(name))));
    }

    private static EvaluationResults Evaluate(string schemaName, string yaml)
    {
        var schema = JsonSchema.FromText(System.IO.File.ReadAllText(SchemaPath(File(schemaName))));
        var instance = YamlAsJson(yaml);
        return schema.Evaluate(JsonDocument.Parse(instance?.ToJsonString() ?? "null").RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    /// <summary>Every YAML file of the shipped example, with the schema its modeline names.</summary>
    public static TheoryData<string> ShippedFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(Repository.Root, "content"), "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".md", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(Repository.Root, p).Replace('\\', '/'))];

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Schema_AcceptsTheShippedExample(string path)
    {
        var text = System.IO.File.ReadAllText(Path.Combine(Repository.Root, path));
        var yaml = path.EndsWith(".md", StringComparison.Ordinal) ? FrontMatter(text) : text;
        var schema = SchemaFor(path);

        var result = Evaluate(schema, yaml);

        Assert.True(result.IsValid, $"{path} against {schema}: {Errors(result)}");
        if (path.EndsWith(".yaml", StringComparison.Ordinal))
        {
            // The modeline names the schema by a path relative to the file, so VS Code and JetBrains find it.
            var modeline = Modeline().Match(text);
            Assert.True(modeline.Success, $"{path} has no yaml-language-server modeline");
            var named = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(Repository.Root, path))!, modeline.Groups[1].Value));
            Assert.Equal(Path.Combine(Repository.Root, "schemas", schema), named);
        }
    }

    /// <summary>The corpus cases whose mistake is a key or a type the schema describes.</summary>
    public static TheoryData<string> TypeErrors() =>
    [
        "news not a list", "section items not a list", "unknown profile key", "unknown paper key", "unknown site key without a close match",
        "unknown paper link", "profile without name", "paper without title", "paper without authors", "paper without year or date",
        "title is a list", "selected is not a boolean", "news item without text", "paper date in words", "news date in words", "month 13",
        "two-digit year", "range to someday", "profile link not a URL", "employer_url without scheme", "paper url on ftp",
        "paper link to javascript", "site url relative", "email without @", "language with spaces", "image outside the web root",
    ];

    [Theory]
    [MemberData(nameof(TypeErrors))]
    public void Schema_RejectsTheCorpusTypeError(string name)
    {
        var (file, text) = BadContentCorpusTests.Cases.Select(row => ((string)row[1], (string)row[2], (string)row[0])).Where(c => c.Item3 == name).Select(c => (c.Item1, c.Item2)).Single();
        var yaml = file.EndsWith(".md", StringComparison.Ordinal) ? FrontMatter(text) : text;

        Assert.False(Evaluate(SchemaFor("content/" + file), yaml).IsValid, $"{name}: the schema accepts {text}");
    }

    private static string SchemaFor(string path) => path switch
    {
        _ when path.Contains("/publications/", StringComparison.Ordinal) => "publication.schema.json",
        _ when path.Contains("/sections/", StringComparison.Ordinal) => "section.schema.json",
        _ => Path.GetFileNameWithoutExtension(path) + ".schema.json",
    };

    private static string FrontMatter(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        return lines[0].TrimEnd() == "---" && end > 0 ? string.Join('\n', lines[1..end]) : "";
    }

    private static string Errors(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    /// <summary>YAML as the YAML language server reads it (YAML 1.2 core schema), as JSON.</summary>
    private static JsonNode? YamlAsJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Convert(kv.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode { Style: not ScalarStyle.Plain } scalar => JsonValue.Create(scalar.Value),
        YamlScalarNode { Value: null or "" or "~" or "null" or "Null" or "NULL" } => null,
        YamlScalarNode { Value: "true" or "True" or "TRUE" } => JsonValue.Create(true),
        YamlScalarNode { Value: "false" or "False" or "FALSE" } => JsonValue.Create(false),
        YamlScalarNode { Value: var v } when Integer().IsMatch(v!) => JsonValue.Create(long.Parse(v!, CultureInfo.InvariantCulture)),
        YamlScalarNode { Value: var v } when Float().IsMatch(v!) => JsonValue.Create(double.Parse(v!, CultureInfo.InvariantCulture)),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^# yaml-language-server: \$schema=(\S+)", RegexOptions.Multiline)]
    private static partial Regex Modeline();
}
