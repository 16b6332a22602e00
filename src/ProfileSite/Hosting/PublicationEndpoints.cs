using Microsoft.AspNetCore.Mvc;

namespace ProfileSite.Hosting;

/// <summary>
/// Citation files for tools rather than people: every paper as BibTeX and CSL-JSON, and each
/// paper's own BibTeX. The bytes are built with the snapshot; a request only picks them.
/// </summary>
public static class PublicationEndpoints
{
    /// <summary>BibTeX's customary media type; the charset says the non-ASCII names are UTF-8.</summary>
    public const string BibtexContentType = "application/x-bibtex; charset=utf-8";

    /// <summary>The CSL-JSON media type Zotero and citeproc tools recognise.</summary>
    public const string CslJsonContentType = "application/vnd.citationstyles.csl+json; charset=utf-8";

    public static WebApplication MapPublicationFiles(this WebApplication app)
    {
        app.MapGet("/publications.bib", ([FromServices] SiteContent content) =>
            Results.Bytes(content.PublicationIndex.BibtexFile, BibtexContentType));
        app.MapGet("/publications.json", ([FromServices] SiteContent content) =>
            Results.Bytes(content.PublicationIndex.CslJson, CslJsonContentType));
        app.MapGet("/publications/{slug}.bib", (string slug, [FromServices] SiteContent content) =>
            content.PublicationIndex.Pages.TryGetValue(slug, out var page)
                ? Results.Bytes(page.BibtexBytes, BibtexContentType)
                : Results.NotFound());
        return app;
    }
}
