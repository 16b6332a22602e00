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
    /// <summary>
    /// A paper's names: its authors, or, for a work with no author (an edited volume), its editors
    /// followed by "(Ed.)" or "(Eds.)", as author-date styles print them.
    /// </summary>
    public static IHtmlContent Render(Publication paper)
    {
        if (!paper.Authors.IsEmpty || paper.Editors.IsEmpty)
        {
            return Render(paper.Authors, paper.MoreAuthors);
        }

        var html = new HtmlContentBuilder();
        html.AppendHtml(Render(paper.Editors, paper.MoreEditors));
        html.Append(paper.Editors.Length > 1 || paper.MoreEditors ? " (Eds.)" : " (Ed.)");
        return html;
    }

    /// <param name="authors">The authors in order.</param>
    /// <param name="etAl">Append ", et al." for a list cut short ("and others" in BibTeX).</param>
    public static IHtmlContent Render(ImmutableArray<Author> authors, bool etAl = false)
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
            if (author.Url is not null)
            {
                // A co-author's homepage from coauthors.yaml.
                html.AppendHtml("<a href=\"").Append(author.Url).AppendHtml("\">").Append(author.Name).AppendHtml("</a>");
            }
            else
            {
                html.Append(author.Name);
            }

            var marks = (author.EqualContribution ? "*" : "") + (author.Corresponding ? "†" : "");
            if (marks.Length > 0)
            {
                html.AppendHtml("<sup>").Append(marks).AppendHtml("</sup>");
            }

            html.AppendHtml(author.IsOwner ? "</strong>" : "</span>");
        }

        if (etAl)
        {
            html.Append(", et al.");
        }

        return html;
    }
}
