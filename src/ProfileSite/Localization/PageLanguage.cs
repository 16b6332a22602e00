namespace ProfileSite.Localization;

/// <summary>The language of the page a request asks for: the site's language (site.yaml <c>language</c>).</summary>
public sealed class PageLanguage(ContentStore store)
{
    /// <summary>The BCP 47 tag of the page's language.</summary>
    public string Language { get; } = store.Peek?.Site.Language ?? "en";
}
