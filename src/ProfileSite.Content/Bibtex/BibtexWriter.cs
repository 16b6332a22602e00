using System.Globalization;
using System.Text;
using ProfileSite.Content.Loading;

namespace ProfileSite.Content.Bibtex;

/// <summary>
/// Writes BibTeX: a paper's entry from its front matter (entry type from the paper type, LaTeX
/// specials escaped, non-ASCII kept as UTF-8), or a <c>.bib</c> entry back out with its
/// macros expanded so it stands alone.
/// </summary>
public static partial class BibtexWriter
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "on", "of", "in", "for", "and", "to", "with", "by", "is", "are", "at", "from", "via",
        "towards", "toward", "into", "how", "what", "why", "when", "do", "does", "we", "its", "as", "or",
    };

    /// <summary>The BibTeX entry type for a paper type.</summary>
    public static string EntryType(PublicationType type) => type switch
    {
        PublicationType.Journal => "article",
        PublicationType.Conference or PublicationType.Workshop => "inproceedings",
        PublicationType.Thesis => "phdthesis",
        PublicationType.Book => "book",
        PublicationType.Chapter => "incollection",
        PublicationType.Report => "techreport",
        _ => "misc",
    };

    /// <summary>The field the venue goes in for an entry type.</summary>
    private static string VenueField(PublicationType type) => type switch
    {
        PublicationType.Journal => "journal",
        PublicationType.Conference or PublicationType.Workshop or PublicationType.Chapter => "booktitle",
        PublicationType.Thesis => "school",
        PublicationType.Book => "publisher",
        PublicationType.Report => "institution",
        _ => "howpublished",
    };

    /// <summary>
    /// A stable key from the first author's last name, the year and the first telling word of
    /// the title: <c>zhang2024implicit</c>. Letters are folded to ASCII so the key works in any TeX.
    /// </summary>
    public static string BaseKey(Publication paper) =>
        BaseKey((paper.Authors.IsEmpty ? paper.Editors : paper.Authors).FirstOrDefault()?.NameParts.Last, paper.Undated ? null : paper.Date.Year, paper.Title);

    /// <summary>The key from its parts: a last name (or none: <c>anon</c>), a year (or none) and a title.</summary>
    public static string BaseKey(string? lastName, int? year, string title)
    {
        var family = Ascii(lastName ?? "");
        var word = title.Split([' ', '-', ':', ',', '.', '/', '?', '!', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Select(Ascii)
            .FirstOrDefault(w => w.Length > 0 && !StopWords.Contains(w)) ?? "";
        var yearText = year is null or 0 ? "" : year.Value.ToString(CultureInfo.InvariantCulture);
        return (family.Length == 0 ? "anon" : family) + yearText + word;
    }

    /// <summary>The entry for a paper from its fields.</summary>
    public static string FromPublication(Publication paper, string key)
    {
        var fields = new List<(string, string)>();
        if (!paper.Authors.IsEmpty)
        {
            fields.Add(("author", Names(paper.Authors, paper.MoreAuthors)));
        }

        if (!paper.Editors.IsEmpty)
        {
            fields.Add(("editor", Names(paper.Editors, paper.MoreEditors)));
        }

        if (!paper.Translators.IsEmpty)
        {
            fields.Add(("translator", Names(paper.Translators, false)));
        }

        fields.Add(("title", Escape(paper.Title)));
        if (paper.Venue is not null)
        {
            fields.Add((VenueField(paper.Type), Escape(paper.Venue)));
        }

        if (!paper.Undated)
        {
            fields.Add(("year", paper.Date.Year.ToString(CultureInfo.InvariantCulture)));
            if (paper.Date.Month is { } month)
            {
                fields.Add(("month", Months.Macro(month)));
            }
        }

        if (paper.Doi is not null)
        {
            // DOIs are verbatim (biblatex's doi field, the url package): written as they are, braces aside.
            fields.Add(("doi", paper.Doi.Replace("{", "\\{", StringComparison.Ordinal).Replace("}", "\\}", StringComparison.Ordinal)));
        }

        if (paper.ArxivId is not null)
        {
            fields.Add(("eprint", paper.ArxivId));
            fields.Add(("archiveprefix", "arXiv"));
        }

        if (paper.Url is not null)
        {
            // URLs are verbatim in BibTeX (url package): only braces and % would break them.
            fields.Add(("url", paper.Url.Replace("%", "\\%", StringComparison.Ordinal)));
        }

        if (!paper.Tags.IsEmpty)
        {
            fields.Add(("keywords", Escape(string.Join(", ", paper.Tags))));
        }

        return Write(EntryType(paper.Type), key, fields);
    }

    private static string Names(IEnumerable<Author> people, bool more)
    {
        var names = string.Join(" and ", people.Select(a => BibtexNames.ToBibtex(a.NameParts, Escape)));
        return more ? names + " and others" : names;
    }

    /// <summary>
    /// A parsed entry written back out so it stands alone: its type, key and raw fields, macros
    /// expanded, what it inherited through <c>crossref</c> and <c>xdata</c> included and those two
    /// fields left out (their targets are not served beside it).
    /// </summary>
    public static string FromEntry(BibtexEntry entry) =>
        Write(entry.Type, entry.Key, entry.Fields.Where(f => f.Name is not ("crossref" or "xdata")).Select(f => (f.Name, ClassicNames(f))));

    /// <summary>
    /// A name list in biber's extended format (<c>family=Beethoven, given=Ludwig, prefix=van</c>)
    /// is rewritten in BibTeX's <c>von Last, Jr, First</c> form, which TeX Live's bibtex reads too
    /// (it stops on "too many commas" otherwise); every other value stays as written.
    /// </summary>
    private static string ClassicNames(BibtexField field)
    {
        var raw = field.Raw.Trim();
        if (!NameFields.Contains(field.Name) || !ExtendedName().IsMatch(raw))
        {
            return raw;
        }

        var list = BibtexNames.Parse(raw);
        var names = string.Join(" and ", list.Names.Select(n => BibtexNames.ToBibtex(n, Escape)));
        return list.EtAl ? names + " and others" : names;
    }

    private static readonly HashSet<string> NameFields = new(StringComparer.Ordinal)
    {
        "author", "editor", "translator", "bookauthor", "editora", "editorb", "editorc", "annotator", "commentator",
        "introduction", "foreword", "afterword", "holder", "shortauthor", "shorteditor", "namea", "nameb", "namec",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|,|\band\s)\s*(?:family|given|prefix|suffix)\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ExtendedName();

    private static string Write(string type, string key, IEnumerable<(string Name, string Value)> fields)
    {
        var builder = new StringBuilder();
        builder.Append('@').Append(type).Append('{').Append(key).Append(",\n");
        foreach (var (name, value) in fields)
        {
            builder.Append("  ").Append(name).Append(" = ");
            // Month macros stay bare (month = jan) so styles can localise them.
            if (name == "month" && value.Length == 3 && Months.Parse(value) is not null)
            {
                builder.Append(value);
            }
            else
            {
                builder.Append('{').Append(value);
                // A value ending in an odd run of backslashes (a trimmed "\ ") would make its closing brace "\}",
                // which readers take as an escaped brace: a control space keeps the text and closes the value.
                if ((value.Length - value.TrimEnd('\\').Length) % 2 == 1)
                {
                    builder.Append(' ');
                }

                builder.Append('}');
            }

            builder.Append(",\n");
        }

        return builder.Append('}').ToString();
    }

    private static string Escape(string text) => LatexText.Escape(text);

    private static string Ascii(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Select(LatinLetters.Base))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is 'ß')
            {
                builder.Append("ss");
            }
            else if (c is 'ø' or 'Ø')
            {
                builder.Append('o');
            }
            else if (c is 'ł' or 'Ł')
            {
                builder.Append('l');
            }
        }

        return builder.ToString();
    }
}
