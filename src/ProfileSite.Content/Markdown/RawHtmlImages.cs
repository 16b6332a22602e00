using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ProfileSite.Content.Addresses;

namespace ProfileSite.Content.Markdown;

/// <summary>
/// Decides the address written for an image that raw HTML in the owner's Markdown names
/// (<c>&lt;img src="images/me.jpg" width="300"&gt;</c>, the way AcadHomepage sites lay out figures): the clean
/// whole copy's address, so the page never links the original with its EXIF and GPS; null keeps the URL as the
/// link resolver gives it.
/// </summary>
/// <param name="sitePath">The decoded site path the URL names, resolved from the site root, see <see cref="SiteAddresses.ResolveWritten"/>.</param>
/// <param name="line">1-based line of the attribute in the Markdown text.</param>
/// <param name="column">1-based column of the attribute in the Markdown text.</param>
public delegate string? RawHtmlImageWriter(string sitePath, int line, int column);

/// <summary>
/// Rewrites the <c>src</c> and <c>srcset</c> of <c>&lt;img&gt;</c> and <c>&lt;source&gt;</c> tags in raw HTML
/// blocks and inlines. Only those attributes change; the owner's markup (width, class, style) stays as written.
/// </summary>
internal static partial class RawHtmlImages
{
    public static void Resolve(MarkdownDocument document, RawHtmlImageWriter images, Func<string, bool, string>? links)
    {
        foreach (var block in document.Descendants<HtmlBlock>())
        {
            var text = block.Lines.ToString();
            var rewritten = Rewrite(text, block.Line + 1, block.Column + 1, images, links);
            if (!ReferenceEquals(rewritten, text))
            {
                block.Lines = new Markdig.Helpers.StringLineGroup(rewritten);
            }
        }

        foreach (var inline in document.Descendants<HtmlInline>())
        {
            inline.Tag = Rewrite(inline.Tag, inline.Line + 1, inline.Column + 1, images, links);
        }
    }

    /// <summary><paramref name="html"/> with its image addresses rewritten; the same instance when there is nothing to rewrite.</summary>
    internal static string Rewrite(string html, int line, int column, RawHtmlImageWriter images, Func<string, bool, string>? links)
    {
        if (!html.Contains("src", StringComparison.OrdinalIgnoreCase))
        {
            return html;
        }

        var changed = false;
        var result = ImageTag().Replace(html, tag => Attribute().Replace(tag.Value, attribute =>
        {
            var value = attribute.Groups["value"];
            var start = tag.Index + attribute.Groups["name"].Index;
            var (atLine, atColumn) = Position(html, start, line, column);
            var decoded = System.Net.WebUtility.HtmlDecode(value.Value);
            var address = attribute.Groups["name"].Value.Equals("srcset", StringComparison.OrdinalIgnoreCase)
                ? Srcset(decoded, url => Address(url, atLine, atColumn, images, links))
                : Address(decoded.Trim(), atLine, atColumn, images, links);
            if (address == decoded)
            {
                return attribute.Value;
            }

            changed = true;
            return attribute.Value[..(value.Index - attribute.Index)] + System.Net.WebUtility.HtmlEncode(address) + attribute.Value[(value.Index - attribute.Index + value.Length)..];
        }));
        return changed ? result : html;
    }

    private static string Address(string url, int line, int column, RawHtmlImageWriter images, Func<string, bool, string>? links) =>
        SiteAddresses.ResolveWritten(url) is { } written && images(written.SitePath, line, column) is { } address
            ? address
            : links?.Invoke(url, true) ?? url;

    /// <summary>Each candidate's URL rewritten, its width or density descriptor kept (HTML §4.8.4.2.1).</summary>
    private static string Srcset(string srcset, Func<string, string> address)
    {
        var builder = new StringBuilder();
        foreach (var candidate in srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = candidate.IndexOfAny([' ', '\t', '\n']);
            var url = space < 0 ? candidate : candidate[..space];
            builder.Append(builder.Length == 0 ? "" : ", ").Append(address(url)).Append(space < 0 ? "" : candidate[space..]);
        }

        return builder.ToString();
    }

    private static (int Line, int Column) Position(string html, int index, int line, int column)
    {
        var before = html.AsSpan(0, index);
        var newlines = before.Count('\n');
        return newlines == 0 ? (line, column + index) : (line + newlines, index - before.LastIndexOf('\n'));
    }

    [GeneratedRegex("""<(?:img|source)\b[^>]*>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ImageTag();

    [GeneratedRegex("""(?<=\s)(?<name>src|srcset)\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<value>[^\s"'=<>`]+))""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();
}
