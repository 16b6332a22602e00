using System.Collections.Frozen;

namespace ProfileSite.Content.Bibtex;

/// <summary>
/// biblatex's entry types (manual §2.1) and the BibTeX and exporter spellings of them, with what
/// each becomes here: our <see cref="PublicationType"/>, the CSL type (CSL 1.0.2 appendix III),
/// and the field that names its container.
/// </summary>
public static class EntryTypes
{
    // BibTeX and exporters' names for biblatex types (manual §2.1.2, "Type Aliases"; Mendeley, Zotero).
    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        ["conference"] = "inproceedings", ["electronic"] = "online", ["www"] = "online", ["web_page"] = "online",
        ["webpage"] = "online", ["internet"] = "online", ["mastersthesis"] = "thesis", ["phdthesis"] = "thesis",
        ["techreport"] = "report", ["book_section"] = "incollection", ["generic"] = "misc",
        ["newspaper_article"] = "article", ["magazine_article"] = "article", ["journal_article"] = "article",
        ["conference_proceedings"] = "inproceedings", ["computer_program"] = "software", ["statute"] = "legislation",
        ["bill"] = "legislation", ["case"] = "jurisdiction", ["film"] = "movie", ["hearing"] = "legal",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The biblatex type an entry type names (<c>phdthesis</c> gives <c>thesis</c>; unknown types stay as written).</summary>
    public static string Canonical(string type) => Aliases.TryGetValue(type, out var canonical) ? canonical : type;

    /// <summary>Entry types that are not works to list: data for other entries, or a set of entries listed each on its own.</summary>
    public static bool IsDataOnly(string type) => type is "xdata" or "set" or "nameonly";

    /// <summary>What kind of paper an entry is, for the type filter and the BibTeX written for it.</summary>
    public static PublicationType PaperType(string type, bool preprint, string? booktitle) => Canonical(type) switch
    {
        "article" or "periodical" or "suppperiodical" when preprint => PublicationType.Preprint,
        "article" or "periodical" or "suppperiodical" => PublicationType.Journal,
        "inproceedings" or "proceedings" or "mvproceedings" when (booktitle ?? "").Contains("workshop", StringComparison.OrdinalIgnoreCase) => PublicationType.Workshop,
        "inproceedings" or "proceedings" or "mvproceedings" => PublicationType.Conference,
        "thesis" => PublicationType.Thesis,
        "book" or "mvbook" or "collection" or "mvcollection" or "booklet" or "reference" or "mvreference" => PublicationType.Book,
        "inbook" or "incollection" or "bookinbook" or "suppbook" or "suppcollection" or "inreference" => PublicationType.Chapter,
        "report" or "manual" => PublicationType.Report,
        "misc" or "unpublished" or "online" when preprint => PublicationType.Preprint,
        _ => PublicationType.Other,
    };

    /// <summary>The CSL type of an entry type (CSL 1.0.2 appendix III), as citation-js and Zotero map biblatex.</summary>
    public static string CslType(string type, string? entrySubtype, bool preprint)
    {
        var canonical = Canonical(type);
        if (preprint && canonical is "article" or "misc" or "unpublished" or "online")
        {
            return "article";
        }

        return canonical switch
        {
            "article" when type == "newspaper_article" || entrySubtype == "newspaper" => "article-newspaper",
            "article" when type == "magazine_article" || entrySubtype == "magazine" => "article-magazine",
            "article" => "article-journal",
            "book" or "mvbook" or "collection" or "mvcollection" or "booklet" or "proceedings" or "mvproceedings" or "reference" or "mvreference" => "book",
            "inbook" or "incollection" or "bookinbook" or "suppbook" or "suppcollection" => "chapter",
            "inreference" => "entry-encyclopedia",
            "inproceedings" => "paper-conference",
            "thesis" => "thesis",
            "report" or "manual" => "report",
            "online" => "webpage",
            "patent" => "patent",
            "dataset" => "dataset",
            "software" or "hardware" => "software",
            "unpublished" => "manuscript",
            "periodical" or "suppperiodical" => "periodical",
            "standard" => "standard",
            "review" => "review",
            "legislation" or "legal" or "constitution" or "legmaterial" or "legadminmaterial" => "legislation",
            "jurisdiction" => "legal_case",
            "video" or "movie" => "motion_picture",
            "audio" or "music" => "song",
            "image" or "artwork" => "graphic",
            "letter" or "conversation" => "personal_communication",
            "presentation" or "performance" => "speech",
            _ => "document",
        };
    }
}
