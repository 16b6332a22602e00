using Microsoft.AspNetCore.Diagnostics;

namespace ProfileSite.Localization;

/// <summary>
/// The language of the page a request asks for, read once per request from its path: a first
/// segment naming one of the site's further languages (<c>/zh-CN/publications</c>) gives that
/// language, anything else the default. A page is identified by (language, <see cref="SitePath"/>).
/// On a re-executed error page the address the visitor asked for decides, so a 404 under
/// <c>/zh-CN/</c> is in Chinese.
/// </summary>
public sealed class PageLanguage
{
    public PageLanguage(IHttpContextAccessor accessor, ContentStore store)
    {
        var context = accessor.HttpContext;
        var path = context?.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? context?.Request.Path.Value ?? "/";
        var site = context is null ? store.Peek?.Site : SnapshotOf(context, store)?.Site;
        Language = site is null ? "en" : LanguageAddresses.LanguageOf(path, site) ?? site.DefaultLanguage;
        SitePath = site is null ? path : LanguageAddresses.SitePathOf(path, site);
    }

    /// <summary>
    /// The snapshot a request renders: the one being published for a request the publisher makes
    /// (a reload may add or drop a language), else the one served; null before the first load.
    /// </summary>
    internal static SiteContent? SnapshotOf(HttpContext context, ContentStore store) =>
        context.Features.Get<Publishing.PublishRenderFeature>()?.Content ?? store.Peek;

    /// <summary>The BCP 47 tag of the page's language.</summary>
    public string Language { get; }

    /// <summary>The page's address without its language: <c>/publications</c> for <c>/zh-CN/publications</c>.</summary>
    public string SitePath { get; }
}
