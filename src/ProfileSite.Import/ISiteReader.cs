using ProfileSite.Import.Model;

namespace ProfileSite.Import;

/// <summary>
/// Reads one kind of foreign site (AcadHomepage today; al-folio and academicpages are one more
/// reader each) into a <see cref="ContentDraft"/>. Lenient: the source was written for another
/// tool, so every repair, guess or skip is a note with its source line, never an exception.
/// </summary>
public interface ISiteReader
{
    /// <summary>The name used by <c>--from</c>, e.g. <c>acadhomepage</c>.</summary>
    string Name { get; }

    /// <summary>Null when <paramref name="source"/> looks like this kind of site, else why not (one line).</summary>
    string? Refusal(string source);

    /// <summary>Reads the site. Only called after <see cref="Refusal"/> returned null; never writes to the source.</summary>
    ImportResult Read(string source);
}

/// <summary>An import that cannot start (not this kind of site, an output folder in use): one line, exit code 2.</summary>
public sealed class ImportRefusedException(string message) : Exception(message);
