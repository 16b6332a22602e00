using ProfileSite.Content.Text;
using Microsoft.Extensions.Localization;

namespace ProfileSite.Localization;

/// <summary>
/// Numbers and dates the site writes, in the request's language (from its <c>SiteText</c> translation,
/// see <see cref="SiteText"/> on why not from ICU): citation and paper counts grouped by three, a
/// paper's date in words. The owner's own date text is shown as AcadHomepage writes it (<c>2024.09</c>).
/// </summary>
public sealed class SiteFormat(IStringLocalizer<SiteText> text)
{
    /// <summary><c>1,234</c>.</summary>
    public string Number(long value) => SiteText.Number(value, Text);

    /// <summary><c>Sep 2024</c>, <c>15 Sep 2024</c>, <c>2024年9月</c>.</summary>
    public string LongDate(PartialDate date) => SiteText.LongDate(date, Text);

    /// <summary><c>2021.09 - 2023.06</c>, <c>2021.09 - now</c>, <c>2021.09 - 至今</c>.</summary>
    public string Range(DateRange range) => SiteText.Range(range, Text);

    /// <summary>
    /// A paper's date as a reader sees it, in the page's language: <c>2024年9月</c>, a range
    /// (<c>1984–1986</c>), approximate (<c>ca. 1900</c>), or undated: its status (<c>forthcoming</c>) or <c>n.d.</c>.
    /// </summary>
    public string PaperDate(Publication paper)
    {
        if (paper.Undated)
        {
            // Where the work stands (in press, forthcoming) is the source's text, shown as written.
            return paper.Status ?? text["Date.Undated"];
        }

        var date = LongDate(paper.Date) + (paper.EndDate is { } end ? "–" + LongDate(end) : paper.OpenEndDate ? "–" : "");
        return paper.ApproximateDate ? text["Date.Circa", date] : date;
    }

    private string Text(string key) => text[key];
}
