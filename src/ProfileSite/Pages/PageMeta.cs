namespace ProfileSite.Pages;

/// <summary>What the layout needs to know about the page it wraps.</summary>
public interface IPageMeta
{
    /// <summary>The document title.</summary>
    string Title { get; }

    /// <summary>The meta description, if the page has its own.</summary>
    string? Description { get; }

    /// <summary>
    /// The page's one site path for <c>rel=canonical</c>, <c>og:url</c> and its <c>hreflang</c> alternates
    /// (<c>/</c>, <c>/publications/x</c>), decoded and without the language (<see cref="LanguageAddresses"/>
    /// adds it); never taken from the request, whose spelling a link elsewhere chose. Ignored when
    /// <see cref="Indexable"/> is false.
    /// </summary>
    string? CanonicalPath { get; }

    /// <summary>False for pages crawlers must not index (error pages): no canonical, <c>noindex</c>.</summary>
    bool Indexable => true;

    /// <summary>The link-preview image (e.g. a paper's figure); null means the owner's avatar.</summary>
    WebImage? Image => null;

    /// <summary>The Open Graph type: <c>website</c>, <c>profile</c>, <c>article</c>.</summary>
    string OpenGraphType => "website";
}
