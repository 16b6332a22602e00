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
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        var kind = Severity == Severity.Error ? "error" : "warning";
        return $"{where}: {kind}: {Message}";
    }
}
