using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ProfileSite.Content.Addresses;
using ProfileSite.Content.Formulas;

namespace ProfileSite.Content.Markdown;

/// <summary>
/// The one Markdig pipeline of the site. Markdig pipelines are immutable and thread-safe,
/// so it is built once and shared. The owner is trusted: raw HTML passes through, balanced by
/// <see cref="HtmlBalancer"/> so that an unclosed tag cannot swallow the rest of the page.
/// </summary>
public static class MarkdownRenderer
{
    /// <summary>Emoji shortcodes (<c>:tada:</c>), GitHub-style heading ids, GFM tables, autolinks,
    /// strikethrough, task lists, footnotes and math (<c>$...$</c>, <c>$$...$$</c>, see
    /// <see cref="MarkdownMath"/>); tables and code blocks in a box that scrolls
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
        .UseMathematics()
        .Build();

    /// <summary>Renders a block of Markdown (paragraphs, lists, headings) to HTML; math through <paramref name="math"/>, invalid formulas into <paramref name="problems"/>.</summary>
    /// <param name="markdown">The text.</param>
    /// <param name="links">Resolves each link and image URL as written (URL, is-image) to the one the page carries; null keeps them.</param>
    /// <param name="math">Converts formulas to MathML; null leaves them as code.</param>
    /// <param name="problems">Receives the formulas that could not be converted.</param>
    /// <param name="images">Writes the images that name a path on this site (as a picture, or nothing); null leaves them to <paramref name="links"/>.</param>
    /// <param name="rawImages">Gives the address of each image raw HTML names (<c>&lt;img src&gt;</c>); null leaves them to <paramref name="links"/>.</param>
    public static string ToHtml(
        string markdown, Func<string, bool, string>? links = null, MathConverter? math = null, ICollection<MarkdownMathProblem>? problems = null,
        MarkdownImageWriter? images = null, RawHtmlImageWriter? rawImages = null)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        Resolve(document, links, images, rawImages);
        return HtmlBalancer.Balance(Render(document, math, problems).Trim());
    }

    /// <summary>Renders one line of Markdown for use inside an element (a news item, a card summary):
    /// a lone paragraph loses its <c>&lt;p&gt;</c> wrapper.</summary>
    public static string ToInlineHtml(
        string markdown, Func<string, bool, string>? links = null, MathConverter? math = null, ICollection<MarkdownMathProblem>? problems = null,
        MarkdownImageWriter? images = null, RawHtmlImageWriter? rawImages = null)
    {
        var document = Markdig.Markdown.Parse(markdown.Trim(), Pipeline);
        Resolve(document, links, images, rawImages);
        var html = Render(document, math, problems).Trim();
        if (document.Count == 1 && document[0] is ParagraphBlock
            && html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal))
        {
            return HtmlBalancer.Balance(html[3..^4]);
        }

        return HtmlBalancer.Balance(html);
    }

    /// <summary>Splits a Markdown file into its YAML front matter (if any) and its rendered body; heading ids that
    /// <paramref name="pageIds"/> claims are renamed (see <see cref="HeadingIds"/>) and each change goes to <paramref name="headingIds"/>.</summary>
    /// <returns>The front matter text, the 1-based file line its first line is on, and the body HTML.</returns>
    public static (string? FrontMatter, int FrontMatterLine, string BodyHtml) SplitFrontMatter(
        string text, Func<string, bool, string>? links = null, MathConverter? math = null, ICollection<MarkdownMathProblem>? problems = null,
        MarkdownImageWriter? images = null, RawHtmlImageWriter? rawImages = null, Func<string, bool>? pageIds = null, ICollection<HeadingIdChange>? headingIds = null)
    {
        var document = Markdig.Markdown.Parse(text, Pipeline);
        Resolve(document, links, images, rawImages);
        if (pageIds is not null)
        {
            foreach (var change in HeadingIds.Avoid(document, pageIds))
            {
                headingIds?.Add(change);
            }
        }

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

        var body = HtmlBalancer.Balance(Render(document, math, problems).Trim());
        return (yaml, line, body);
    }

    private static string Render(MarkdownDocument document, MathConverter? math, ICollection<MarkdownMathProblem>? problems)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        MarkdownMath.Use(renderer, math, problems);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// Rewrites every link and image destination once, when the snapshot is built, so a relative
    /// path means the same file on every page that shows the text (the About page, a paper's page,
    /// the feed) rather than a different one below each page's own address. An image that names a
    /// path on this site is first offered to <paramref name="images"/>, which may put a picture (or
    /// nothing) in its place; the rest go through <paramref name="links"/>. Images that raw HTML names get
    /// the address <paramref name="rawImages"/> gives (see <see cref="RawHtmlImages"/>).
    /// </summary>
    private static void Resolve(MarkdownDocument document, Func<string, bool, string>? links, MarkdownImageWriter? images, RawHtmlImageWriter? rawImages)
    {
        if (rawImages is not null)
        {
            RawHtmlImages.Resolve(document, rawImages, links);
        }

        if (links is null && images is null)
        {
            return;
        }

        // Materialized first: a picture replaces its image in the tree.
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.Url is not { } url)
            {
                continue;
            }

            // A query or fragment after an image's path (a cache-buster, ?v=2) still names the same file: it goes to
            // the pipeline like any other, or the page would link the original with its EXIF and GPS, unresized.
            // The picture's variants are content-addressed, so what followed the path is not needed.
            if (link.IsImage && images is not null && SiteAddresses.ResolveWritten(url) is { } written
                && images(written.SitePath, MarkdownImages.AltText(link), link.Title, link.Line + 1, link.Column + 1) is { } html)
            {
                link.ReplaceBy(new HtmlInline(html) { Line = link.Line, Column = link.Column, Span = link.Span }, copyChildren: false);
                continue;
            }

            if (links is not null)
            {
                link.Url = links(url, link.IsImage);
            }
        }
    }
}
