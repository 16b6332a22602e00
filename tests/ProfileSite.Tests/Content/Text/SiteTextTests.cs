using System.Text.RegularExpressions;
using ProfileSite.Content;
using ProfileSite.Content.Text;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content.Text;

public sealed partial class SiteTextTests
{
    public static TheoryData<string> Translations => [.. SiteText.Complete.Where(c => c != "en")];

    /// <summary>A translation listed as complete has every key, none empty, each with the same placeholders.</summary>
    [Theory]
    [MemberData(nameof(Translations))]
    public void CompleteTranslation_HasEveryKeyWithTheSamePlaceholders(string translation)
    {
        var keys = SiteText.KeysOf(translation);
        foreach (var (key, english) in SiteText.NeutralEntries())
        {
            Assert.True(keys.Contains(key), $"{translation} lacks '{key}'");
            var text = SiteText.Get(key, translation);
            Assert.False(string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(english), $"{translation}: '{key}' is empty");
            Assert.Equal(Placeholders(english), Placeholders(text));
            if (key.EndsWith(".Html", StringComparison.Ordinal))
            {
                Assert.Equal(Tags(english), Tags(text));
            }
        }

        Assert.Empty(keys.Except(SiteText.NeutralEntries().Select(e => e.Key)));
    }

    /// <summary>Every key the code names, literally or built from a kind, exists (a missing one would show as its key).</summary>
    [Fact]
    public void EveryKeyTheCodeUses_Exists()
    {
        var known = SiteText.NeutralEntries().Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        // Any string literal shaped like a key ("Pubs.Count.One"), whatever call it is passed to.
        var prefixes = string.Join('|', known.Select(k => k[..k.IndexOf('.', StringComparison.Ordinal)]).Distinct());
        var literal = new Regex($"\"(?<key>(?:{prefixes})\\.[\\w.]*\\w)\"");
        var source = Path.Combine(Repository.Root, "src");
        var used = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => literal.Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(used.Count > 50, $"found only {used.Count} keys in the code");

        IEnumerable<string> built =
        [
            .. ProfileLinkKinds.All.Keys.Select(k => "Link." + k),
            .. PaperLinkKinds.All.Keys.Select(k => "Link." + k),
            .. PublicationTypes.Canonical.Keys.Select(k => "Type." + k),
            .. PublicationFilter.Names.Select(n => "Pubs.FilterName." + n),
            .. PublicationFilter.Names.Select(n => "Pubs.Problem." + n),
            .. Enumerable.Range(1, 12).Select(m => $"Date.Month.{m}"),
        ];
        var missing = used.Concat(built).Where(k => !known.Contains(k)).ToList();
        Assert.True(missing.Count == 0, $"keys with no text: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh", "zh-CN")]
    [InlineData("zh-Hans", "zh-CN")]
    [InlineData("zh-Hans-CN", "zh-CN")]
    [InlineData("zh-SG", "zh-CN")]
    [InlineData("ZH-cn", "zh-CN")]
    [InlineData("zh-TW", null)]
    [InlineData("zh-Hant-HK", null)]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("ar", null)]
    [InlineData("de-DE", null)]
    public void TranslationFor_PicksTheClosestShippedTranslation(string language, string? expected) =>
        Assert.Equal(expected, SiteText.TranslationFor(language));

    [Theory]
    [InlineData("en", "Publications", "Sep 2024", "15 Sep 2024", "2024", "1,234,567", "2021.09 - now")]
    [InlineData("en-GB", "Publications", "Sep 2024", "15 Sep 2024", "2024", "1,234,567", "2021.09 - now")]
    [InlineData("zh-CN", "论文发表", "2024年9月", "2024年9月15日", "2024", "1,234,567", "2021.09 - 至今")]
    [InlineData("ar", "Publications", "Sep 2024", "15 Sep 2024", "2024", "1,234,567", "2021.09 - now")]
    public void Formats_FollowTheLanguage(string language, string publications, string month, string day, string year, string number, string ongoing)
    {
        string Text(string key) => SiteText.Get(key, language);

        Assert.Equal(publications, Text("Section.Publications"));
        Assert.Equal(month, SiteText.LongDate(new PartialDate(2024, 9, null), Text));
        Assert.Equal(day, SiteText.LongDate(new PartialDate(2024, 9, 15), Text));
        Assert.Equal(year, SiteText.LongDate(new PartialDate(2024, null, null), Text));
        Assert.Equal(number, SiteText.Number(1234567, Text));
        Assert.Equal(ongoing, SiteText.Range(new DateRange(new PartialDate(2021, 9, null), null, true), Text));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(7, "7")]
    [InlineData(999, "999")]
    [InlineData(1000, "1,000")]
    [InlineData(12345, "12,345")]
    [InlineData(-1234, "-1,234")]
    public void Number_GroupsDigitsByThree(long value, string expected) =>
        Assert.Equal(expected, SiteText.Number(value, key => SiteText.Get(key, "en")));

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    private static string[] Tags(string text) => [.. HtmlTag().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"</?[a-z]+[^>]*>")]
    private static partial Regex HtmlTag();
}
