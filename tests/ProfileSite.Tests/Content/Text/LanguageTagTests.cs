using ProfileSite.Content.Text;

namespace ProfileSite.Tests.Content.Text;

public sealed class LanguageTagTests
{
    [Theory]
    [InlineData("ar")]
    [InlineData("ar-EG")]
    [InlineData("he")]
    [InlineData("he-IL")]
    [InlineData("iw")]
    [InlineData("fa")]
    [InlineData("fa-IR")]
    [InlineData("ur")]
    [InlineData("ur-PK")]
    [InlineData("ps")]
    [InlineData("ckb")]
    [InlineData("yi")]
    [InlineData("dv")]
    [InlineData("ug")]
    [InlineData("sd")]
    [InlineData("az-Arab")]
    [InlineData("pa-Arab-PK")]
    [InlineData("ku-Arab")]
    [InlineData("AR")]
    public void IsRightToLeft_ForLanguagesWrittenRightToLeft(string tag)
    {
        Assert.True(LanguageTag.IsRightToLeft(tag));
        Assert.Equal("rtl", LanguageTag.Direction(tag));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    [InlineData("zh-Hant-TW")]
    [InlineData("ja")]
    [InlineData("de")]
    [InlineData("ku-Latn")]
    [InlineData("az")]
    [InlineData("tr")]
    [InlineData("ar-Latn")]
    [InlineData("hi")]
    [InlineData("")]
    public void IsRightToLeft_IsFalseForLeftToRightLanguages(string tag)
    {
        Assert.False(LanguageTag.IsRightToLeft(tag));
        Assert.Equal("ltr", LanguageTag.Direction(tag));
    }
}
