using System.Collections.Frozen;

namespace ProfileSite.Content;

/// <summary>What kind of work a paper is; decides its BibTeX entry type, CSL type and citation tags.</summary>
public enum PublicationType
{
    Other,
    Journal,
    Conference,
    Workshop,
    Preprint,
    Thesis,
    Book,
    Chapter,
    Report,
}

/// <summary>The names owners may write for <c>type</c>, and what each type is called on the page and in citations.</summary>
public static class PublicationTypes
{
    /// <summary>The canonical names, as documented and as used in <c>?type=</c> filters.</summary>
    public static FrozenDictionary<string, PublicationType> Canonical { get; } = new Dictionary<string, PublicationType>
    {
        ["journal"] = PublicationType.Journal,
        ["conference"] = PublicationType.Conference,
        ["workshop"] = PublicationType.Workshop,
        ["preprint"] = PublicationType.Preprint,
        ["thesis"] = PublicationType.Thesis,
        ["book"] = PublicationType.Book,
        ["chapter"] = PublicationType.Chapter,
        ["report"] = PublicationType.Report,
        ["other"] = PublicationType.Other,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Other spellings people (and BibTeX) use for the same things.
    private static readonly FrozenDictionary<string, PublicationType> Synonyms = new Dictionary<string, PublicationType>
    {
        ["article"] = PublicationType.Journal,
        ["journal article"] = PublicationType.Journal,
        ["journal paper"] = PublicationType.Journal,
        ["inproceedings"] = PublicationType.Conference,
        ["proceedings"] = PublicationType.Conference,
        ["conference paper"] = PublicationType.Conference,
        ["workshop paper"] = PublicationType.Workshop,
        ["arxiv"] = PublicationType.Preprint,
        ["phdthesis"] = PublicationType.Thesis,
        ["phd thesis"] = PublicationType.Thesis,
        ["mastersthesis"] = PublicationType.Thesis,
        ["masters thesis"] = PublicationType.Thesis,
        ["dissertation"] = PublicationType.Thesis,
        ["incollection"] = PublicationType.Chapter,
        ["inbook"] = PublicationType.Chapter,
        ["book chapter"] = PublicationType.Chapter,
        ["techreport"] = PublicationType.Report,
        ["technical report"] = PublicationType.Report,
        ["misc"] = PublicationType.Other,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every name <see cref="TryParse"/> accepts (in lower case), canonical names first.</summary>
    public static IEnumerable<string> Names => Canonical.Keys.Concat(Synonyms.Keys);

    /// <summary>Reads what the owner wrote (any case, canonical name or a common synonym).</summary>
    public static bool TryParse(string? written, out PublicationType type)
    {
        type = PublicationType.Other;
        if (string.IsNullOrWhiteSpace(written))
        {
            return false;
        }

        var key = written.Trim().ToLowerInvariant().Replace('_', ' ').Replace("'", "", StringComparison.Ordinal);
        return Canonical.TryGetValue(key, out type) || Synonyms.TryGetValue(key, out type);
    }

    /// <summary>The canonical name: <c>conference</c>.</summary>
    public static string Name(this PublicationType type) => type.ToString().ToLowerInvariant();

    /// <summary>A heading-style label: <c>Conference paper</c>.</summary>
    public static string Label(this PublicationType type) => type switch
    {
        PublicationType.Journal => "Journal article",
        PublicationType.Conference => "Conference paper",
        PublicationType.Workshop => "Workshop paper",
        PublicationType.Preprint => "Preprint",
        PublicationType.Thesis => "Thesis",
        PublicationType.Book => "Book",
        PublicationType.Chapter => "Book chapter",
        PublicationType.Report => "Technical report",
        _ => "Other",
    };
}
