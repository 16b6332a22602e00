using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;

namespace ProfileSite.Content.Markdown;

/// <summary>
/// The one Markdig pipeline of the site. Markdig pipelines are immutable and thread-safe,
/// so it is built once and shared. The owner is trusted: raw HTML passes through, balanced by
/// <see cref="HtmlBalancer"/> so that an unclosed tag cannot swallow the rest of the page.
/// </summary>
public static class MarkdownRenderer
{
    /// <summary>Emoji shortcodes (<c>:tada:</c>), GitHub-style heading ids, GFM tables, autolinks,
    /// strikethrough, task lists and footnotes. Smileys are off so <c>:)</c> stays text, and no
    /// extension that writes <c>style=""</c> attributes is used, so a strict CSP holds.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseEmojiAndSmiley(enableSmileys: false)
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseFootnotes()
        .Build();

    /// <summary>Renders a block of Markdown (paragraphs, lists, headings) to HTML.</summary>
    /// <param name="markdown">The Markdown text.</param>
    /// <param name="images">How images are written; Markdig's plain <c>&lt;img&gt;</c> when null.</param>
    public static string ToHtml(string markdown, MarkdownImageWriter? images = null) =>
        HtmlBalancer.Balance(Render(Markdig.Markdown.Parse(markdown, Pipeline), images).Trim());

    /// <summary>Renders one line of Markdown for use inside an element (a news item, a card summary):
    /// a lone paragraph loses its <c>&lt;p&gt;</c> wrapper.</summary>
    public static string ToInlineHtml(string markdown, MarkdownImageWriter? images = null)
    {
        var document = Markdig.Markdown.Parse(markdown.Trim(), Pipeline);
        var html = Render(document, images).Trim();
        if (document.Count == 1 && document[0] is ParagraphBlock
            && html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal))
        {
            return HtmlBalancer.Balance(html[3..^4]);
        }

        return HtmlBalancer.Balance(html);
    }

    /// <summary>Splits a Markdown file into its YAML front matter (if any) and its rendered body.</summary>
    /// <returns>The front matter text, the 1-based file line its first line is on, and the body HTML.</returns>
    public static (string? FrontMatter, int FrontMatterLine, string BodyHtml) SplitFrontMatter(string text, MarkdownImageWriter? images = null)
    {
        var document = Markdig.Markdown.Parse(text, Pipeline);
        var frontMatter = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        string? yaml = null;
        var line = 0;
        if (frontMatter is not null)
        {
            yaml = frontMatter.Lines.ToString();
            // Block.Line is the 0-based line of the opening '---'; YAML starts on the next one.
            line = frontMatter.Line + 2;
            document.Remove(frontMatter);
        }

        var body = HtmlBalancer.Balance(Render(document, images).Trim());
        return (yaml, line, body);
    }

    private static string Render(MarkdownDocument document, MarkdownImageWriter? images)
    {
        if (images is null)
        {
            return document.ToHtml(Pipeline);
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<LinkInlineRenderer>(new PictureLinkRenderer(images));
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
