using ProfileSite.Content;

namespace ProfileSite.Tests.Content.Model;

public sealed class LanguageAddressesTests
{
    private static readonly SiteSettings Bilingual = new() { Title = "t", Language = "en", Languages = ["en", "zh-CN"] };
    private static readonly SiteSettings Monolingual = new() { Title = "t", Language = "en", Languages = ["en"] };

    [Theory]
    [InlineData("en", "/", "/")]
    [InlineData("en", "/publications", "/publications")]
    [InlineData("zh-CN", "/", "/zh-CN/")]
    [InlineData("zh-CN", "/publications", "/zh-CN/publications")]
    [InlineData("zh-CN", "/publications/2024-flows", "/zh-CN/publications/2024-flows")]
    [InlineData("zh-CN", "/publications?tag=a%20b", "/zh-CN/publications?tag=a%20b")]
    [InlineData("zh-CN", "/#news", "/zh-CN/#news")]
    [InlineData("zh-CN", "/?x=1", "/zh-CN/?x=1")]
    [InlineData("fr", "/publications", "/publications")]
    public void PathIn_PutsFurtherLanguagesUnderTheirTag(string language, string sitePath, string expected) =>
        Assert.Equal(expected, LanguageAddresses.PathIn(language, Bilingual, sitePath));

    [Theory]
    [InlineData("/zh-CN/", "zh-CN", "/")]
    [InlineData("/zh-CN", "zh-CN", "/")]
    [InlineData("/zh-CN/publications/x", "zh-CN", "/publications/x")]
    [InlineData("/zh-cn/publications", null, "/zh-cn/publications")]
    [InlineData("/en/publications", null, "/en/publications")]
    [InlineData("/zh-CNx/", null, "/zh-CNx/")]
    [InlineData("/publications", null, "/publications")]
    [InlineData("/", null, "/")]
    [InlineData("", null, "/")]
    public void LanguageOfAndSitePathOf_ReadTheFirstSegment(string path, string? language, string sitePath)
    {
        Assert.Equal(language, LanguageAddresses.LanguageOf(path, Bilingual));
        Assert.Equal(sitePath, LanguageAddresses.SitePathOf(path, Bilingual));
    }

    [Fact]
    public void Alternates_ListEveryLanguageAndXDefault_OnlyForSeveralLanguages()
    {
        Assert.Equal([("en", "/publications"), ("zh-CN", "/zh-CN/publications"), ("x-default", "/publications")],
            LanguageAddresses.Alternates(Bilingual, "/publications"));
        Assert.Empty(LanguageAddresses.Alternates(Monolingual, "/publications"));
        Assert.Null(LanguageAddresses.LanguageOf("/zh-CN/", Monolingual));
    }
}
