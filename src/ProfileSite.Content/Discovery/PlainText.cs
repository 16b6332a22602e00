using System.Net;
using System.Text.RegularExpressions;

namespace ProfileSite.Content.Discovery;

/// <summary>
/// Text without markup, for places that take plain text only (feed titles, JSON-LD values).
/// The input is HTML our own Markdown pipeline produced, so tags are well formed.
/// </summary>
public static partial class PlainText
{
    public static string FromHtml(string html) =>
        Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(Formulas.MathMl.ReplaceWithText(html), "")), " ").Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
