namespace ProfileSite.Import.Model;

/// <summary>What an import note tells: a repair, a guess or something left out; never silent.</summary>
public enum NoteKind
{
    /// <summary>Something was inferred that the source does not state (an alias, a mark's meaning, a year).</summary>
    Guessed,

    /// <summary>Something in the source was left out (a script, a Liquid loop, a placeholder).</summary>
    Dropped,

    /// <summary>Something was taken but changed or may need the owner's eye.</summary>
    Warning,
}

/// <summary>
/// One line of the import report, pinned to the source: <c>_pages/about.md:31: dropped: ...</c>.
/// </summary>
/// <param name="File">Path relative to the source folder, with forward slashes.</param>
/// <param name="Line">1-based line, or 0 when the note concerns the whole file.</param>
/// <param name="Kind">Guess, drop or warning.</param>
/// <param name="Message">What was done and why.</param>
public sealed record ImportNote(string File, int Line, NoteKind Kind, string Message)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        var kind = Kind switch
        {
            NoteKind.Guessed => "guessed",
            NoteKind.Dropped => "dropped",
            _ => "warning",
        };
        return $"{where}: {kind}: {Message}";
    }
}

/// <summary>A place in the source: a file relative to the source folder and a 1-based line.</summary>
public readonly record struct SourceLine(string File, int Line)
{
    public static SourceLine None { get; } = new("", 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}

/// <summary>Collects the notes of one import, in the order they were made, without duplicates.</summary>
public sealed class ImportNotes
{
    private readonly List<ImportNote> _notes = [];
    private readonly HashSet<ImportNote> _seen = [];

    public IReadOnlyList<ImportNote> All => _notes;

    public void Add(SourceLine at, NoteKind kind, string message)
    {
        var note = new ImportNote(at.File, at.Line, kind, message);
        if (_seen.Add(note))
        {
            _notes.Add(note);
        }
    }

    public void Guessed(SourceLine at, string message) => Add(at, NoteKind.Guessed, message);

    public void Dropped(SourceLine at, string message) => Add(at, NoteKind.Dropped, message);

    public void Warning(SourceLine at, string message) => Add(at, NoteKind.Warning, message);
}

/// <summary>What a reader made of a source: the content, the counts for the report, and every note.</summary>
public sealed record ImportResult(ContentDraft Content, ImportCounts Counts, IReadOnlyList<ImportNote> Notes);

/// <summary>Counts for the report's first lines.</summary>
public sealed record ImportCounts
{
    public int News { get; init; }

    public int Papers { get; init; }

    public int PaperBoxes { get; init; }

    public int ListEntries { get; init; }

    public int DuplicatesMerged { get; init; }

    public int Sections { get; init; }

    public int SectionItems { get; init; }

    public int Files { get; init; }
}
