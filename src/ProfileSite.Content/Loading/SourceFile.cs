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
    /// <param name="path">The file to read.</param>
    /// <param name="displayPath">The path problems are reported under (<c>content/...</c>).</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="maxBytes">Larger files are refused with an error.</param>
    /// <param name="legacyEncodings">
    /// For files a tool wrote (<c>.bib</c> exports): a UTF-16 file (by its BOM) is read as such, and
    /// one that is not UTF-8 is read as Windows-1252 (Latin-1 and the Windows quotes), reported with
    /// this severity instead of refused; null for the owner's own files, which must be UTF-8.
    /// </param>
    public static SourceFile? Read(string path, string displayPath, Diagnostics diagnostics, long maxBytes, Severity? legacyEncodings = null)
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
            text = legacyEncodings is not null && Utf16(bytes) is { } utf16
                ? utf16.GetString(bytes, 2, bytes.Length - 2)
                : new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = start + Math.Max(ex.Index, 0);
            var (line, column) = LineAndColumnOfByte(bytes, offset);
            if (legacyEncodings is { } severity)
            {
                // Older Mendeley, JabRef and BibDesk set-ups save Latin-1 or Windows-1252; BibTeX itself reads bytes.
                diagnostics.Add(new ContentError(displayPath, line, column, severity,
                    $"the file is not UTF-8 (byte 0x{bytes[offset]:X2} at offset {offset}); it is read as Windows-1252 (Latin-1); save it as UTF-8"));
                text = WindowsLatin1.GetString(bytes, start, bytes.Length - start);
            }
            else
            {
                diagnostics.Add(new ContentError(displayPath, line, column, Severity.Error,
                    $"invalid UTF-8 at byte offset {offset}: save the file as UTF-8"));
                return null;
            }
        }

        return new SourceFile(displayPath, text.Replace("\r\n", "\n", StringComparison.Ordinal), diagnostics) { Bytes = bytes };
    }

    private static readonly Encoding WindowsLatin1 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>UTF-16 by its byte-order mark (some Windows tools save .bib files so), or null.</summary>
    private static UnicodeEncoding? Utf16(byte[] bytes) => bytes switch
    {
        [0xFF, 0xFE, ..] => new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true),
        [0xFE, 0xFF, ..] => new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true),
        _ => null,
    };

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
