using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Yaml;
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
    /// strikethrough, task lists and footnotes; tables and code blocks in a box that scrolls
    /// (<see cref="ScrollBoxes"/>). Smileys are off so <c>:)</c> stays text, and no
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
        .Use<ScrollBoxes>()
        .Build();

    /// <summary>Renders a block of Markdown (paragraphs, lists, headings) to HTML.</summary>
    public static string ToHtml(string markdown) => HtmlBalancer.Balance(Markdig.Markdown.ToHtml(markdown, Pipeline).Trim());

    /// <summary>Renders one line of Markdown for use inside an element (a news item, a card summary):
    /// a lone paragraph loses its <c>&lt;p&gt;</c> wrapper.</summary>
    public static string ToInlineHtml(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown.Trim(), Pipeline);
        var html = document.ToHtml(Pipeline).Trim();
        if (document.Count == 1 && document[0] is ParagraphBlock
            && html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal))
        {
            return HtmlBalancer.Balance(html[3..^4]);
        }

        return HtmlBalancer.Balance(html);
    }

    /// <summary>Splits a Markdown file into its YAML front matter (if any) and its rendered body.</summary>
    /// <returns>The front matter text, the 1-based file line its first line is on, and the body HTML.</returns>
    public static (string? FrontMatter, int FrontMatterLine, string BodyHtml) SplitFrontMatter(string text)
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

        var body = HtmlBalancer.Balance(document.ToHtml(Pipeline).Trim());
        return (yaml, line, body);
    }
}
