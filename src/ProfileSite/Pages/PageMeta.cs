namespace ProfileSite.Pages;

/// <summary>What the layout needs to know about the page it wraps.</summary>
public interface IPageMeta
{
    /// <summary>The document title.</summary>
    string Title { get; }

    /// <summary>The meta description, if the page has its own.</summary>
    string? Description { get; }
}
