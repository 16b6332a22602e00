using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using ProfileSite.Content.Bibtex;

namespace ProfileSite.Content;

/// <summary>A <c>&lt;meta name content&gt;</c> pair for the page head.</summary>
public sealed record MetaTag(string Name, string Content);

/// <summary>
/// What citation tools and search engines read about a paper: Highwire Press tags (Google
/// Scholar), schema.org JSON-LD, and CSL-JSON (Zotero, Mendeley, pandoc).
/// </summary>
internal static partial class CitationFormats
{
    // Non-ASCII stays readable; '<', '>', '&' and quotes are still escaped (\u003C...), so a
    // string can never close the <script> data block it is embedded in.
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = true,
    };

    /// <summary>The Highwire Press tags Google Scholar's inclusion guidelines describe.</summary>
    public static ImmutableArray<MetaTag> Highwire(Publication paper, Uri? pageUrl)
    {
        var tags = ImmutableArray.CreateBuilder<MetaTag>();
        tags.Add(new("citation_title", paper.Title));
        foreach (var author in paper.Authors)
        {
            tags.Add(new("citation_author", author.Name));
        }

        // Scholar wants "2010/5/12", or the year alone when the day is not known; an undated entry has none.
        var date = paper.Date;
        if (!paper.Undated)
        {
            tags.Add(new("citation_publication_date", date.Day is { } day
                ? $"{date.Year}/{date.Month}/{day}"
                : date.Year.ToString(CultureInfo.InvariantCulture)));
        }
        if (paper.Venue is { } venue && VenueTag(paper.Type) is { } venueTag)
        {
            tags.Add(new(venueTag, venue));
        }

        if (paper.SourceEntry is { } entry)
        {
            AddIfPresent(tags, "citation_volume", entry["volume"]);
            AddIfPresent(tags, "citation_issue", entry["number"]);
            if (entry["pages"] is { } pages)
            {
                var parts = pages.Split(['–', '-', '—'], 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                AddIfPresent(tags, "citation_firstpage", parts.ElementAtOrDefault(0));
                AddIfPresent(tags, "citation_lastpage", parts.ElementAtOrDefault(1));
            }
        }

        AddIfPresent(tags, "citation_pdf_url", PdfUrl(paper));
        AddIfPresent(tags, "citation_doi", paper.Doi);
        AddIfPresent(tags, "citation_arxiv_id", paper.ArxivId);
        AddIfPresent(tags, "citation_abstract_html_url", pageUrl?.ToString());
        foreach (var tag in paper.Tags)
        {
            tags.Add(new("citation_keywords", tag));
        }

        return tags.ToImmutable();
    }

    private static string? VenueTag(PublicationType type) => type switch
    {
        PublicationType.Journal => "citation_journal_title",
        PublicationType.Conference or PublicationType.Workshop => "citation_conference_title",
        PublicationType.Thesis => "citation_dissertation_institution",
        PublicationType.Report => "citation_technical_report_institution",
        PublicationType.Chapter => "citation_inbook_title",
        PublicationType.Book => "citation_publisher",
        _ => null,
    };

    /// <summary>The PDF: the owner's pdf link, else arXiv's.</summary>
    public static string? PdfUrl(Publication paper) =>
        paper.Links.FirstOrDefault(l => l.Kind == "pdf")?.Url
        ?? (paper.ArxivId is { } arxiv ? $"https://arxiv.org/pdf/{arxiv}" : null);

    private static void AddIfPresent(ImmutableArray<MetaTag>.Builder tags, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            tags.Add(new(name, value));
        }
    }

    /// <summary>schema.org <c>ScholarlyArticle</c> for a <c>&lt;script type="application/ld+json"&gt;</c> data block.</summary>
    /// <param name="paper">The paper.</param>
    /// <param name="pageUrl">Its page's absolute address, when the public URL is known.</param>
    /// <param name="imageUrl">Its image's address as <see cref="Addresses.SiteAddresses"/> builds it (fingerprinted), if it has one.</param>
    public static string JsonLd(Publication paper, Uri? pageUrl, string? imageUrl)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "ScholarlyArticle");
            json.WriteString("headline", paper.Title);
            json.WriteString("name", paper.Title);
            json.WriteStartArray("author");
            foreach (var author in paper.Authors)
            {
                json.WriteStartObject();
                json.WriteString("@type", "Person");
                json.WriteString("name", author.Name);
                if (author.Url is not null)
                {
                    json.WriteString("url", author.Url);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            WritePeople(json, "editor", paper.Editors);
            WritePeople(json, "translator", paper.Translators);
            if (!paper.Undated)
            {
                json.WriteString("datePublished", paper.Date.ToIsoString());
            }

            if (paper.Venue is not null)
            {
                json.WriteStartObject("isPartOf");
                json.WriteString("@type", paper.Type == PublicationType.Journal ? "Periodical" : "CreativeWork");
                json.WriteString("name", paper.Venue);
                json.WriteEndObject();
            }

            if (pageUrl is not null)
            {
                json.WriteString("url", pageUrl.ToString());
            }

            var sameAs = new[] { paper.Url, paper.Doi is null ? null : Doi.ToUrl(paper.Doi), paper.ArxivId is null ? null : $"https://arxiv.org/abs/{paper.ArxivId}" }
                .OfType<string>().Distinct().ToArray();
            if (sameAs.Length > 0)
            {
                json.WriteStartArray("sameAs");
                foreach (var url in sameAs)
                {
                    json.WriteStringValue(url);
                }

                json.WriteEndArray();
            }

            if (imageUrl is not null)
            {
                json.WriteString("image", imageUrl);
            }

            if (PlainText(paper.SummaryHtml ?? paper.AbstractHtml) is { Length: > 0 } description)
            {
                json.WriteString("description", description);
            }

            if (!paper.Tags.IsEmpty)
            {
                json.WriteString("keywords", string.Join(", ", paper.Tags));
            }

            if (paper.Doi is not null)
            {
                json.WriteStartObject("identifier");
                json.WriteString("@type", "PropertyValue");
                json.WriteString("propertyID", "DOI");
                json.WriteString("value", paper.Doi);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Every paper as a CSL-JSON array (CSL 1.0.2 schema): names in their BibTeX parts
    /// (<c>family</c>, <c>given</c>, <c>non-dropping-particle</c>, <c>suffix</c>, or <c>literal</c>
    /// for an organisation), editors and translators as such, date ranges and <c>circa</c>, titles
    /// in CSL's rich-text subset, and the volume, issue, pages, ISBN and ISSN a <c>.bib</c> entry gives.
    /// </summary>
    public static byte[] CslJson(IEnumerable<(Publication Paper, string Key, Uri? PageUrl)> papers)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartArray();
            foreach (var (paper, key, pageUrl) in papers)
            {
                json.WriteStartObject();
                json.WriteString("id", key);
                json.WriteString("type", paper.CslType ?? CslType(paper.Type));
                json.WriteString("title", paper.TitleCsl ?? paper.Title);
                WriteCslNames(json, "author", paper.Authors);
                WriteCslNames(json, "editor", paper.Editors);
                WriteCslNames(json, "translator", paper.Translators);
                if (!paper.Undated)
                {
                    WriteCslDate(json, "issued", paper.Date, paper.EndDate, paper.ApproximateDate);
                }

                if (paper.Status is not null)
                {
                    json.WriteString("status", paper.Status);
                }

                if (paper.Accessed is { } accessed)
                {
                    WriteCslDate(json, "accessed", accessed, null, false);
                }

                if (paper.Venue is not null)
                {
                    var venueIsPublisher = paper.Publisher is null && paper.Type is PublicationType.Thesis or PublicationType.Book or PublicationType.Report;
                    json.WriteString(venueIsPublisher ? "publisher" : "container-title", venueIsPublisher ? paper.Venue : paper.VenueCsl ?? paper.Venue);
                }

                if (paper.Publisher is not null)
                {
                    json.WriteString("publisher", paper.Publisher);
                }

                if (paper.Place is not null)
                {
                    json.WriteString("publisher-place", paper.Place);
                }

                if (paper.SourceEntry is { } entry)
                {
                    foreach (var (field, csl) in new[] { ("volume", "volume"), ("number", "issue"), ("issue", "issue"), ("pages", "page"), ("isbn", "ISBN"), ("issn", "ISSN"), ("edition", "edition") })
                    {
                        if (entry[field] is { } value && !(csl == "issue" && field == "issue" && entry["number"] is not null))
                        {
                            json.WriteString(csl, csl == "page" ? value.Replace('–', '-') : value);
                        }
                    }
                }

                if (paper.Doi is not null)
                {
                    json.WriteString("DOI", paper.Doi);
                }

                if ((paper.Url ?? pageUrl?.ToString()) is { } url)
                {
                    json.WriteString("URL", url);
                }

                if (paper.ArxivId is not null)
                {
                    json.WriteString("number", $"arXiv:{paper.ArxivId}");
                }

                if (!paper.Tags.IsEmpty)
                {
                    json.WriteString("keyword", string.Join(", ", paper.Tags));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return stream.ToArray();
    }

    private static void WriteCslNames(Utf8JsonWriter json, string property, ImmutableArray<Author> people)
    {
        if (people.IsEmpty)
        {
            return;
        }

        json.WriteStartArray(property);
        foreach (var name in people.Select(a => a.NameParts))
        {
            json.WriteStartObject();
            if (name.IsLiteral || (name.First.Length == 0 && name.Von.Length == 0 && name.Jr.Length == 0 && name.Last.Contains(' ', StringComparison.Ordinal)))
            {
                json.WriteString("literal", name.Last);
            }
            else
            {
                json.WriteString("family", name.Last);
                if (name.First.Length > 0)
                {
                    json.WriteString("given", name.First);
                }

                if (name.Von.Length > 0)
                {
                    json.WriteString("non-dropping-particle", name.Von);
                }

                if (name.Jr.Length > 0)
                {
                    json.WriteString("suffix", name.Jr);
                }
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCslDate(Utf8JsonWriter json, string property, PartialDate date, PartialDate? end, bool circa)
    {
        json.WriteStartObject(property);
        json.WriteStartArray("date-parts");
        foreach (var part in end is { } e ? [date, e] : new[] { date })
        {
            json.WriteStartArray();
            json.WriteNumberValue(part.Year);
            if (part.Month is { } month)
            {
                json.WriteNumberValue(month);
                if (part.Day is { } day)
                {
                    json.WriteNumberValue(day);
                }
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        if (circa)
        {
            json.WriteBoolean("circa", true);
        }

        json.WriteEndObject();
    }

    private static void WritePeople(Utf8JsonWriter json, string property, ImmutableArray<Author> people)
    {
        if (people.IsEmpty)
        {
            return;
        }

        json.WriteStartArray(property);
        foreach (var person in people)
        {
            json.WriteStartObject();
            json.WriteString("@type", "Person");
            json.WriteString("name", person.Name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string CslType(PublicationType type) => type switch
    {
        PublicationType.Journal => "article-journal",
        PublicationType.Conference or PublicationType.Workshop => "paper-conference",
        PublicationType.Preprint => "article",
        PublicationType.Thesis => "thesis",
        PublicationType.Book => "book",
        PublicationType.Chapter => "chapter",
        PublicationType.Report => "report",
        _ => "document",
    };

    /// <summary>Rendered Markdown as one line of plain text (tags dropped, entities decoded, spaces collapsed).</summary>
    public static string? PlainText(string? html) =>
        html is null ? null : string.Join(' ', WebUtility.HtmlDecode(Tags().Replace(Formulas.MathMl.ReplaceWithText(html), "")).Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
