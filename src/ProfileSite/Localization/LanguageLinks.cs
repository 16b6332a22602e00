using ProfileSite.Content.Addresses;

namespace ProfileSite.Localization;

/// <summary>
/// Links between pages in the page's language: the language's place (<see cref="LanguageAddresses"/>)
/// and then the one way every address is written (<see cref="SiteAddresses"/>: base path, RFC 3986
/// encoding). Files that are the same in every language (BibTeX, images, the stylesheet) keep
/// <see cref="SiteAddresses.Href"/> and <see cref="SiteAddresses.Asset(string)"/>.
/// </summary>
public static class LanguageLinks
{
    /// <summary>
    /// A page of the site in the language of <paramref name="site"/>:
    /// <c>Addresses.InLanguage(Content.Site, PublicationIndex.ListPath)</c> gives <c>/base/zh-CN/publications</c> on a Chinese page.
    /// </summary>
    /// <param name="addresses">The request's addresses.</param>
    /// <param name="site">The settings of the page being rendered (its language and the site's languages).</param>
    /// <param name="sitePath">A decoded site path without a language, starting with <c>/</c>.</param>
    /// <param name="query">An already encoded query string without <c>?</c>, or null.</param>
    /// <param name="fragment">A fragment id without <c>#</c>, or null.</param>
    public static string InLanguage(this SiteAddresses addresses, SiteSettings site, string sitePath, string? query = null, string? fragment = null) =>
        addresses.Href(LanguageAddresses.PathIn(site.Language, site, sitePath), query, fragment);

    /// <summary>A site path with an already encoded query (<c>/publications?tag=x</c>) in the page's language.</summary>
    public static string InLanguageWithQuery(this SiteAddresses addresses, SiteSettings site, string sitePathAndQuery) =>
        addresses.HrefWithQuery(LanguageAddresses.PathIn(site.Language, site, sitePathAndQuery));
}
