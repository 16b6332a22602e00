using ProfileSite.Content;
using ProfileSite.Content.Loading;

namespace ProfileSite.Tests.Support;

/// <summary>Loads a <see cref="TestContent"/> folder the way the app does, for library tests without a host.</summary>
internal static class ContentLoading
{
    public static ContentLoadResult Load(this TestContent content) =>
        ContentLoader.Load(new ContentLoadOptions(content.ContentPath, content.WebRootPath));

    /// <summary>Loads and asserts success, showing every problem when it fails; the result keeps the warnings.</summary>
    public static ContentLoadResult LoadSucceeded(this TestContent content)
    {
        var result = content.Load();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result;
    }

    /// <summary>Loads and asserts success, showing every problem when it fails.</summary>
    public static SiteContent LoadValid(this TestContent content) => content.LoadSucceeded().Content!;

    /// <summary>Loads and asserts that exactly one error was found.</summary>
    public static ContentError SingleError(this TestContent content)
    {
        var result = content.Load();
        Assert.False(result.Succeeded);
        return Assert.Single(result.Problems, p => p.IsError);
    }
}
