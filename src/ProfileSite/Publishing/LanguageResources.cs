namespace ProfileSite.Publishing;

/// <summary>
/// The resources of a site's further languages (<c>languages: [en, zh-CN]</c>): the same pages as
/// the default language's (home, list, each paper, the filtered lists a paper links to), and the
/// language's own feed and manifest, each at its address under the language's tag
/// (<see cref="LanguageAddresses"/>). The sitemap, robots.txt and the citation files are one per
/// site and stay with the default language.
/// </summary>
internal static class LanguageResources
{
    /// <param name="content">The snapshot being published (the default language's, with its translations).</param>
    /// <param name="contentRoot">The content folder's name, for error messages.</param>
    public static IEnumerable<PublishedResource> Of(SiteContent content, string contentRoot)
    {
        var site = content.Site;
        var root = contentRoot + "/";
        var list = contentRoot + "/publications/";
        foreach (var language in site.Languages.Skip(1))
        {
            var translated = content.In(language);
            string In(string sitePath) => LanguageAddresses.PathIn(language, site, sitePath);

            yield return new(In("/"), null, ResourceKind.Page, root);
            yield return new(In(PublicationIndex.ListPath), null, ResourceKind.Page, list);
            yield return new(In("/feed.xml"), null, ResourceKind.Document, root);
            yield return new(In("/site.webmanifest"), null, ResourceKind.Document, root);
            foreach (var page in translated.PublicationIndex.Pages.Values.OrderBy(p => p.Paper.Slug, StringComparer.Ordinal))
            {
                yield return new(In(page.Path), null, ResourceKind.Page, page.Paper.SourceFile);
            }

            foreach (var facet in translated.PublicationIndex.TypeFacets)
            {
                yield return new(In(PublicationIndex.ListPath), FilterQuery.Of(new PublicationFilter(null, facet.Value, null, null)), ResourceKind.Page, list);
            }

            foreach (var facet in translated.PublicationIndex.TagFacets)
            {
                yield return new(In(PublicationIndex.ListPath), FilterQuery.Of(new PublicationFilter(null, null, facet.Value, null)), ResourceKind.Page, list);
            }
        }
    }
}
