using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ProfileSite.Content.Markdown;

/// <summary>
/// Decides how an image written in Markdown (<c>![alt](path "title")</c>) that names a path on this site is
/// rendered: the HTML to put in its place (a <c>&lt;picture&gt;</c>, or "" to leave a bad image out), or null
/// to keep Markdig's own <c>&lt;img&gt;</c> with the URL the link resolver gives it.
/// </summary>
/// <param name="sitePath">The decoded site path the URL names, resolved from the site root (<c>/images/fig 1.png</c>), see <see cref="Addresses.SiteAddresses.ResolveWritten"/>.</param>
/// <param name="alt">The alternative text as plain text.</param>
/// <param name="title">The title, if one was written.</param>
/// <param name="line">1-based line of the image in the Markdown text.</param>
/// <param name="column">1-based column of the image in the Markdown text.</param>
public delegate string? MarkdownImageWriter(string sitePath, string alt, string? title, int line, int column);

internal static class MarkdownImages
{
    /// <summary>The alternative text as plain text, as Markdig writes it (emphasis and code lose their marks).</summary>
    public static string AltText(LinkInline link)
    {
        var text = new System.Text.StringBuilder();
        foreach (var inline in link.Descendants<Inline>())
        {
            _ = inline switch
            {
                LiteralInline literal => text.Append(literal.Content),
                CodeInline code => text.Append(code.Content),
                LineBreakInline => text.Append(' '),
                _ => text,
            };
        }

        return text.ToString();
    }
}
