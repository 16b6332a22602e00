using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ProfileSite.Content.Markdown;

/// <summary>
/// Tables and code blocks keep their lines and scroll sideways inside a box of their own
/// (<c>&lt;div class="scroll-box" tabindex="0"&gt;</c>) instead of widening the page on a phone.
/// The box is focusable so a keyboard can scroll it (WCAG 2.1.1; axe's
/// <c>scrollable-region-focusable</c>); the stylesheet wraps the lines instead when printing.
/// Registered after <c>UsePipeTables</c>, whose renderer it replaces.
/// </summary>
public sealed class ScrollBoxes : IMarkdownExtension
{
    /// <summary>The opening tag of a table's box; the stylesheet styles <c>.scroll-box</c>.</summary>
    public const string Open = "<div class=\"scroll-box\" tabindex=\"0\">";

    /// <summary>The opening tag of a code block's box: code reads left to right even on a right-to-left page.</summary>
    public const string OpenCode = "<div class=\"scroll-box\" tabindex=\"0\" dir=\"ltr\">";

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.ReplaceOrAdd<HtmlTableRenderer>(new BoxedTable());
            html.ObjectRenderers.ReplaceOrAdd<CodeBlockRenderer>(new BoxedCode());
        }
    }

    private sealed class BoxedTable : HtmlTableRenderer
    {
        protected override void Write(HtmlRenderer renderer, Table table)
        {
            renderer.EnsureLine().WriteLine(Open);
            base.Write(renderer, table);
            renderer.EnsureLine().WriteLine("</div>");
        }
    }

    private sealed class BoxedCode : CodeBlockRenderer
    {
        protected override void Write(HtmlRenderer renderer, CodeBlock block)
        {
            renderer.EnsureLine().Write(OpenCode);
            base.Write(renderer, block);
            renderer.EnsureLine().WriteLine("</div>");
        }
    }
}
