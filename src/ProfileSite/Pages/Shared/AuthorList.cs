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
    /// <param name="paper">The paper.</param>
    /// <param name="text">The page language's interface text (", et al.", " (Ed.)", " (Eds.)").</param>
    public static IHtmlContent Render(Publication paper, Microsoft.Extensions.Localization.IStringLocalizer text)
    {
        if (!paper.Authors.IsEmpty || paper.Editors.IsEmpty)
        {
            return Render(paper.Authors, paper.MoreAuthors ? text["Authors.EtAl"].Value : null);
        }

        var html = new HtmlContentBuilder();
        html.AppendHtml(Render(paper.Editors, paper.MoreEditors ? text["Authors.EtAl"].Value : null));
        html.Append(text[paper.Editors.Length > 1 || paper.MoreEditors ? "Authors.Editors" : "Authors.Editor"]);
        return html;
    }

    /// <param name="authors">The authors in order.</param>
    /// <param name="etAl">The page language's ", et al." to append to a list cut short ("and others" in BibTeX); null for a whole list.</param>
    public static IHtmlContent Render(ImmutableArray<Author> authors, string? etAl = null)
    {
        var html = new HtmlContentBuilder();
        for (var i = 0; i < authors.Length; i++)
        {
            var author = authors[i];
            if (i > 0)
            {
                html.Append(", ");
            }

            // dir="auto" isolates each name, so an Arabic or Hebrew name cannot reorder the commas around it.
            html.AppendHtml(author.IsOwner ? "<strong class=\"author author-self\" dir=\"auto\">" : "<span class=\"author\" dir=\"auto\">");
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

        if (etAl is not null)
        {
            html.Append(etAl);
        }

        return html;
    }
}
