using System.Text;
using ProfileSite.Content.Text;
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

    /// <summary>Where <see cref="TextHygiene"/> took characters out, by file line, so columns still match the file.</summary>
    private ColumnMap Removed { get; init; } = ColumnMap.Empty;

    /// <summary>The whole file as saved (line ends made LF, nothing taken out), to count its columns in characters.</summary>
    private EditorColumns Saved { get; init; } = EditorColumns.Empty;

    public void Error(Mark mark, string message) => Report(mark, Severity.Error, message);

    public void Warning(Mark mark, string message) => Report(mark, Severity.Warning, message);

    /// <summary>Reports at a mark of a parser that read <see cref="Text"/> (YAML marks are offset by <see cref="LineOffset"/>).</summary>
    public void Report(Mark mark, Severity severity, string message) =>
        Report((int)mark.Line + LineOffset, (int)mark.Column, severity, message);

    /// <summary>Reports at a 1-based line and column of <see cref="Text"/> as a whole (a .bib parser's, a Markdown parser's).</summary>
    public void Report(int line, int column, Severity severity, string message) =>
        Diagnostics.Add(new ContentError(DisplayPath, line, line > 0 ? Saved.Column(line, Removed.Original(line, column)) : column, severity, message));

    /// <summary>"12:5": where a parser's mark is in the file as saved, for messages that name a second place.</summary>
    public string Where(Mark mark)
    {
        var (line, column) = Original((int)mark.Line + LineOffset, (int)mark.Column);
        return $"{line}:{column}";
    }

    /// <summary>The position in the file as saved of a 1-based line and column of <see cref="Text"/>.</summary>
    public (int Line, int Column) Original(int line, int column) => (line, Saved.Column(line, Removed.Original(line, column)));

    public void FileError(string message) =>
        Diagnostics.Add(new ContentError(DisplayPath, 0, 0, Severity.Error, message));

    public void FileWarning(string message) =>
        Diagnostics.Add(new ContentError(DisplayPath, 0, 0, Severity.Warning, message));

    /// <summary>Set when the YAML could not be parsed (already reported), so "empty" is not reported on top.</summary>
    public bool Unparsable { get; set; }

    /// <summary>The bytes that were read, so the content version hashes exactly what was loaded.</summary>
    public byte[] Bytes { get; init; } = [];

    public SourceFile WithText(string text, int lineOffset) =>
        new(DisplayPath, text, Diagnostics) { LineOffset = lineOffset, Removed = Removed, Saved = Saved };

    /// <summary>
    /// Reads a file as strict UTF-8: a BOM is dropped, CRLF and lone CR become LF, invalid bytes
    /// and oversized files are errors. Characters no output may carry are taken out here, once,
    /// each reported with its position (see <see cref="TextHygiene"/>): a warning, except NUL in a
    /// file the owner writes, which means the file is not UTF-8 text at all. Returns null when the
    /// file cannot be used. <paramref name="lenient"/> is true for files a tool wrote (BibTeX
    /// exports): NUL is a warning there too. <paramref name="repairs"/> is the severity of each
    /// character taken out (an error where the owner asked for strict reading of such files).
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <param name="displayPath">The path problems are reported under (<c>content/...</c>).</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="maxBytes">Larger files are refused with an error.</param>
    /// <param name="lenient">True for files a tool wrote: NUL is a warning there too.</param>
    /// <param name="repairs">The severity of each character taken out.</param>
    /// <param name="legacyEncodings">
    /// For files a tool wrote (<c>.bib</c> exports): a UTF-16 file (by its BOM) is read as such, and
    /// one that is not UTF-8 is read as Windows-1252 (Latin-1 and the Windows quotes), reported with
    /// this severity instead of refused; null for the owner's own files, which must be UTF-8.
    /// </param>
    public static SourceFile? Read(string path, string displayPath, Diagnostics diagnostics, long maxBytes, bool lenient = false, Severity repairs = Severity.Warning, Severity? legacyEncodings = null)
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

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var saved = new EditorColumns(text);
        var findings = TextHygiene.Find(text, references: true);
        var removed = ColumnMap.Empty;
        if (findings.Count > 0)
        {
            removed = ReportUnwanted(text, saved, findings, displayPath, diagnostics, lenient, repairs);
            text = TextHygiene.Apply(text, findings);
        }

        return new SourceFile(displayPath, text, diagnostics) { Bytes = bytes, Removed = removed, Saved = saved };
    }

    private const int MaxReportedCharacters = 5;

    /// <summary>
    /// One warning per unwanted character (the first few of a file; then one line with the count),
    /// at the line and column where it is written. Returns where characters were taken out.
    /// </summary>
    private static ColumnMap ReportUnwanted(string text, EditorColumns saved, IReadOnlyList<TextFinding> findings, string displayPath, Diagnostics diagnostics, bool lenient, Severity repairs)
    {
        var map = new Dictionary<int, List<(int Column, int Length)>>();
        int line = 1, lineStart = 0, searched = 0, reported = 0, nuls = 0;
        foreach (var finding in findings)
        {
            for (; searched < finding.Index; searched++)
            {
                if (text[searched] == '\n')
                {
                    line++;
                    lineStart = searched + 1;
                }
            }

            var column = finding.Index - lineStart + 1;
            // A replacing space keeps the first column; the rest of what was written is gone.
            var (from, length) = finding.ReplacedBySpace ? (column + 1, finding.Length - 1) : (column, finding.Length);
            if (length > 0)
            {
                if (!map.TryGetValue(line, out var columns))
                {
                    map[line] = columns = [];
                }

                columns.Add((from, length));
            }

            if (finding.CodePoint == 0 && finding.Reference is null && !lenient)
            {
                if (nuls++ == 0)
                {
                    diagnostics.Add(new ContentError(displayPath, line, saved.Column(line, column), Severity.Error,
                        "U+0000 NULL in the text: a file holding NUL characters is binary or not saved as UTF-8 (UTF-16 perhaps); save it as UTF-8 text"));
                }

                continue;
            }

            if (++reported > MaxReportedCharacters)
            {
                continue;
            }

            var what = finding.Reference is { } reference
                ? $"'{reference}' stands for {TextHygiene.Name(finding.CodePoint)}, {TextHygiene.Kind(finding.CodePoint)}"
                : $"{TextHygiene.Name(finding.CodePoint)} is {TextHygiene.Kind(finding.CodePoint)}";
            diagnostics.Add(new ContentError(displayPath, line, saved.Column(line, column), repairs,
                what + (finding.ReplacedBySpace ? "; replaced by a space" : "; removed")));
        }

        if (reported > MaxReportedCharacters)
        {
            diagnostics.Add(new ContentError(displayPath, 0, 0, repairs,
                $"{reported - MaxReportedCharacters} more such characters in this file, removed or replaced the same way"));
        }

        return new ColumnMap(map.ToDictionary(p => p.Key, p => p.Value.ToArray()));
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

/// <summary>
/// Maps a column of a cleaned line back to the file as saved: each entry is where characters
/// were taken out (1-based original column) and how many UTF-16 units.
/// </summary>
internal sealed class ColumnMap(IReadOnlyDictionary<int, (int Column, int Length)[]> removed)
{
    public static ColumnMap Empty { get; } = new(new Dictionary<int, (int, int)[]>());

    public int Original(int line, int column)
    {
        if (!removed.TryGetValue(line, out var entries))
        {
            return column;
        }

        var original = column;
        foreach (var (at, length) in entries)
        {
            if (at > original)
            {
                break;
            }

            original += length;
        }

        return original;
    }
}

/// <summary>
/// Turns a column counted in UTF-16 units (what YamlDotNet, Markdig and .NET strings count) into
/// the column an editor shows: one per character (Unicode scalar value), so an emoji or another
/// character outside the Basic Multilingual Plane before the mistake counts once, not twice.
/// A tab is one character too, whatever width the editor draws it.
/// </summary>
internal sealed class EditorColumns(string text)
{
    public static EditorColumns Empty { get; } = new("");

    private int[]? _lineStarts;

    /// <param name="line">1-based line of the text.</param>
    /// <param name="column">1-based column in UTF-16 units; past the end of the line it is kept as is.</param>
    public int Column(int line, int column)
    {
        var starts = _lineStarts ??= LineStarts(text);
        if (line < 1 || line > starts.Length || column < 2)
        {
            return column;
        }

        var start = starts[line - 1];
        var end = text.IndexOf('\n', start);
        var length = (end < 0 ? text.Length : end) - start;
        var units = Math.Min(column - 1, length);
        var pairs = 0;
        for (var i = start; i < start + units - 1; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                pairs++;
                i++;
            }
        }

        return column - pairs;
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }

        return [.. starts];
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
