using Microsoft.Extensions.Localization;
using ProfileSite.Content.Citations;
using ProfileSite.Content.Text;
using ProfileSite.Localization;

namespace ProfileSite.Pages;

/// <summary>Citation figures as one sentence in the page's language: "Cited 1,234 times, h-index 9, i10-index 8."</summary>
public static class CitationText
{
    public static string Summary(CitationSummary citations, IStringLocalizer<SiteText> text, SiteFormat format)
    {
        List<string> parts = [text["Citations.Cited", format.Number(citations.Total)]];
        if (citations.HIndex is { } h)
        {
            parts.Add(text["Citations.HIndex", format.Number(h)]);
        }

        if (citations.I10Index is { } i10)
        {
            parts.Add(text["Citations.I10Index", format.Number(i10)]);
        }

        return string.Join(text["Text.ListSeparator"], parts) + text["Text.SentenceEnd"];
    }
}
