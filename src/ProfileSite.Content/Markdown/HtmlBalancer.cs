using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace ProfileSite.Content.Markdown;

/// <summary>
/// Makes a rendered HTML fragment self-contained, so raw HTML in the owner's Markdown cannot
/// reach outside its own box: an unclosed <c>&lt;div&gt;</c> is closed at the end of the
/// fragment, a stray <c>&lt;/div&gt;</c> (which would close the page's own container) is
/// dropped, and a <c>&lt;</c> that starts no complete tag or an unclosed comment is escaped
/// (a browser would otherwise swallow the page up to the next <c>&gt;</c> or <c>--&gt;</c>).
/// </summary>
/// <remarks>
/// This is not a sanitizer: the owner is trusted and attributes pass unchanged. It only
/// tracks tag nesting, which is all the page layout needs.
/// </remarks>
public static partial class HtmlBalancer
{
    /// <summary>Elements that never have content or an end tag.</summary>
    private static readonly FrozenSet<string> VoidElements = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr");

    /// <summary>Elements whose content is text up to their own end tag (no tags inside).</summary>
    private static readonly FrozenSet<string> RawTextElements = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript");

    /// <summary>
    /// Start tags that end SVG or MathML content: the parser closes the foreign elements and reads the tag as
    /// HTML (WHATWG HTML §13.2.6.5, "the rules for parsing tokens in foreign content").
    /// </summary>
    private static readonly FrozenSet<string> BreakoutElements = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3",
        "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s",
        "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var");

    /// <summary>
    /// SVG's HTML integration points and MathML's text integration points: their content is read as HTML again
    /// (WHATWG HTML §13.2.6, "tree construction dispatcher"). An annotation-xml is one only with an HTML
    /// encoding; it is left out, so its HTML closes the MathML here sooner than a browser would, which is safe
    /// because the closing tags are written out.
    /// </summary>
    private static readonly FrozenSet<string> SvgIntegrationPoints = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "foreignobject", "desc", "title");

    /// <inheritdoc cref="SvgIntegrationPoints"/>
    private static readonly FrozenSet<string> MathTextIntegrationPoints = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "mi", "mo", "mn", "ms", "mtext");

    /// <summary>Elements a fragment must not open: they would take over the rest of the document.</summary>
    private static readonly FrozenSet<string> RefusedElements = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "plaintext", "html", "head", "body", "frameset", "template");

    /// <summary>Returns <paramref name="html"/> with every element closed inside it and no stray end tags.</summary>
    public static string Balance(string html)
    {
        if (!html.Contains('<', StringComparison.Ordinal))
        {
            return html;
        }

        var output = new StringBuilder(html.Length + 16);
        var open = new OpenElements();
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                output.Append(html, i, html.Length - i);
                break;
            }

            output.Append(html, i, lt - i);
            i = lt;
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = CommentEnd(html, i + 4);
                if (end < 0)
                {
                    // An unclosed comment would hide the rest of the page.
                    output.Append("&lt;");
                    i++;
                    continue;
                }

                output.Append(html, i, end - i);
                i = end;
                continue;
            }

            var (root, foreignNode) = open.Namespaces;
            if (string.CompareOrdinal(html, i, "<![CDATA[", 0, 9) == 0 && open.HasSvgOrMath)
            {
                // Under an SVG or MathML element a CDATA section is text up to "]]>" (WHATWG HTML §13.2.5.42,
                // "markup declaration open state"); under an HTML element it is a bogus comment up to ">". Inside
                // SVG or MathML under an HTML element the browser may have dropped that element (a <td> outside
                // a table), so which one it is cannot be told here: the "<" is escaped.
                var end = foreignNode ? html.IndexOf("]]>", i + 9, StringComparison.Ordinal) : -1;
                if (end < 0)
                {
                    output.Append("&lt;");
                    i++;
                    continue;
                }

                output.Append(html, i, end + 3 - i);
                i = end + 3;
                continue;
            }

            if (!TryReadTag(html, i, out var tag) || (tag.Name is not null && RefusedElements.Contains(tag.Name)))
            {
                output.Append("&lt;");
                i++;
                continue;
            }

            var text = html.AsSpan(i, tag.Length);
            i += tag.Length;
            if (tag.Name is null)
            {
                // <!DOCTYPE ...>, <?...>: harmless declarations, kept as written.
                output.Append(text);
            }
            else if (tag.IsEnd)
            {
                var index = open.LastIndexOf(tag.Name);
                if (index < 0)
                {
                    continue; // a stray end tag would close an element of the page around the fragment
                }

                // Close whatever was left open inside the element being closed, innermost first.
                for (var k = open.Count - 1; k > index; k--)
                {
                    output.Append("</").Append(open[k]).Append('>');
                }

                output.Append(text);
                open.RemoveFrom(index);
            }
            else
            {
                if (root >= 0 && IsBreakout(tag.Name, text))
                {
                    // The browser closes the SVG or MathML here; saying so keeps this count and the browser's the same.
                    for (var k = open.Count - 1; k >= root; k--)
                    {
                        output.Append("</").Append(open[k]).Append('>');
                    }

                    open.RemoveFrom(root);
                }

                output.Append(text);
                // "<div/>" opens a div in HTML, so a self-closing mark is not trusted. (SVG honours it, but
                // the extra end tag emitted for an SVG element is one the browser ignores.)
                if (VoidElements.Contains(tag.Name))
                {
                    continue;
                }

                // Inside SVG and MathML, <style> and <title> hold markup like any element.
                if (RawTextElements.Contains(tag.Name) && root < 0)
                {
                    var close = "</" + tag.Name;
                    var end = html.IndexOf(close, i, StringComparison.OrdinalIgnoreCase);
                    var endOfClose = end < 0 ? -1 : html.IndexOf('>', end);
                    if (endOfClose < 0)
                    {
                        output.Append(html, i, html.Length - i).Append("</").Append(tag.Name).Append('>');
                        i = html.Length;
                    }
                    else
                    {
                        output.Append(html, i, endOfClose + 1 - i);
                        i = endOfClose + 1;
                    }

                    continue;
                }

                open.Add(tag.Name.ToLowerInvariant());
            }
        }

        for (var k = open.Count - 1; k >= 0; k--)
        {
            output.Append("</").Append(open[k]).Append('>');
        }

        return output.ToString();
    }

    /// <summary>
    /// The open elements, outermost first, with what each one's start means for the tokens after it, kept as they
    /// are pushed and popped: a look-up per tag costs nothing however deep the owner's HTML nests (recomputing it
    /// from the whole stack made 20,000 pasted <c>&lt;div&gt;</c>s take a minute to load).
    /// </summary>
    private sealed class OpenElements
    {
        private readonly List<string> _names = [];
        private readonly List<(int Root, bool ForeignNode)> _namespaces = [];
        private readonly Dictionary<string, int> _counts = new(StringComparer.OrdinalIgnoreCase);

        public int Count => _names.Count;

        public string this[int index] => _names[index];

        /// <summary>
        /// How the next token is read: Root is the index of the outermost element of the SVG or MathML content its
        /// tag is read in, or -1 when the tag is read as HTML (outside SVG and MathML, or inside an integration
        /// point); ForeignNode is whether the innermost open element is an SVG or MathML element (integration
        /// points included), which is what lets CDATA sections in.
        /// </summary>
        public (int Root, bool ForeignNode) Namespaces => _namespaces.Count == 0 ? (-1, false) : _namespaces[^1];

        public bool HasSvgOrMath => _counts.GetValueOrDefault("svg") + _counts.GetValueOrDefault("math") > 0;

        public void Add(string name)
        {
            var (root, foreignNode) = Namespaces;
            if (root >= 0)
            {
                foreignNode = true;
                var integration = _names[root] == "svg" ? SvgIntegrationPoints : MathTextIntegrationPoints;
                if (integration.Contains(name))
                {
                    root = -1;
                }
            }
            else
            {
                foreignNode = name is "svg" or "math";
                root = foreignNode ? _names.Count : -1;
            }

            _names.Add(name);
            _namespaces.Add((root, foreignNode));
            _counts[name] = _counts.GetValueOrDefault(name) + 1;
        }

        /// <summary>The innermost open element named <paramref name="name"/>, or -1: only searched when one is open, and
        /// everything above it is then closed, so the search costs what closing costs.</summary>
        public int LastIndexOf(string name) =>
            _counts.GetValueOrDefault(name) == 0 ? -1 : _names.FindLastIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

        public void RemoveFrom(int index)
        {
            for (var k = index; k < _names.Count; k++)
            {
                _counts[_names[k]]--;
            }

            _names.RemoveRange(index, _names.Count - index);
            _namespaces.RemoveRange(index, _namespaces.Count - index);
        }
    }

    /// <summary>Whether a start tag ends foreign content: one of <see cref="BreakoutElements"/>, or a font with color, face or size.</summary>
    private static bool IsBreakout(string name, ReadOnlySpan<char> text) =>
        BreakoutElements.Contains(name)
        || (name.Equals("font", StringComparison.OrdinalIgnoreCase) && FontBreakout().IsMatch(text));

    [GeneratedRegex(@"\s(color|face|size)(\s|=|/|>)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FontBreakout();

    /// <summary>
    /// Where a comment whose text starts at <paramref name="from"/> ends, as browsers see it:
    /// <c>&lt;!--&gt;</c> and <c>&lt;!---&gt;</c> are complete, otherwise the first <c>--&gt;</c> or <c>--!&gt;</c>. -1 when it never ends.
    /// </summary>
    private static int CommentEnd(string html, int from)
    {
        if (string.CompareOrdinal(html, from, ">", 0, 1) == 0)
        {
            return from + 1;
        }

        if (string.CompareOrdinal(html, from, "->", 0, 2) == 0)
        {
            return from + 2;
        }

        var plain = html.IndexOf("-->", from, StringComparison.Ordinal);
        var bang = html.IndexOf("--!>", from, StringComparison.Ordinal);
        return (plain, bang) switch
        {
            (< 0, < 0) => -1,
            (< 0, _) => bang + 4,
            (_, < 0) => plain + 3,
            _ => plain < bang ? plain + 3 : bang + 4,
        };
    }

    private readonly record struct Tag(string? Name, int Length, bool IsEnd);

    /// <summary>
    /// Reads a complete tag at <paramref name="start"/> (which holds '&lt;'), honouring quoted
    /// attribute values. False when what follows is not a tag a browser would recognise, or
    /// when it never ends.
    /// </summary>
    private static bool TryReadTag(string html, int start, out Tag tag)
    {
        tag = default;
        var i = start + 1;
        if (i >= html.Length)
        {
            return false;
        }

        if (html[i] is '!' or '?')
        {
            var end = html.IndexOf('>', i);
            if (end < 0)
            {
                return false;
            }

            tag = new Tag(null, end + 1 - start, false);
            return true;
        }

        var isEnd = html[i] == '/';
        if (isEnd)
        {
            i++;
        }

        // A browser only starts a tag at '<' followed by an ASCII letter; "a < b" stays text.
        if (i >= html.Length || !char.IsAsciiLetter(html[i]))
        {
            return false;
        }

        var nameStart = i;
        while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not '/' and not '>')
        {
            i++;
        }

        var name = html[nameStart..i];

        // Attributes as the HTML tokenizer reads them: quotes only matter at the start of a value.
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                tag = new Tag(name, i + 1 - start, isEnd);
                return true;
            }

            if (c == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var close = html.IndexOf(html[i], i + 1);
                    if (close < 0)
                    {
                        return false;
                    }

                    i = close + 1;
                    continue;
                }

                continue; // an unquoted value is read like any other character up to whitespace or '>'
            }

            i++;
        }

        return false;
    }
}
