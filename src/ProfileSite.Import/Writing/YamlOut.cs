using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ProfileSite.Import.Writing;

/// <summary>
/// Writes YAML through YamlDotNet's emitter, so quoting and escaping follow the YAML 1.2 spec
/// rather than string concatenation. A string that a YAML reader would take for something else
/// (<c>null</c>, <c>yes</c>, <c>1.5</c>, an empty string) is double-quoted.
/// </summary>
internal sealed partial class YamlOut : IDisposable
{
    private readonly StringWriter _text = new() { NewLine = "\n" };
    private readonly Emitter _emitter;

    public YamlOut()
    {
        _emitter = new Emitter(_text, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, skipAnchorName: false, indentSequences: false, newLine: "\n"));
        _emitter.Emit(new StreamStart());
        _emitter.Emit(new DocumentStart(null, null, isImplicit: true));
    }

    public YamlOut BeginMap(bool flow = false)
    {
        _emitter.Emit(new MappingStart(null, null, isImplicit: true, flow ? MappingStyle.Flow : MappingStyle.Block));
        return this;
    }

    public YamlOut EndMap()
    {
        _emitter.Emit(new MappingEnd());
        return this;
    }

    public YamlOut BeginList(bool flow = false)
    {
        _emitter.Emit(new SequenceStart(null, null, isImplicit: true, flow ? SequenceStyle.Flow : SequenceStyle.Block));
        return this;
    }

    public YamlOut EndList()
    {
        _emitter.Emit(new SequenceEnd());
        return this;
    }

    /// <summary>A string scalar, quoted when a YAML reader would otherwise read another type.</summary>
    public YamlOut String(string value)
    {
        var style = NeedsQuotes(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
        _emitter.Emit(new Scalar(null, null, value, style, isPlainImplicit: true, isQuotedImplicit: true));
        return this;
    }

    /// <summary>A value written as YAML reads it back as what it is (an integer, a date): always plain.</summary>
    public YamlOut Plain(string value)
    {
        _emitter.Emit(new Scalar(null, null, value, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
        return this;
    }

    public YamlOut Key(string key) => String(key);

    public YamlOut Pair(string key, string? value) => value is null ? this : Key(key).String(value);

    /// <summary>A comment after the previous value, on the same line.</summary>
    public YamlOut Comment(string text)
    {
        _emitter.Emit(new YamlDotNet.Core.Events.Comment(text, isInline: true));
        return this;
    }

    public void Dispose() => _text.Dispose();

    public string Finish()
    {
        _emitter.Emit(new DocumentEnd(isImplicit: true));
        _emitter.Emit(new StreamEnd());
        // The emitter escapes characters outside the Basic Multilingual Plane (emoji) as \UXXXXXXXX;
        // inside a double-quoted scalar the character itself means the same and reads better.
        var text = AstralEscape().Replace(_text.ToString(), m => m.Groups["bs"].Value + char.ConvertFromUtf32(Convert.ToInt32(m.Groups["cp"].Value, 16)));
        return text.EndsWith('\n') ? text : text + "\n";
    }

    private static bool NeedsQuotes(string value) =>
        value.Length == 0 || value != value.Trim() || CoreSchemaNonString().IsMatch(value) || value.Any(char.IsControl);

    [GeneratedRegex(@"(?<!\\)(?<bs>(\\\\)*)\\U(?<cp>0001[0-9A-Fa-f]{4}|000[2-9A-Fa-f][0-9A-Fa-f]{4}|0010[0-9A-Fa-f]{4})", RegexOptions.CultureInvariant)]
    private static partial Regex AstralEscape();

    // YAML 1.1 and 1.2 core schema: null, booleans (with 1.1's yes/no/on/off), numbers, and '<<'.
    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|<<|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreSchemaNonString();
}

/// <summary>Helpers for text files written by the importer: UTF-8 without BOM, LF line ends.</summary>
internal static class TextFile
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal), Utf8);
    }
}
