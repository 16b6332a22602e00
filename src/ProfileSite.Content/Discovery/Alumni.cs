using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace ProfileSite.Content.Discovery;

/// <summary>
/// Reads the schools a person graduated from out of an education section, where it can be read:
/// items are free Markdown ("Ph.D., School of Mathematical Sciences, Shanghai Jiao Tong University."),
/// so only a comma-separated part naming an institution is taken, and only from finished items.
/// </summary>
public static partial class Alumni
{
    public static ImmutableArray<string> Of(IEnumerable<DatedSection> sections)
    {
        var schools = new List<string>();
        foreach (var section in sections.Where(s => s.Id.StartsWith("educ", StringComparison.Ordinal)))
        {
            // An ongoing degree is not (yet) an alumnus; the employer line covers the present.
            foreach (var item in section.Items.Where(i => i.Date is not { Ongoing: true }))
            {
                if (School(PlainText.FromHtml(item.Html)) is { } school && !schools.Contains(school, StringComparer.OrdinalIgnoreCase))
                {
                    schools.Add(school);
                }
            }
        }

        return [.. schools];
    }

    /// <summary>The last comma-separated part that names an institution ("..., Zhiyuan College, SJTU University.").</summary>
    internal static string? School(string text) =>
        text.Split([',', ';', '|'], StringSplitOptions.TrimEntries)
            .Select(part => part.TrimEnd('.', ' '))
            .LastOrDefault(part => part.Length is > 3 and < 120 && Institution().IsMatch(part));

    [GeneratedRegex(@"\b(University|Universit[äéà]t?|Universidad|Universidade|Università|College|Institute|Institut|Polytechnic|Politecnico|Academy|School|ETH|EPFL|MIT)\b|大学|学院", RegexOptions.IgnoreCase)]
    private static partial Regex Institution();
}
