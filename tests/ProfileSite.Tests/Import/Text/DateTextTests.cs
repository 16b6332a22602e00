using ProfileSite.Import.Text;

namespace ProfileSite.Tests.Import.Text;

public sealed class DateTextTests
{
    // A page's text may hold digits of any script; a date is read from ASCII digits only, and
    // anything else is "not a date", never an exception that stops the import.
    [Theory]
    [InlineData("２０２１年９月")]
    [InlineData("٢٠٢١.٠٩")]
    [InlineData("१९८७")]
    public void Date_WithDigitsOfOtherScripts_IsNotADateAndDoesNotThrow(string text) => Assert.Null(DateText.Date(text));

    [Fact]
    public void YearIn_SkipsAYearWrittenInOtherDigits() => Assert.Null(DateText.YearIn("Published ２０２１ in print"));
}
