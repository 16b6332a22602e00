using System.Globalization;
using System.Text;
using ProfileSite.Content.Loading;

namespace ProfileSite.Content.Bibtex;

/// <summary>
/// Writes BibTeX: a paper's entry from its front matter (entry type from the paper type, LaTeX
/// specials escaped, non-ASCII kept as UTF-8), or a <c>.bib</c> entry back out with its
/// macros expanded so it stands alone.
/// </summary>
public static class BibtexWriter
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
    /// A stable key from the first author's family name, the year and the first telling word of
    /// the title: <c>zhang2024implicit</c>. Letters are folded to ASCII so the key works in any TeX.
    /// </summary>
    public static string BaseKey(Publication paper)
    {
        var family = paper.Authors.IsEmpty ? "" : Ascii(BibtexNames.Split(paper.Authors[0].Name).Family);
        var word = paper.Title.Split([' ', '-', ':', ',', '.', '/', '?', '!', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Select(Ascii)
            .FirstOrDefault(w => w.Length > 0 && !StopWords.Contains(w)) ?? "";
        return (family.Length == 0 ? "anon" : family) + paper.Date.Year.ToString(CultureInfo.InvariantCulture) + word;
    }

    /// <summary>The entry for a paper from its fields.</summary>
    public static string FromPublication(Publication paper, string key)
    {
        var fields = new List<(string, string)>();
        var authors = string.Join(" and ", paper.Authors.Select(a => BibtexNames.Split(a.Name)).Select(n =>
            n.Given.Length == 0 ? Escape(n.Family) : $"{Escape(n.Family)}, {Escape(n.Given)}"));
        fields.Add(("author", paper.MoreAuthors ? authors + " and others" : authors));
        fields.Add(("title", Escape(paper.Title)));
        if (paper.Venue is not null)
        {
            fields.Add((VenueField(paper.Type), Escape(paper.Venue)));
        }

        fields.Add(("year", paper.Date.Year.ToString(CultureInfo.InvariantCulture)));
        if (paper.Date.Month is { } month)
        {
            fields.Add(("month", Months.Macro(month)));
        }

        if (paper.Doi is not null)
        {
            fields.Add(("doi", Escape(paper.Doi)));
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

    /// <summary>A parsed entry written back out: its type, key and raw fields, macros expanded.</summary>
    public static string FromEntry(BibtexEntry entry) =>
        Write(entry.Type, entry.Key, entry.Fields.Select(f => (f.Name, f.Raw.Trim())));

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
                builder.Append('{').Append(value).Append('}');
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
