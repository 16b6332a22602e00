using System.Globalization;
using System.Text;

namespace ProfileSite.BrowserTests.Support;

/// <summary>
/// Content of shapes that break layouts, generated from a seed so a failure can be replayed:
/// long unbroken words, URLs, DOIs and gene names, right-to-left and mixed-direction text, CJK
/// runs without spaces, wide Markdown tables, long code lines and a long BibTeX entry, placed in
/// every field the owner writes (profile, about, news, a section, papers).
/// </summary>
public sealed class GeneratedContent
{
    private const string Han =
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天";

    private static readonly string[] Arabic = ["التعلم", "العميق", "للجميع", "الشبكات", "العصبية", "نظرية", "جامعة", "القاهرة", "محمد", "الأحمد", "بحث"];
    private static readonly string[] Hebrew = ["למידה", "עמוקה", "אוניברסיטת", "תל", "אביב", "דוד", "כהן", "מחקר"];
    private static readonly string[] Latin = ["learning", "theory", "of", "deep", "networks", "the", "graph", "and", "condensation", "dropout"];

    private readonly Random _random;
    private readonly List<string> _tokens = [];

    private GeneratedContent(int seed) => _random = new Random(seed);

    /// <summary>Every long token written (words, URLs, identifiers, CJK runs): each must survive printing whole.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>The paper pages written, as site paths.</summary>
    public IReadOnlyList<string> PaperPaths { get; private set; } = [];

    /// <summary>Replaces the shipped example's owner files in <paramref name="contentPath"/> with generated ones.</summary>
    public static GeneratedContent Write(string contentPath, int seed)
    {
        var generated = new GeneratedContent(seed);
        generated.WriteAll(contentPath);
        return generated;
    }

    private void WriteAll(string contentPath)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(contentPath, "publications")).Concat(Directory.EnumerateFiles(Path.Combine(contentPath, "sections"))))
        {
            File.Delete(file);
        }

        OtherSite.Write(contentPath, "site.yaml", $"title: {Quote(Sentence(2))}\nlanguage: en\n");
        OtherSite.Write(contentPath, "profile.yaml", $"""
            name: {Quote(Name())}
            bio: {Quote(Sentence(4))}
            location: {Quote(Sentence(2))}
            employer: {Quote(Sentence(2))}
            employer_url: https://example.org/
            links:
              github: {Word(8, 30)}
            """);
        OtherSite.Write(contentPath, "about.md", $"---\ntitle: {Quote(Sentence(2))}\n---\n{Sentence(12)}\n\n{Table()}\n\n{Code()}\n\n{Sentence(8)}\n");
        OtherSite.Write(contentPath, "news.yaml", string.Concat(Enumerable.Range(0, 6).Select(i =>
            $"- date: 2024.{12 - i:D2}\n  text: {Quote(Sentence(_random.Next(3, 9)))}\n")));
        OtherSite.Write(contentPath, "sections/20-generated.yaml", $"title: {Quote(Sentence(2))}\nicon: 📖\nitems:\n" + string.Concat(
            Enumerable.Range(0, 4).Select(i => $"  - date: {2020 - i}.09 - {2021 - i}.06\n    text: {Quote(Sentence(_random.Next(2, 7)))}\n")));

        var paths = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var slug = $"2024-generated-{i}";
            paths.Add("/publications/" + slug);
            var bibtex = i == 0
                ? $"bibtex: |\n  @article{{generated{i},\n    title = {{{Sentence(6)}}},\n    author = {{{Name()} and {Name()}}},\n    journal = {{{Sentence(4)}}},\n    note = {{{Url()} {Word(150, 250)}}},\n    year = {{2024}}\n  }}\n"
                : "";
            OtherSite.Write(contentPath, $"publications/{slug}.md", $"""
                ---
                title: {Quote(Sentence(_random.Next(3, 8)))}
                authors: [{string.Join(", ", Enumerable.Range(0, _random.Next(3, 8)).Select(_ => Quote(Name())))}]
                venue: {Quote(Sentence(3))}
                badge: {Quote(Word(6, 24))}
                date: 2024-{i + 1:D2}
                url: {Url()}
                summary: {Quote(Sentence(_random.Next(3, 8)))}
                tags: [{Quote(Word(20, 60))}, {Quote(Cjk(8, 20))}]
                links:
                  code: {Url()}
                  arxiv: 2401.0{_random.Next(1000, 9999)}
                {bibtex}---
                {Sentence(10)}

                {Table()}

                {Code()}

                """);
        }

        PaperPaths = paths;
    }

    // ---- pieces ---------------------------------------------------------------------------

    /// <summary>A line of text mixing every kind of piece.</summary>
    private string Sentence(int pieces) => string.Join(' ', Enumerable.Range(0, pieces).Select(_ => _random.Next(9) switch
    {
        0 => Word(40, 140),
        1 => Url(),
        2 => Doi(),
        3 => Gene(),
        4 => Cjk(30, 90),
        5 => RightToLeft(),
        6 => $"{RightToLeft()} (ML) {Latin[_random.Next(Latin.Length)]}!",
        7 => Latin[_random.Next(Latin.Length)],
        _ => "😀",
    }));

    private string Name() => _random.Next(5) switch
    {
        0 => Track(Word(30, 70)),
        1 => $"{Arabic[_random.Next(Arabic.Length)]} {Arabic[_random.Next(Arabic.Length)]}",
        2 => $"{Hebrew[_random.Next(Hebrew.Length)]} {Hebrew[_random.Next(Hebrew.Length)]}",
        3 => Cjk(2, 4),
        _ => $"Ada {Latin[_random.Next(Latin.Length)]}",
    };

    private string Word(int min, int max)
    {
        var builder = new StringBuilder();
        var length = _random.Next(min, max);
        for (var i = 0; i < length; i++)
        {
            builder.Append((char)('a' + _random.Next(26)));
        }

        return Track(builder.ToString());
    }

    private string Url() => Track($"https://github.com/{Plain(10, 40)}/{Plain(40, 90)}/blob/main/{Plain(20, 60)}.py");

    private string Doi() => Track($"10.{_random.Next(1000, 9999)}/{Plain(6, 10).ToUpperInvariant()}.{_random.Next(1000000, 99999999)}.{Plain(30, 70)}");

    private string Gene() => Track($"ENSG{_random.Next(10000000, 99999999):D11}-{Plain(20, 50).ToUpperInvariant()}");

    private string Cjk(int min, int max)
    {
        var builder = new StringBuilder();
        var length = _random.Next(min, max);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Han[_random.Next(Han.Length)]);
        }

        return Track(builder.ToString());
    }

    private string RightToLeft()
    {
        var words = _random.Next(2) == 0 ? Arabic : Hebrew;
        return string.Join(' ', Enumerable.Range(0, _random.Next(2, 6)).Select(_ => words[_random.Next(words.Length)]));
    }

    private string Table()
    {
        var columns = _random.Next(8, 16);
        var header = "| " + string.Join(" | ", Enumerable.Range(0, columns).Select(c => $"column {c}")) + " |";
        var rule = "|" + string.Concat(Enumerable.Repeat("---|", columns));
        var rows = Enumerable.Range(0, 3).Select(_ => "| " + string.Join(" | ", Enumerable.Range(0, columns).Select(_ => _random.Next(4) switch
        {
            0 => Url(),
            1 => Word(10, 40),
            2 => Cjk(4, 12),
            _ => _random.Next(100000).ToString(CultureInfo.InvariantCulture),
        })) + " |");
        return string.Join('\n', [header, rule, .. rows]);
    }

    private string Code() => $"```\n{Track("call(" + Plain(150, 300) + ")")}\n```";

    private string Plain(int min, int max)
    {
        var builder = new StringBuilder();
        var length = _random.Next(min, max);
        for (var i = 0; i < length; i++)
        {
            builder.Append((char)('a' + _random.Next(26)));
        }

        return builder.ToString();
    }

    private string Track(string token)
    {
        _tokens.Add(token);
        return token;
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
