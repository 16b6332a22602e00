using System.Collections.Immutable;
using Microsoft.AspNetCore.Html;

namespace ProfileSite.Pages;

/// <summary>
/// Renders an author list exactly: names separated by ", " (no stray spaces from Razor's line
/// breaks), the owner in <c>&lt;strong&gt;</c>, equal-contribution and corresponding marks in
/// <c>&lt;sup&gt;</c> so the text still reads "Zhongwang Zhang*".
/// </summary>
public static class AuthorList
{
    public static IHtmlContent Render(ImmutableArray<Author> authors)
    {
        var html = new HtmlContentBuilder();
        for (var i = 0; i < authors.Length; i++)
        {
            var author = authors[i];
            if (i > 0)
            {
                html.Append(", ");
            }

            html.AppendHtml(author.IsOwner ? "<strong class=\"author author-self\">" : "<span class=\"author\">");
            html.Append(author.Name);
            var marks = (author.EqualContribution ? "*" : "") + (author.Corresponding ? "†" : "");
            if (marks.Length > 0)
            {
                html.AppendHtml("<sup>").Append(marks).AppendHtml("</sup>");
            }

            html.AppendHtml(author.IsOwner ? "</strong>" : "</span>");
        }

        return html;
    }
}
