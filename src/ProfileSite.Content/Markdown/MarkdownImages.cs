using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ProfileSite.Content.Markdown;

/// <summary>
/// Decides how an image written in Markdown (<c>![alt](url "title")</c>) is rendered: the HTML to write
/// in its place (a <c>&lt;picture&gt;</c>, or "" to leave a bad image out), or null for Markdig's own <c>&lt;img&gt;</c>.
/// </summary>
/// <param name="url">The URL as written.</param>
/// <param name="alt">The alternative text as plain text.</param>
/// <param name="title">The title, if one was written.</param>
/// <param name="line">1-based line of the image in the Markdown text.</param>
/// <param name="column">1-based column of the image in the Markdown text.</param>
public delegate string? MarkdownImageWriter(string url, string alt, string? title, int line, int column);

/// <summary>Markdig's link renderer, except that images go through a <see cref="MarkdownImageWriter"/>.</summary>
internal sealed class PictureLinkRenderer(MarkdownImageWriter images) : LinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (link.IsImage && link.Url is { } url
            && images(url, AltText(link), link.Title, link.Line + 1, link.Column + 1) is { } html)
        {
            renderer.Write(html);
            return;
        }

        base.Write(renderer, link);
    }

    /// <summary>The alternative text as plain text, as Markdig writes it (emphasis and code lose their marks).</summary>
    private static string AltText(LinkInline link)
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
