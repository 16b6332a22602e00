using ProfileSite.Content.Text;

namespace ProfileSite.Tests.Content.Text;

public sealed class TextHygieneTests
{
    public static TheoryData<int> Unwanted()
    {
        var data = new TheoryData<int>();
        foreach (var codePoint in Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')))
        {
            data.Add(codePoint);
        }

        foreach (var codePoint in Enumerable.Range(0x7F, 0x21).Concat([0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]))
        {
            data.Add(codePoint);
        }

        foreach (var codePoint in Enumerable.Range(0xFDD0, 0x20).Concat(Enumerable.Range(0, 17).SelectMany(plane => new[] { (plane << 16) | 0xFFFE, (plane << 16) | 0xFFFF })))
        {
            data.Add(codePoint);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Unwanted))]
    public void Clean_TakesOutEveryUnwantedCharacter(int codePoint)
    {
        var text = "a" + char.ConvertFromUtf32(codePoint) + "b";

        var cleaned = TextHygiene.Clean(text);

        Assert.True(TextHygiene.IsUnwanted(codePoint));
        Assert.Equal(TextHygiene.BecomesSpace(codePoint) ? "a b" : "ab", cleaned);
    }

    [Theory]
    [InlineData("plain ASCII, tab\tand\nline\r\nends")]
    [InlineData("中文 العربية עברית हिन्दी")]
    [InlineData("👩‍👩‍👧‍👦 🏳️‍🌈 e\u0301\u0302")]
    [InlineData("\u200E\u200F\u061C marks that order text without overriding it")]
    [InlineData("\uFFFD\uFEFF\u00AD\u200B")]
    public void Clean_LeavesText_Alone(string text)
    {
        Assert.Same(text, TextHygiene.Clean(text));
        Assert.Empty(TextHygiene.Find(text, references: true));
    }

    [Fact]
    public void Find_GivesOffsetsLengthsAndWhatWasWritten()
    {
        var findings = TextHygiene.Find("x\u000Cy&#12;z&#x202e;\uDBFF\uDFFF&#65;&amp;", references: true);

        Assert.Equal(
            [new TextFinding(1, 1, 0x0C, null), new TextFinding(3, 5, 0x0C, "&#12;"), new TextFinding(9, 8, 0x202E, "&#x202e;"), new TextFinding(17, 2, 0x10FFFF, null)],
            findings);
    }

    [Fact]
    public void Find_WithoutReferences_LeavesReferencesAsText() =>
        Assert.Empty(TextHygiene.Find("&#12; &#x202E;", references: false));

    [Fact]
    public void Find_LoneSurrogates_AreUnwanted()
    {
        var findings = TextHygiene.Find("a\uD800b\uDC00c", references: false);

        Assert.Equal([0xD800, 0xDC00], findings.Select(f => f.CodePoint));
        Assert.Equal("abc", TextHygiene.Apply("a\uD800b\uDC00c", findings));
    }

    [Theory]
    [InlineData(0x0C, "U+000C FORM FEED")]
    [InlineData(0x00, "U+0000 NULL")]
    [InlineData(0x85, "U+0085 NEXT LINE")]
    [InlineData(0x9F, "U+009F APPLICATION PROGRAM COMMAND")]
    [InlineData(0x202E, "U+202E RIGHT-TO-LEFT OVERRIDE")]
    [InlineData(0x2069, "U+2069 POP DIRECTIONAL ISOLATE")]
    [InlineData(0xFFFE, "U+FFFE")]
    [InlineData(0x10FFFF, "U+10FFFF")]
    public void Name_IsTheCodePointAndItsUnicodeName(int codePoint, string expected) =>
        Assert.Equal(expected, TextHygiene.Name(codePoint));
}
