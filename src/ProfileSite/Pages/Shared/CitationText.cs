using System.Globalization;
using ProfileSite.Content.Citations;

namespace ProfileSite.Pages;

/// <summary>Citation figures as one sentence: "Cited 1,234 times, h-index 9, i10-index 8."</summary>
public static class CitationText
{
    public static string Summary(CitationSummary citations)
    {
        var text = $"Cited {citations.Total.ToString("N0", CultureInfo.InvariantCulture)} times";
        if (citations.HIndex is { } h)
        {
            text += $", h-index {h}";
        }

        if (citations.I10Index is { } i10)
        {
            text += $", i10-index {i10}";
        }

        return text + ".";
    }
}
