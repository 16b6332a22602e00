using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProfileSite.Content.Schema;

/// <summary>
/// Writes the JSON Schemas in <c>schemas/</c> from <see cref="ContentModel"/>, in draft-07: the
/// draft the YAML language server (VS Code's Red Hat YAML extension) supported for years before
/// 1.20 added 2019-09 and 2020-12, and that JetBrains IDEs validate fully. Values are described
/// as YAML 1.2 (the language server's default) types them: <c>2024</c> is a number,
/// <c>2024.09</c> a number too, <c>yes</c> a string.
/// </summary>
public static class JsonSchemaWriter
{
    private const string Draft = "http://json-schema.org/draft-07/schema#";

    /// <summary>The schema of one file, as indented JSON with a final newline.</summary>
    public static string Write(SchemaFile file)
    {
        var root = new JsonObject
        {
            ["$schema"] = Draft,
            ["title"] = file.Title,
        };
        switch (file.Root)
        {
            case SchemaRoot.Mapping:
                foreach (var (key, value) in Mapping(file.Shape))
                {
                    root[key] = value?.DeepClone();
                }

                break;
            case SchemaRoot.ListOf:
                root["type"] = "array";
                root["items"] = Mapping(file.Shape);
                break;
            case SchemaRoot.NamesTo:
                root["type"] = "object";
                root["additionalProperties"] = new JsonObject { ["anyOf"] = new JsonArray(Scalar(FieldType.Url, null), Mapping(file.Shape)) };
                break;
        }

        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return root.ToJsonString(options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static JsonObject Mapping(Shape shape)
    {
        var properties = new JsonObject();
        foreach (var field in shape.Fields)
        {
            var schema = Value(field);
            schema["description"] = field.Description;
            properties[field.Key] = schema;
        }

        var mapping = new JsonObject
        {
            ["type"] = "object",
            ["description"] = shape.Title,
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        var required = shape.Fields.Where(f => f.Required).Select(f => (JsonNode?)f.Key).ToArray();
        if (required.Length > 0)
        {
            mapping["required"] = new JsonArray(required);
        }

        if (!shape.RequiredAlternatives.IsEmpty)
        {
            mapping["anyOf"] = new JsonArray([.. shape.RequiredAlternatives.Select(keys =>
                (JsonNode)new JsonObject { ["required"] = new JsonArray([.. keys.Select(k => (JsonNode?)k)]) })]);
        }

        return mapping;
    }

    private static JsonObject Value(Field field)
    {
        var value = field.Type switch
        {
            FieldType.Mapping => Mapping(field.Shape!),
            FieldType.MappingList => new JsonObject { ["type"] = "array", ["items"] = Mapping(field.Shape!) },
            FieldType.TextOrMapping or FieldType.UrlOrMapping => new JsonObject
            {
                ["anyOf"] = new JsonArray(Scalar(field.Type == FieldType.UrlOrMapping ? FieldType.Url : FieldType.Text, field), Mapping(field.Shape!)),
            },
            FieldType.Color when field.Shape is not null => new JsonObject { ["anyOf"] = new JsonArray(Scalar(FieldType.Color, field), Mapping(field.Shape)) },
            FieldType.Links => Links(field),
            FieldType.TextList => new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "array", ["items"] = Scalar(FieldType.Text, field) }, Scalar(FieldType.Text, field)) },
            FieldType.ChoiceList => new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "array", ["items"] = Scalar(FieldType.Choice, field) }, Scalar(FieldType.Choice, field)) },
            _ => Scalar(field.Type, field),
        };
        if (!field.Required && value["anyOf"] is null && value["type"] is JsonValue type && type.GetValue<string>() != "object")
        {
            // An empty optional key ('bio:') is YAML null and means "not given".
            value["type"] = new JsonArray(type.GetValue<string>(), "null");
        }

        return value;
    }

    private static JsonObject Links(Field field)
    {
        var properties = new JsonObject();
        foreach (var (name, kind) in field.LinkKinds!.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            // LinkKind.ToUrl: a URL, or where the site is known an id without spaces or URL punctuation.
            properties[name] = kind.Template is null
                ? Scalar(FieldType.Url, null)
                : new JsonObject
                {
                    ["anyOf"] = new JsonArray(Scalar(FieldType.Url, null), new JsonObject { ["type"] = "string", ["pattern"] = "^[^\\s<>\"'?#]+$" }, new JsonObject { ["type"] = "number" }),
                    ["description"] = $"{kind.Label}: a URL or {kind.IdDescription}",
                };
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
    }

    private const string DatePattern = @"^[0-9]{4}(?:[-./](?:0?[1-9]|1[0-2])(?:[-./](?:0?[1-9]|[12][0-9]|3[01]))?)?$";

    private static JsonObject Scalar(FieldType type, Field? field) => type switch
    {
        FieldType.Text or FieldType.Markdown => field?.Pattern is { } pattern
            ? new JsonObject { ["type"] = "string", ["pattern"] = pattern }
            : new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") },
        FieldType.Url => new JsonObject { ["type"] = "string", ["pattern"] = @"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+" },
        FieldType.Email => new JsonObject { ["type"] = "string", ["pattern"] = @"^[^@\s]+@[^@\s]+$" },
        FieldType.Date => new JsonObject
        {
            ["anyOf"] = new JsonArray(
                new JsonObject { ["type"] = "string", ["pattern"] = DatePattern },
                new JsonObject { ["type"] = "number", ["minimum"] = 1000, ["maximum"] = 9999.99 }),
        },
        FieldType.DateRange => new JsonObject
        {
            ["anyOf"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "string",
                    ["pattern"] = "^" + DatePattern[1..^1] + "(?:(?: - | – |–| — | to )(?:" + DatePattern[1..^1] + "|" + AnyCase(["now", "present", "today", "current"]) + "))?$",
                },
                new JsonObject { ["type"] = "number", ["minimum"] = 1000, ["maximum"] = 9999.99 }),
        },
        FieldType.Year => new JsonObject
        {
            ["anyOf"] = new JsonArray(
                new JsonObject { ["type"] = "integer", ["minimum"] = 1000, ["maximum"] = 9999 },
                new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{4}$" }),
        },
        FieldType.Bool => new JsonObject
        {
            ["anyOf"] = new JsonArray(
                new JsonObject { ["type"] = "boolean" },
                new JsonObject { ["type"] = "string", ["pattern"] = "^" + AnyCase(["true", "false", "yes", "no", "on", "off"]) + "$" }),
        },
        FieldType.Count => new JsonObject
        {
            ["anyOf"] = new JsonArray(
                new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
                new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]+$" }),
        },
        FieldType.ImagePath => new JsonObject { ["type"] = "string", ["pattern"] = @"^(?![Hh][Tt][Tt][Pp][Ss]?:)(?!.*\.\.)[^\\]+$" },
        FieldType.Choice when field!.LooseChoices => new JsonObject { ["type"] = "string", ["pattern"] = "^" + AnyCase(field.Choices) + "$" },
        FieldType.Choice => new JsonObject { ["enum"] = new JsonArray([.. field!.Choices.Select(c => (JsonNode?)c)]) },
        FieldType.Color => new JsonObject { ["type"] = "string", ["pattern"] = "^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$" },
        FieldType.LanguageTag => new JsonObject { ["type"] = "string", ["pattern"] = field!.Pattern },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a scalar type"),
    };

    /// <summary>A group matching any of the words in any case, with '_' and ' ' alike (ECMA 262 has no inline case flag).</summary>
    private static string AnyCase(IEnumerable<string> words)
    {
        var alternatives = words.Select(word =>
        {
            var builder = new StringBuilder();
            foreach (var c in word)
            {
                builder.Append(char.IsLetter(c) ? $"[{char.ToUpperInvariant(c)}{char.ToLowerInvariant(c)}]" : c is ' ' or '_' ? "[ _]" : Escape(c));
            }

            return builder.ToString();
        });
        return "(?:" + string.Join("|", alternatives) + ")";
    }

    private static string Escape(char c) => "\\^$.|?*+()[]{}/".Contains(c, StringComparison.Ordinal) ? "\\" + c : c.ToString();
}
