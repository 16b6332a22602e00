namespace ProfileSite.Content;

/// <summary>
/// The one place that forms a page's address in a language: the default language's pages live at
/// their site path (<c>/publications</c>), another language's under its tag (<c>/zh-CN/publications</c>,
/// its home at <c>/zh-CN/</c>). Every page has exactly one address per language. Paths here are
/// site paths (below the base path); absolute URLs are made from them by the caller's base URL.
/// </summary>
public static class LanguageAddresses
{
    /// <summary>The further language a request path is in (its first segment, exactly as the site
    /// spells it), or null for the default language.</summary>
    public static string? LanguageOf(string path, SiteSettings site)
    {
        var segment = path.TrimStart('/');
        var end = segment.IndexOf('/', StringComparison.Ordinal);
        segment = end < 0 ? segment : segment[..end];
        return segment.Length > 0 && site.Languages.Skip(1).Contains(segment, StringComparer.Ordinal) ? segment : null;
    }

    /// <summary>The path without its language: <c>/zh-CN/publications</c> -> <c>/publications</c>, <c>/zh-CN</c> -> <c>/</c>.</summary>
    public static string SitePathOf(string path, SiteSettings site)
    {
        if (LanguageOf(path, site) is not { } language)
        {
            return path.Length == 0 ? "/" : path;
        }

        var rest = path.TrimStart('/')[language.Length..];
        return rest.Length == 0 ? "/" : rest;
    }

    /// <summary>The address of <paramref name="sitePath"/> (which may carry a query or fragment) in <paramref name="language"/>.</summary>
    public static string PathIn(string language, SiteSettings site, string sitePath)
    {
        if (language == site.DefaultLanguage || !site.Languages.Contains(language, StringComparer.Ordinal))
        {
            return sitePath;
        }

        return sitePath.Length == 0 || sitePath[0] is '/' && (sitePath.Length == 1 || sitePath[1] is '?' or '#')
            ? $"/{language}/{sitePath.TrimStart('/')}"
            : $"/{language}{sitePath}";
    }

    /// <summary>
    /// The page in every language, for <c>hreflang</c> alternates and the sitemap: each language's
    /// address, then <c>x-default</c> (the default language's). Empty for a site of one language.
    /// </summary>
    public static IEnumerable<(string HrefLang, string Path)> Alternates(SiteSettings site, string sitePath)
    {
        if (site.Languages.Length < 2)
        {
            yield break;
        }

        foreach (var language in site.Languages)
        {
            yield return (language, PathIn(language, site, sitePath));
        }

        yield return ("x-default", PathIn(site.DefaultLanguage, site, sitePath));
    }
}
