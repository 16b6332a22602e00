using System.Collections.Frozen;
using System.Collections.Immutable;

namespace ProfileSite.Content;

/// <summary>
/// What <c>site.yaml</c> says about being found: verification tokens, robots, the icon and the
/// browser theme colours. Everything has a default, so a site with no such keys is complete.
/// </summary>
public sealed record SeoSettings
{
    /// <summary>The settings of a <c>site.yaml</c> that names none of these keys.</summary>
    public static SeoSettings Default { get; } = new();

    /// <summary>Search-console verification metas, as (meta name, token) in a fixed order (Google, Bing, Baidu, Yandex).</summary>
    public ImmutableArray<VerificationMeta> Verification { get; init; } = [];

    /// <summary>False when the owner asked search engines to stay away (<c>robots: disallow</c>).</summary>
    public bool AllowIndexing { get; init; } = true;

    /// <summary>
    /// The image used as favicon, touch icon and manifest icon: site.yaml's <c>icon</c>, else the
    /// avatar, else the shipped <c>favicon.svg</c> (null when the web root has none of them).
    /// </summary>
    public WebImage? Icon { get; init; }

    /// <summary>True when <see cref="Icon"/> is the shipped <c>favicon.svg</c> and a <c>favicon.ico</c> sits beside it.</summary>
    public bool HasFaviconIco { get; init; }

    /// <summary>The browser UI colour in light mode (<c>theme-color</c>), a CSS hex colour.</summary>
    public string ThemeColorLight { get; init; } = "#ffffff";

    /// <summary>The browser UI colour in dark mode, a CSS hex colour.</summary>
    public string ThemeColorDark { get; init; } = "#14171b";
}

/// <summary>One search-console verification meta: <c>&lt;meta name="{Name}" content="{Token}"&gt;</c>.</summary>
public sealed record VerificationMeta(string Name, string Token);

/// <summary>
/// When each input last changed (file modification times), for sitemap <c>lastmod</c>.
/// Keys are display paths for content files (<c>content/news.yaml</c>) and web paths for images
/// (<c>images/pic1.png</c>).
/// </summary>
public sealed record ContentTimes(FrozenDictionary<string, DateTimeOffset> Modified)
{
    public static ContentTimes Empty { get; } = new(FrozenDictionary<string, DateTimeOffset>.Empty);

    /// <summary>The newest modification of any input.</summary>
    public DateTimeOffset Newest => Modified.Count == 0 ? DateTimeOffset.UnixEpoch : Modified.Values.Max();

    /// <summary>The newest modification among the given keys (unknown keys are skipped); null when none is known.</summary>
    public DateTimeOffset? NewestOf(IEnumerable<string?> keys)
    {
        DateTimeOffset? newest = null;
        foreach (var key in keys)
        {
            if (key is not null && Modified.TryGetValue(key, out var time) && (newest is null || time > newest))
            {
                newest = time;
            }
        }

        return newest;
    }
}
