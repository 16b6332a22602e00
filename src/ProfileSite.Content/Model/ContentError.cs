namespace ProfileSite.Content;

/// <summary>How serious a content problem is: errors stop a snapshot, warnings do not.</summary>
public enum Severity
{
    Warning,
    Error,
}

/// <summary>
/// A problem the owner can fix, pinned to a place in a content file.
/// Rendered as <c>content/news.yaml:12:5: error: 'date' must be ...</c>.
/// </summary>
/// <param name="File">Path relative to the content root's parent, with forward slashes (e.g. <c>content/news.yaml</c>).</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column, or 0 when the problem concerns the whole file.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">What was expected and what was found.</param>
public sealed record ContentError(string File, int Line, int Column, Severity Severity, string Message)
{
    public bool IsError => Severity == Severity.Error;

    public override string ToString()
    {
        var file = Printable(File);
        var where = Line > 0 ? $"{file}:{Line}:{Column}" : file;
        var kind = Severity == Severity.Error ? "error" : "warning";
        return $"{where}: {kind}: {Message}";
    }

    /// <summary>
    /// A file name as it can be printed: a control character, line break or bidirectional control in it
    /// (a name pasted from a PDF) is written as <c>\u202E</c>, so it cannot split the log line or reorder
    /// the message on the owner's terminal (Unicode UAX #9; CVE-2021-42574).
    /// </summary>
    private static string Printable(string path)
    {
        if (!path.Any(c => c is '\t' or '\n' or '\r' || Text.TextHygiene.IsUnwanted(c)))
        {
            return path;
        }

        var printable = new System.Text.StringBuilder(path.Length + 8);
        foreach (var c in path)
        {
            if (c is '\t' or '\n' or '\r' || Text.TextHygiene.IsUnwanted(c))
            {
                printable.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                printable.Append(c);
            }
        }

        return printable.ToString();
    }
}
