using System.Text;
using YamlDotNet.Core;

namespace ProfileSite.Content.Loading;

/// <summary>
/// One content file being read: its display path, its decoded text, and where its problems go.
/// </summary>
internal sealed class SourceFile(string displayPath, string text, Diagnostics diagnostics)
{
    public string DisplayPath { get; } = displayPath;

    public string Text { get; } = text;

    public Diagnostics Diagnostics { get; } = diagnostics;

    /// <summary>Added to YAML line numbers: front matter starts below the file's first line.</summary>
    public int LineOffset { get; init; }

    public void Error(Mark mark, string message) =>
        Diagnostics.Add(new ContentError(DisplayPath, (int)mark.Line + LineOffset, (int)mark.Column, Severity.Error, message));

    public void Warning(Mark mark, string message) =>
        Diagnostics.Add(new ContentError(DisplayPath, (int)mark.Line + LineOffset, (int)mark.Column, Severity.Warning, message));

    public void FileError(string message) =>
        Diagnostics.Add(new ContentError(DisplayPath, 0, 0, Severity.Error, message));

    public void FileWarning(string message) =>
        Diagnostics.Add(new ContentError(DisplayPath, 0, 0, Severity.Warning, message));

    /// <summary>Set when the YAML could not be parsed (already reported), so "empty" is not reported on top.</summary>
    public bool Unparsable { get; set; }

    /// <summary>The bytes that were read, so the content version hashes exactly what was loaded.</summary>
    public byte[] Bytes { get; init; } = [];

    public SourceFile WithText(string text, int lineOffset) =>
        new(DisplayPath, text, Diagnostics) { LineOffset = lineOffset };

    /// <summary>
    /// Reads a file as strict UTF-8: a BOM is dropped, CRLF becomes LF, invalid bytes and
    /// oversized files are errors. Returns null when the file cannot be used.
    /// </summary>
    public static SourceFile? Read(string path, string displayPath, Diagnostics diagnostics, long maxBytes)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > maxBytes)
            {
                diagnostics.Add(new ContentError(displayPath, 0, 0, Severity.Error,
                    $"file is {info.Length:N0} bytes; the limit is {maxBytes:N0} bytes (ProfileSite:MaxContentFileBytes)"));
                return null;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Deleted or locked while an editor saves it: a problem to report (and, while serving, retry), not a crash.
            diagnostics.Add(new ContentError(displayPath, 0, 0, Severity.Error, $"the file cannot be read: {ex.Message}"));
            return null;
        }

        if (bytes.Length > maxBytes)
        {
            diagnostics.Add(new ContentError(displayPath, 0, 0, Severity.Error,
                $"file is {bytes.Length:N0} bytes; the limit is {maxBytes:N0} bytes (ProfileSite:MaxContentFileBytes)"));
            return null;
        }

        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = start + Math.Max(ex.Index, 0);
            var (line, column) = LineAndColumnOfByte(bytes, offset);
            diagnostics.Add(new ContentError(displayPath, line, column, Severity.Error,
                $"invalid UTF-8 at byte offset {offset}: save the file as UTF-8"));
            return null;
        }

        return new SourceFile(displayPath, text.Replace("\r\n", "\n", StringComparison.Ordinal), diagnostics) { Bytes = bytes };
    }

    private static (int Line, int Column) LineAndColumnOfByte(byte[] bytes, int offset)
    {
        // Columns count characters, as editors do: UTF-8 continuation bytes (10xxxxxx) add none.
        int line = 1, column = 1;
        var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((bytes[i] & 0xC0) != 0x80 && i >= bom)
            {
                column++;
            }
        }

        return (line, column);
    }
}

/// <summary>Collects every problem found while loading, so the owner sees them all at once.</summary>
internal sealed class Diagnostics
{
    private readonly List<ContentError> _items = [];

    public IReadOnlyList<ContentError> Items => _items;

    public bool HasErrors => _items.Any(e => e.IsError);

    public void Add(ContentError error) => _items.Add(error);
}
