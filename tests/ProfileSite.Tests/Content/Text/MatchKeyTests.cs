using ProfileSite.Content.Text;

namespace ProfileSite.Tests.Content.Text;

public sealed class MatchKeyTests
{
    [Theory]
    [InlineData("Zhi-Qin John Xu", "zhiqin  john XU")]
    [InlineData("Jürgen Müller", "Jurgen Muller")]
    [InlineData("Zhāng Zhōngwàng", "Zhang Zhongwang")]
    public void Name_IgnoresCaseAccentsPunctuationAndSpacing(string written, string other) =>
        Assert.Equal(MatchKey.Name(written), MatchKey.Name(other));

    [Fact]
    public void Name_KeepsDifferentNamesApart() => Assert.NotEqual(MatchKey.Name("Yaoyu Zhang"), MatchKey.Name("Zhongwang Zhang"));

    [Fact]
    public void Title_KeepsOneSpaceBetweenWords() =>
        Assert.Equal("embedding principle of loss landscape", MatchKey.Title("  Embedding Principle of Loss-Landscape. "));
}
