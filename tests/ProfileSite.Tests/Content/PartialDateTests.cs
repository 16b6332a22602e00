using ProfileSite.Content;

namespace ProfileSite.Tests.Content;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2024", "2024", "2024")]
    [InlineData("2024-01", "2024-01", "2024.01")]
    [InlineData("2024.9", "2024-09", "2024.09")]
    [InlineData("2024-01-15", "2024-01-15", "2024.01.15")]
    [InlineData("2024/02/29", "2024-02-29", "2024.02.29")]
    public void TryParse_AcceptsTheWrittenForms(string text, string iso, string display)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal(iso, date.ToIsoString());
        Assert.Equal(display, date.ToDisplayString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Jan 2024")]
    [InlineData("2024-13")]
    [InlineData("2023-02-29")]
    [InlineData("24-01")]
    [InlineData("2024-01-01T00:00")]
    [InlineData("２０２４")]
    [InlineData("١٤٤٥-٠١")]
    public void TryParse_RejectsEverythingElse(string text) => Assert.False(PartialDate.TryParse(text, out _));

    [Theory]
    [InlineData("2021.09 - now", "2021.09 - now")]
    [InlineData("2021.09 - Present", "2021.09 - now")]
    [InlineData("2017.09 - 2021.06", "2017.09 - 2021.06")]
    [InlineData("2017.09 – 2021.06", "2017.09 - 2021.06")]
    [InlineData("2021.06", "2021.06")]
    public void DateRange_ParsesSpans(string text, string display)
    {
        Assert.True(DateRange.TryParse(text, out var range));
        Assert.Equal(display, range!.ToDisplayString());
    }

    [Theory]
    [InlineData("2021.06 - 2020.01")]
    [InlineData("2021.06 - later")]
    [InlineData("now")]
    public void DateRange_RejectsBackwardsAndUnknown(string text) => Assert.False(DateRange.TryParse(text, out _));

    [Fact]
    public void CompareTo_OrdersYearThenMonthThenDay()
    {
        PartialDate[] dates = [new(2024, 1, null), new(2023, null, null), new(2024, 1, 5), new(2024, null, null)];

        Assert.Equal(["2023", "2024", "2024-01", "2024-01-05"], dates.Order().Select(d => d.ToIsoString()));
    }
}
