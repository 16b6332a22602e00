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

    public void Error(Mark mark, string message) => Report(mark, Severity.Error, message);

    public void Warning(Mark mark, string message) => Report(mark, Severity.Warning, message);

    /// <summary>Reports at a mark of a parser that read <see cref="Text"/> (YAML marks are offset by <see cref="LineOffset"/>).</summary>
    public void Report(Mark mark, Severity severity, string message) =>
        Report((int)mark.Line + LineOffset, (int)mark.Column, severity, message);

    /// <summary>Reports at a 1-based line and column of <see cref="Text"/> as a whole (a .bib parser's, a Markdown parser's).</summary>
    public void Report(int line, int column, Severity severity, string message) =>
        Diagnostics.Add(new ContentError(DisplayPath, line, line > 0 ? Removed.Original(line, column) : column, severity, message));

    /// <summary>"12:5": where a parser's mark is in the file as saved, for messages that name a second place.</summary>
    public string Where(Mark mark)
    {
        var (line, column) = Original((int)mark.Line + LineOffset, (int)mark.Column);
        return $"{line}:{column}";
    }

    /// <summary>The position in the file as saved of a 1-based line and column of <see cref="Text"/>.</summary>
    public (int Line, int Column) Original(int line, int column) => (line, Removed.Original(line, column));

    public void FileError(string message) =>
        Diagnostics.Add(new ContentError(DisplayPath, 0, 0, Severity.Error, message));

    public void FileWarning(string message) =>
        Diagnostics.Add(new ContentError(DisplayPath, 0, 0, Severity.Warning, message));

    /// <summary>Set when the YAML could not be parsed (already reported), so "empty" is not reported on top.</summary>
    public bool Unparsable { get; set; }

    /// <summary>The bytes that were read, so the content version hashes exactly what was loaded.</summary>
    public byte[] Bytes { get; init; } = [];

    public SourceFile WithText(string text, int lineOffset) =>
        new(DisplayPath, text, Diagnostics) { LineOffset = lineOffset, Removed = Removed };

    /// <summary>
    /// Reads a file as strict UTF-8: a BOM is dropped, CRLF and lone CR become LF, invalid bytes
    /// and oversized files are errors. Characters no output may carry are taken out here, once,
    /// each reported with its position (see <see cref="TextHygiene"/>): a warning, except NUL in a
    /// file the owner writes, which means the file is not UTF-8 text at all. Returns null when the
    /// file cannot be used. <paramref name="lenient"/> is true for files a tool wrote (BibTeX
    /// exports): NUL is a warning there too. <paramref name="repairs"/> is the severity of each
    /// character taken out (an error where the owner asked for strict reading of such files).
    /// </summary>
    public static SourceFile? Read(string path, string displayPath, Diagnostics diagnostics, long maxBytes, bool lenient = false, Severity repairs = Severity.Warning)
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

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var findings = TextHygiene.Find(text, references: true);
        var removed = ColumnMap.Empty;
        if (findings.Count > 0)
        {
            removed = ReportUnwanted(text, findings, displayPath, diagnostics, lenient, repairs);
            text = TextHygiene.Apply(text, findings);
        }

        return new SourceFile(displayPath, text, diagnostics) { Bytes = bytes, Removed = removed };
    }

    private const int MaxReportedCharacters = 5;

    /// <summary>
    /// One warning per unwanted character (the first few of a file; then one line with the count),
    /// at the line and column where it is written. Returns where characters were taken out.
    /// </summary>
    private static ColumnMap ReportUnwanted(string text, IReadOnlyList<TextFinding> findings, string displayPath, Diagnostics diagnostics, bool lenient, Severity repairs)
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
                    diagnostics.Add(new ContentError(displayPath, line, column, Severity.Error,
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
            diagnostics.Add(new ContentError(displayPath, line, column, repairs,
                what + (finding.ReplacedBySpace ? "; replaced by a space" : "; removed")));
        }

        if (reported > MaxReportedCharacters)
        {
            diagnostics.Add(new ContentError(displayPath, 0, 0, repairs,
                $"{reported - MaxReportedCharacters} more such characters in this file, removed or replaced the same way"));
        }

        return new ColumnMap(map.ToDictionary(p => p.Key, p => p.Value.ToArray()));
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

/// <summary>Collects every problem found while loading, so the owner sees them all at once.</summary>
internal sealed class Diagnostics
{
    private readonly List<ContentError> _items = [];

    public IReadOnlyList<ContentError> Items => _items;

    public bool HasErrors => _items.Any(e => e.IsError);

    public void Add(ContentError error) => _items.Add(error);
}
