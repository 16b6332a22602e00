using Microsoft.AspNetCore.Mvc;

namespace ProfileSite.Localization;

/// <summary>Links between pages in the page's language, formed by <see cref="LanguageAddresses"/>.</summary>
public static class LanguageLinks
{
    /// <summary>
    /// A link from the page being rendered to another page of the site in the same language:
    /// <c>Url.InLanguage(PublicationIndex.ListPath)</c> gives <c>/base/zh-CN/publications</c> on a Chinese page.
    /// </summary>
    public static string InLanguage(this IUrlHelper url, string sitePath)
    {
        var services = url.ActionContext.HttpContext.RequestServices;
        var content = services.GetRequiredService<SiteContent>();
        return url.Content("~" + LanguageAddresses.PathIn(content.Site.Language, content.Site, sitePath));
    }
}
