using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ProfileSite.Content.Bibtex;

/// <summary>What a text command does to its argument.</summary>
public enum LatexStyle
{
    None,
    Italic,
    Bold,
    SmallCaps,
    Monospace,
    Superscript,
    Subscript,
    Underline,
    /// <summary><c>\mkbibquote</c>, <c>\enquote</c>: the text in curly double quotes.</summary>
    Quoted,
    Upright,
}

/// <summary>A piece of LaTeX text as BibTeX values hold it.</summary>
public abstract record LatexNode;

/// <summary>Plain characters, already decoded (<c>{\"u}</c> is <c>ü</c>).</summary>
public sealed record LatexString(string Text) : LatexNode;

/// <summary>A braced group or a command's argument, with the style it gives its children.</summary>
/// <param name="Children">What is inside.</param>
/// <param name="Style">The formatting (<see cref="LatexStyle.None"/> for a bare <c>{...}</c>).</param>
/// <param name="Protected">A bare brace group at the top of the value: BibTeX keeps its case (<c>{BERT}</c>); CSL calls it <c>nocase</c>.</param>
public sealed record LatexGroup(ImmutableArray<LatexNode> Children, LatexStyle Style, bool Protected = false) : LatexNode;

/// <summary>A formula: <c>$...$</c>, <c>\(...\)</c>, <c>\ensuremath{...}</c>, or display <c>$$...$$</c>, <c>\[...\]</c>.</summary>
/// <param name="Tex">The source without its delimiters.</param>
/// <param name="Display">Display math.</param>
/// <param name="Offset">Where the formula starts in the value (for warnings).</param>
public sealed record LatexMath(string Tex, bool Display, int Offset) : LatexNode;

/// <summary><c>\url{...}</c> or <c>\href{url}{text}</c>.</summary>
public sealed record LatexLink(string Url, ImmutableArray<LatexNode> Children) : LatexNode;

/// <summary>A blank line or <c>\par</c>: a paragraph break.</summary>
public sealed record LatexParagraphBreak : LatexNode;

/// <summary>A command the reader does not know; its arguments are kept as text and its name dropped.</summary>
/// <param name="Name">The command with its backslash (<c>\foo</c>).</param>
/// <param name="Offset">Where it starts in the value.</param>
public sealed record LatexUnknownCommand(string Name, int Offset);

/// <summary>A value read as LaTeX: its nodes and the commands nobody knows.</summary>
public sealed record LatexDocument(ImmutableArray<LatexNode> Nodes, ImmutableArray<LatexUnknownCommand> Unknown);

/// <summary>
/// Reads the LaTeX of BibTeX values into nodes: accents and special letters (<c>{\"u}</c>,
/// <c>\ss</c>), text commands with their meaning (<c>\emph</c>, <c>\textbf</c>, <c>\textsc</c>,
/// <c>\textsuperscript</c>, biblatex's <c>\mkbibquote</c>, ...), declarations that style the rest
/// of their group (<c>{\em ...}</c>, <c>\bfseries</c>), switches that print nothing (<c>\tiny</c>,
/// <c>\relax</c>), math in every delimiter LaTeX has (and the math environments), links, dashes,
/// ties and TeX quotes. An unknown command keeps its arguments as text, loses its name and is
/// listed in <see cref="LatexDocument.Unknown"/>. Follows the LaTeX2e font commands (source2e,
/// ltfntcmd) and the biblatex manual §3.13 (<c>\mkbibquote</c> and friends). What exporters put
/// in values besides LaTeX is read too: NASA ADS's journal macros (<see cref="AasJournals"/>),
/// and the inline HTML/JATS markup and character references Crossref's metadata carries into
/// doi.org's BibTeX (<c>&lt;i&gt;</c>, <c>&lt;scp&gt;</c>, <c>&lt;sub&gt;</c>, <c>&amp;amp;</c>), also as
/// Zotero escapes it (<c>{\textless}i{\textgreater}</c>). Never throws.
/// </summary>
public static partial class LatexMarkup
{
    // Accent commands and the combining mark each adds to its argument.
    internal static readonly FrozenDictionary<string, char> Accents = new Dictionary<string, char>
    {
        ["`"] = '\u0300', ["'"] = '\u0301', ["^"] = '\u0302', ["~"] = '\u0303', ["="] = '\u0304',
        ["u"] = '\u0306', ["."] = '\u0307', ["\""] = '\u0308', ["r"] = '\u030A', ["H"] = '\u030B',
        ["v"] = '\u030C', ["d"] = '\u0323', ["c"] = '\u0327', ["k"] = '\u0328', ["b"] = '\u0331', ["t"] = '\u0361',
        ["G"] = '\u030F', ["textcommabelow"] = '\u0326',
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Commands that print one fixed text.
    internal static readonly FrozenDictionary<string, string> Symbols = new Dictionary<string, string>
    {
        ["&"] = "&", ["%"] = "%", ["$"] = "$", ["#"] = "#", ["_"] = "_", ["{"] = "{", ["}"] = "}",
        [" "] = " ", ["\\"] = " ", [","] = "\u2009", [";"] = "\u2004", [":"] = "\u2005", ["!"] = "", ["/"] = "", ["-"] = "",
        ["@"] = "", ["\n"] = " ", ["\t"] = " ",
        ["ss"] = "ß", ["SS"] = "SS", ["o"] = "ø", ["O"] = "Ø", ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ",
        ["aa"] = "å", ["AA"] = "Å", ["l"] = "ł", ["L"] = "Ł", ["i"] = "ı", ["j"] = "ȷ", ["dh"] = "ð", ["DH"] = "Ð",
        ["th"] = "þ", ["TH"] = "Þ", ["ng"] = "ŋ", ["NG"] = "Ŋ", ["dj"] = "đ", ["DJ"] = "Đ", ["ij"] = "ĳ", ["IJ"] = "Ĳ",
        ["textendash"] = "–", ["textemdash"] = "—", ["textasciitilde"] = "~", ["textasciicircum"] = "^",
        ["textbackslash"] = "\\", ["textquoteleft"] = "‘", ["textquoteright"] = "’", ["textquotedblleft"] = "“",
        ["textquotedblright"] = "”", ["lq"] = "‘", ["rq"] = "’", ["textquotesingle"] = "'", ["textquotedbl"] = "\"",
        ["quotedblbase"] = "„", ["quotesinglbase"] = "‚", ["guillemotleft"] = "«", ["guillemotright"] = "»",
        ["guillemetleft"] = "«", ["guillemetright"] = "»", ["guilsinglleft"] = "‹", ["guilsinglright"] = "›",
        ["textbar"] = "|", ["textless"] = "<", ["textgreater"] = ">", ["textunderscore"] = "_", ["textbraceleft"] = "{",
        ["textbraceright"] = "}", ["textdollar"] = "$", ["textsterling"] = "£", ["pounds"] = "£", ["textyen"] = "¥",
        ["textcent"] = "¢", ["texteuro"] = "€", ["euro"] = "€", ["EUR"] = "€",
        ["textdagger"] = "†", ["dag"] = "†", ["textdaggerdbl"] = "‡", ["ddag"] = "‡", ["textbullet"] = "•",
        ["textperiodcentered"] = "·", ["textasteriskcentered"] = "∗",
        ["S"] = "§", ["P"] = "¶", ["textsection"] = "§", ["textparagraph"] = "¶", ["copyright"] = "©",
        ["textcopyright"] = "©", ["textregistered"] = "®", ["texttrademark"] = "™", ["textdegree"] = "°",
        ["textcelsius"] = "℃", ["textmu"] = "µ", ["textohm"] = "Ω", ["textpm"] = "±", ["texttimes"] = "×", ["textdiv"] = "÷",
        ["textonehalf"] = "½", ["textonequarter"] = "¼", ["textthreequarters"] = "¾", ["textperthousand"] = "‰",
        ["textnumero"] = "№", ["textordfeminine"] = "ª", ["textordmasculine"] = "º", ["textexclamdown"] = "¡",
        ["textquestiondown"] = "¿", ["textvisiblespace"] = "␣", ["textellipsis"] = "…", ["ldots"] = "…", ["dots"] = "…",
        ["textminus"] = "−", ["textsuperscript"] = "", ["hyphen"] = "-", ["slash"] = "/", ["textslash"] = "/",
        ["nobreakdash"] = "", ["nobreakspace"] = "\u00A0", ["space"] = " ", ["quad"] = "\u2003", ["qquad"] = "\u2003\u2003",
        ["enspace"] = "\u2002", ["thinspace"] = "\u2009", ["negthinspace"] = "", ["newline"] = " ", ["linebreak"] = " ",
        ["LaTeX"] = "LaTeX", ["LaTeXe"] = "LaTeX2ε", ["TeX"] = "TeX", ["BibTeX"] = "BibTeX", ["XeTeX"] = "XeTeX",
        ["LuaTeX"] = "LuaTeX", ["BibLaTeX"] = "BibLaTeX", ["AmS"] = "AMS", ["AMS"] = "AMS",
        // Math symbols written outside math mode (LaTeX would complain; exports do it all the same).
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ϵ", ["varepsilon"] = "ε",
        ["zeta"] = "ζ", ["eta"] = "η", ["theta"] = "θ", ["vartheta"] = "ϑ", ["iota"] = "ι", ["kappa"] = "κ",
        ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν", ["xi"] = "ξ", ["pi"] = "π", ["rho"] = "ρ", ["sigma"] = "σ",
        ["tau"] = "τ", ["upsilon"] = "υ", ["phi"] = "ϕ", ["varphi"] = "φ", ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω",
        ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ", ["Lambda"] = "Λ", ["Xi"] = "Ξ", ["Pi"] = "Π", ["Sigma"] = "Σ",
        ["Upsilon"] = "Υ", ["Phi"] = "Φ", ["Psi"] = "Ψ", ["Omega"] = "Ω", ["ell"] = "ℓ", ["infty"] = "∞",
        ["times"] = "×", ["cdot"] = "·", ["pm"] = "±", ["mp"] = "∓", ["leq"] = "≤", ["le"] = "≤", ["geq"] = "≥", ["ge"] = "≥",
        ["neq"] = "≠", ["ne"] = "≠", ["approx"] = "≈", ["sim"] = "∼", ["to"] = "→", ["rightarrow"] = "→", ["leftarrow"] = "←",
        ["leftrightarrow"] = "↔", ["Rightarrow"] = "⇒", ["Leftarrow"] = "⇐", ["in"] = "∈", ["partial"] = "∂", ["nabla"] = "∇",
        ["sum"] = "∑", ["prod"] = "∏", ["int"] = "∫", ["cdots"] = "⋯", ["circ"] = "∘", ["prime"] = "′", ["degree"] = "°",
        ["textasciimacron"] = "¯", ["textasciiacute"] = "´", ["textasciidieresis"] = "¨",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Commands whose one argument is text with this style.
    private static readonly FrozenDictionary<string, LatexStyle> StyleCommands = new Dictionary<string, LatexStyle>
    {
        ["emph"] = LatexStyle.Italic, ["textit"] = LatexStyle.Italic, ["textsl"] = LatexStyle.Italic, ["mkbibemph"] = LatexStyle.Italic,
        ["mkbibitalic"] = LatexStyle.Italic, ["textbf"] = LatexStyle.Bold, ["mkbibbold"] = LatexStyle.Bold,
        ["textsc"] = LatexStyle.SmallCaps, ["mkbibacro"] = LatexStyle.SmallCaps, ["texttt"] = LatexStyle.Monospace,
        ["textsuperscript"] = LatexStyle.Superscript, ["mkbibsuperscript"] = LatexStyle.Superscript,
        ["textsubscript"] = LatexStyle.Subscript, ["underline"] = LatexStyle.Underline, ["uline"] = LatexStyle.Underline,
        ["mkbibquote"] = LatexStyle.Quoted, ["enquote"] = LatexStyle.Quoted, ["textquote"] = LatexStyle.Quoted,
        ["textup"] = LatexStyle.Upright, ["textnormal"] = LatexStyle.Upright, ["textrm"] = LatexStyle.None,
        ["textsf"] = LatexStyle.None, ["textmd"] = LatexStyle.None, ["text"] = LatexStyle.None, ["mbox"] = LatexStyle.None,
        ["hbox"] = LatexStyle.None, ["makebox"] = LatexStyle.None, ["fbox"] = LatexStyle.None, ["textlf"] = LatexStyle.None,
        ["uppercase"] = LatexStyle.None, ["lowercase"] = LatexStyle.None, ["MakeUppercase"] = LatexStyle.None,
        ["MakeLowercase"] = LatexStyle.None, ["MakeTextUppercase"] = LatexStyle.None, ["MakeTextLowercase"] = LatexStyle.None,
        ["MakeSentenceCase"] = LatexStyle.None, ["mkbibparens"] = LatexStyle.None, ["mkbibbrackets"] = LatexStyle.None,
        ["textgreek"] = LatexStyle.None, ["textcyrillic"] = LatexStyle.None, ["textenglish"] = LatexStyle.None,
        ["textls"] = LatexStyle.None, ["nocite"] = LatexStyle.None, ["acrshort"] = LatexStyle.None, ["acrlong"] = LatexStyle.None,
        ["acrfull"] = LatexStyle.None, ["acs"] = LatexStyle.None, ["acl"] = LatexStyle.None, ["ac"] = LatexStyle.None,
        ["textnormalfont"] = LatexStyle.None, ["protected"] = LatexStyle.None, ["NoCaseChange"] = LatexStyle.None,
        ["textsw"] = LatexStyle.None, ["textulc"] = LatexStyle.None, ["textssc"] = LatexStyle.SmallCaps,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Declarations: they style the rest of the group they are in ({\em text}, {\bfseries text}).
    private static readonly FrozenDictionary<string, LatexStyle> Declarations = new Dictionary<string, LatexStyle>
    {
        ["em"] = LatexStyle.Italic, ["it"] = LatexStyle.Italic, ["itshape"] = LatexStyle.Italic, ["sl"] = LatexStyle.Italic,
        ["slshape"] = LatexStyle.Italic, ["bf"] = LatexStyle.Bold, ["bfseries"] = LatexStyle.Bold, ["sc"] = LatexStyle.SmallCaps,
        ["scshape"] = LatexStyle.SmallCaps, ["tt"] = LatexStyle.Monospace, ["ttfamily"] = LatexStyle.Monospace,
        ["upshape"] = LatexStyle.Upright, ["normalfont"] = LatexStyle.Upright, ["rm"] = LatexStyle.Upright,
        ["rmfamily"] = LatexStyle.None, ["sf"] = LatexStyle.None, ["sffamily"] = LatexStyle.None, ["mdseries"] = LatexStyle.None,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Commands that print nothing and take no argument: size switches, spacing and hyphenation hints.
    private static readonly FrozenSet<string> Silent = new[]
    {
        "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge",
        "relax", "protect", "xspace", "noindent", "indent", "ignorespaces", "unskip", "nopunct", "isdot", "nolinebreak",
        "allowbreak", "break", "nobreak", "null", "empty", "strut", "bibrangedash", "bibdatedash", "hfill", "vfill",
        "centering", "raggedright", "raggedleft", "smallskip", "medskip", "bigskip", "par", "displaystyle", "textstyle",
        "frenchspacing", "nonfrenchspacing", "leavevmode", "noexpand", "bibnamedash", "addspace", "adddot",
        "unspace", "bibsentence", "midsentence", "autocap", "hbadness", "selectfont", "boldmath", "unboldmath",
        "color", "normalcolor", "newblock", "oldstylenums", "sloppy", "fussy", "onecolumn", "twocolumn",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Commands whose arguments carry no text: sort keys, language switches, labels, lengths.
    private static readonly FrozenDictionary<string, int> Dropping = new Dictionary<string, int>
    {
        ["noopsort"] = 1, ["sortnoop"] = 1, ["SortNoop"] = 1, ["nosort"] = 1, ["selectlanguage"] = 1, ["label"] = 1,
        ["index"] = 1, ["footnote"] = 1, ["thanks"] = 1, ["hspace"] = 1, ["vspace"] = 1, ["phantom"] = 1,
        ["hphantom"] = 1, ["vphantom"] = 1, ["cite"] = 1, ["citep"] = 1, ["citet"] = 1, ["ref"] = 1, ["pageref"] = 1,
        ["setlength"] = 2, ["addtolength"] = 2, ["rule"] = 2, ["raisebox"] = 1, ["bibstring"] = 1, ["biblstring"] = 1,
        ["includegraphics"] = 1, ["colorbox"] = 1, ["textcolor"] = 1, ["foreignlanguage"] = 1, ["hyphenation"] = 1,
        ["iffalse"] = 0, ["url"] = 0, ["discretionary"] = 3, ["texorpdfstring"] = 0, ["orcidlink"] = 1, ["ORCID"] = 1,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Environments whose body is math (LaTeX's own and amsmath's, starred or not).
    private static readonly FrozenSet<string> MathEnvironments = new[]
    {
        "math", "displaymath", "equation", "align", "alignat", "flalign", "gather", "multline", "eqnarray",
    }.ToFrozenSet(StringComparer.Ordinal);

    // An accent with nothing under it (\'{}) prints its spacing form.
    private static readonly FrozenDictionary<char, char> SpacingAccents = new Dictionary<char, char>
    {
        ['\u0300'] = '`', ['\u0301'] = '´', ['\u0302'] = '^', ['\u0303'] = '~', ['\u0304'] = '¯', ['\u0306'] = '˘',
        ['\u0307'] = '˙', ['\u0308'] = '¨', ['\u030A'] = '˚', ['\u030B'] = '˝', ['\u030C'] = 'ˇ', ['\u0327'] = '¸',
        ['\u0328'] = '˛',
    }.ToFrozenDictionary();

    // <i>, </sup>, <br/>, <span class="x">, <jats:italic>, and Zotero's {\textless}i{\textgreater}.
    // Attributes only as name="value", so text such as "n<b and c>d" is not read as a tag.
    [GeneratedRegex(@"\G(?:<|\{\\textless\})(?<end>/?)(?<name>(?:jats:|mml:)?[A-Za-z][A-Za-z0-9-]*)(?:\s+[A-Za-z_:][A-Za-z0-9_:.-]*\s*=\s*(?:""[^""<>]*""|'[^'<>]*'))*\s*(?<self>/?)(?:>|\{\\textgreater\})")]
    private static partial Regex HtmlTag();

    // &amp; &lt; &#8211; &#x2013;
    [GeneratedRegex(@"\G&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex CharacterReference();

    /// <summary>Reads a value's LaTeX.</summary>
    public static LatexDocument Parse(string latex)
    {
        var reader = new Reader(latex ?? "");
        var nodes = reader.Sequence(0, topLevel: true);
        return new LatexDocument(nodes, [.. reader.Unknown]);
    }

    private sealed class Reader(string s)
    {
        private int _i;

        public List<LatexUnknownCommand> Unknown { get; } = [];

        /// <summary>
        /// Nodes up to the closing brace of the current group (consumed) or the end; inside an
        /// HTML element (<paramref name="closeTag"/>), up to its end tag (consumed) or the group's
        /// closing brace (left for the group).
        /// </summary>
        public ImmutableArray<LatexNode> Sequence(int depth, bool topLevel = false, string? closeTag = null)
        {
            var nodes = new List<LatexNode>();
            var text = new StringBuilder();

            void Flush()
            {
                if (text.Length > 0)
                {
                    nodes.Add(new LatexString(text.ToString()));
                    text.Clear();
                }
            }

            while (_i < s.Length)
            {
                var c = s[_i];
                switch (c)
                {
                    case '}':
                        if (closeTag is not null && depth > 0)
                        {
                            // An element left open at the end of its group ends there.
                            Flush();
                            return [.. nodes];
                        }

                        _i++;
                        if (depth > 0)
                        {
                            Flush();
                            return [.. nodes];
                        }

                        // A stray closing brace at the top closes nothing: BibTeX would have refused the value; drop it.
                        break;
                    case '<' or '{' when HtmlTag().Match(s, _i) is { Success: true } tag && InlineHtml.Style(tag.Groups["name"].Value) is { } tagStyle:
                        Flush();
                        _i += tag.Length;
                        var tagName = tag.Groups["name"].Value.ToLowerInvariant();
                        if (tag.Groups["end"].Length > 0)
                        {
                            if (tagName == closeTag)
                            {
                                return [.. nodes];
                            }

                            // An end tag nobody opened (or a block's end) closes nothing.
                            if (InlineHtml.IsBlock(tagName))
                            {
                                nodes.Add(new LatexParagraphBreak());
                            }
                        }
                        else if (InlineHtml.IsBlock(tagName))
                        {
                            nodes.Add(new LatexParagraphBreak());
                        }
                        else if (InlineHtml.IsVoid(tagName) || tag.Groups["self"].Length > 0)
                        {
                            text.Append(' ');
                        }
                        else
                        {
                            var inner = Sequence(depth, closeTag: tagName);
                            if (!inner.IsEmpty)
                            {
                                nodes.Add(new LatexGroup(inner, tagStyle));
                            }

                            SkipLayoutBeforePunctuation();
                        }

                        break;
                    case '&' when CharacterReference().Match(s, _i) is { Success: true } reference
                        && WebUtility.HtmlDecode(reference.Value) is var decoded && decoded != reference.Value:
                        // "&amp;" from Crossref or ACM ("\&amp;"): LaTeX's '&' would be an alignment tab; an export meant the character.
                        text.Append(decoded);
                        _i += reference.Length;
                        break;
                    case '{':
                        Flush();
                        _i++;
                        var protect = topLevel && Peek(0) != '\\';
                        nodes.Add(new LatexGroup(Sequence(depth + 1), LatexStyle.None, protect));
                        break;
                    case '$':
                        Flush();
                        nodes.Add(DollarMath());
                        break;
                    case '~':
                        text.Append('\u00A0');
                        _i++;
                        break;
                    case '-' when Peek(1) == '-':
                        text.Append(Peek(2) == '-' ? "—" : "–");
                        _i += Peek(2) == '-' ? 3 : 2;
                        break;
                    case '`' when Peek(1) == '`':
                        text.Append('“');
                        _i += 2;
                        break;
                    case '\'' when Peek(1) == '\'':
                        text.Append('”');
                        _i += 2;
                        break;
                    case '\n' when BlankLineAhead():
                        Flush();
                        nodes.Add(new LatexParagraphBreak());
                        while (_i < s.Length && char.IsWhiteSpace(s[_i]))
                        {
                            _i++;
                        }

                        break;
                    case '\\':
                        var start = _i;
                        var name = CommandName();
                        if (Declarations.TryGetValue(name, out var declared))
                        {
                            // The declaration styles everything up to the end of its group.
                            Flush();
                            SkipSpaces();
                            var rest = Sequence(depth, closeTag: closeTag);
                            nodes.Add(new LatexGroup(rest, declared));
                            return [.. nodes];
                        }

                        Command(name, start, nodes, text, depth);
                        break;
                    default:
                        text.Append(c);
                        _i++;
                        break;
                }
            }

            Flush();
            return [.. nodes];
        }

        private void Command(string name, int start, List<LatexNode> nodes, StringBuilder text, int depth)
        {
            void Add(LatexNode node)
            {
                if (text.Length > 0)
                {
                    nodes.Add(new LatexString(text.ToString()));
                    text.Clear();
                }

                nodes.Add(node);
            }

            var letters = name.Length > 0 && char.IsAsciiLetter(name[0]);
            if (Accents.TryGetValue(name, out var mark))
            {
                text.Append(Accent(mark, letters));
                return;
            }

            switch (name)
            {
                case "(" or "[":
                    Add(DelimitedMath(name == "(" ? "\\)" : "\\]", name == "[", start));
                    return;
                case "ensuremath" or "mathrm" or "mathit" or "mathbf" or "mathcal" or "mathbb" or "mathsf" or "mathtt" or "mathfrak" or "boldsymbol" or "operatorname":
                    var body = RawArgument();
                    if (body is not null)
                    {
                        Add(new LatexMath(name == "ensuremath" ? body : $"\\{name}{{{body}}}", false, start));
                    }

                    return;
                case "url" or "nolinkurl" or "path" or "doi":
                    var url = RawArgument() ?? "";
                    var href = name == "doi" ? "https://doi.org/" + url : url;
                    Add(new LatexLink(href, [new LatexString(url)]));
                    return;
                case "href":
                    var target = RawArgument() ?? "";
                    SkipSpaces();
                    var label = Peek(0) == '{' ? GroupArgument(depth) : [new LatexString(target)];
                    Add(new LatexLink(target, label));
                    return;
                case "texorpdfstring":
                    var tex = GroupArgument(depth);
                    _ = RawArgument();
                    Add(new LatexGroup(tex, LatexStyle.None));
                    return;
                case "foreignlanguage" or "textcolor" or "colorbox" or "raisebox":
                    _ = OptionalArgument();
                    _ = RawArgument();
                    SkipSpaces();
                    if (Peek(0) == '{')
                    {
                        Add(new LatexGroup(GroupArgument(depth), LatexStyle.None));
                    }

                    return;
                case "mkbibparens" or "mkbibbrackets":
                    var inner = GroupArgument(depth);
                    var (open, close) = name == "mkbibparens" ? ("(", ")") : ("[", "]");
                    Add(new LatexGroup([new LatexString(open), .. inner, new LatexString(close)], LatexStyle.None));
                    return;
                case "iffalse":
                    // Everything up to \fi is commented out.
                    var fi = s.IndexOf("\\fi", _i, StringComparison.Ordinal);
                    _i = fi < 0 ? s.Length : fi + 3;
                    return;
                case "begin":
                    Add(BeginEnvironment(start));
                    return;
                case "end":
                    // The end of a text environment (itemize, quote, center): a paragraph ends with it.
                    _ = RawArgument();
                    Add(new LatexParagraphBreak());
                    return;
                case "item":
                    // An item of a list in an abstract: its own line, marked as a list item.
                    var itemLabel = OptionalArgument();
                    Add(new LatexParagraphBreak());
                    text.Append(itemLabel is null ? "• " : itemLabel + " ");
                    SkipSpaces();
                    return;
            }

            if (StyleCommands.TryGetValue(name, out var style))
            {
                _ = OptionalArgument();
                SkipSpaces();
                if (Peek(0) == '{')
                {
                    // \emph{} styles nothing: no empty element in the output.
                    if (GroupArgument(depth) is { IsEmpty: false } argument)
                    {
                        Add(new LatexGroup(argument, style));
                    }
                }
                else if (_i < s.Length && Peek(0) != '}')
                {
                    // \textbf x: one token is the argument.
                    Add(new LatexGroup([new LatexString(s[_i].ToString())], style));
                    _i++;
                }

                return;
            }

            if (name == "&" && string.CompareOrdinal(s, _i, "amp;", 0, 4) == 0)
            {
                // ACM's export escapes an already escaped ampersand: "Data Mining \&amp; Knowledge".
                _i += 4;
            }

            if (Symbols.TryGetValue(name, out var symbol))
            {
                text.Append(symbol);
                if (letters)
                {
                    EndControlWord();
                }

                return;
            }

            if (AasJournals.Names.TryGetValue(name, out var journal))
            {
                text.Append(journal);
                EndControlWord();
                return;
            }

            if (Silent.Contains(name))
            {
                if (letters)
                {
                    EndControlWord();
                }

                return;
            }

            if (Dropping.TryGetValue(name, out var count))
            {
                _ = OptionalArgument();
                for (var k = 0; k < count; k++)
                {
                    _ = RawArgument();
                }

                if (letters && count == 0)
                {
                    EndControlWord();
                }

                return;
            }

            if (name.Length == 0)
            {
                // A lone backslash at the end of the value.
                return;
            }

            // Unknown: drop the name, keep what follows (its braced arguments read on as groups).
            Unknown.Add(new LatexUnknownCommand("\\" + name, start));
            if (letters)
            {
                EndControlWord();
            }
        }

        /// <summary>
        /// Crossref keeps the JATS of titles pretty-printed, one element to a line
        /// (<c>in\n    &lt;i&gt;Escherichia coli&lt;/i&gt;\n    : an evolutionary perspective</c>):
        /// a line break after an element's end tag is layout, not a space, when punctuation that
        /// follows a word directly comes next.
        /// </summary>
        private void SkipLayoutBeforePunctuation()
        {
            var k = _i;
            while (k < s.Length && char.IsWhiteSpace(s[k]))
            {
                k++;
            }

            if (k < s.Length && s[k] is ',' or '.' or ':' or ';' or '?' or '!' or ')' && s.AsSpan(_i, k - _i).Contains('\n'))
            {
                _i = k;
            }
        }

        /// <summary>Reads the name after a backslash: letters, or one other character.</summary>
        private string CommandName()
        {
            _i++;
            if (_i >= s.Length)
            {
                return "";
            }

            if (!char.IsAsciiLetter(s[_i]))
            {
                return s[_i++].ToString();
            }

            var start = _i;
            while (_i < s.Length && char.IsAsciiLetter(s[_i]))
            {
                _i++;
            }

            // A starred form (\section*) is the same command here.
            if (_i < s.Length && s[_i] == '*')
            {
                _i++;
            }

            return s[start.._i].TrimEnd('*');
        }

        /// <summary>TeX ends a control word at the first non-letter and eats the spaces after it; <c>{}</c> ends it explicitly.</summary>
        private void EndControlWord()
        {
            if (Peek(0) == '{' && Peek(1) == '}')
            {
                _i += 2;
                return;
            }

            SkipSpaces();
        }

        private string Accent(char mark, bool letterCommand)
        {
            // \"u, \"{u}, \" u (only after a letter command like \v u), \'{\i}
            var save = _i;
            if (letterCommand)
            {
                SkipSpaces();
            }

            string argument;
            if (Peek(0) == '{')
            {
                _i++;
                var inner = new Reader(s) { _i = _i };
                var nodes = inner.Sequence(1);
                _i = inner._i;
                Unknown.AddRange(inner.Unknown);
                argument = LatexRender.Plain(nodes, null);
            }
            else if (Peek(0) == '\\' && Peek(1) is 'i' or 'j' && !char.IsAsciiLetter(Peek(2)))
            {
                argument = Peek(1).ToString();
                _i += 2;
                SkipSpaces();
            }
            else if (Peek(0) == '\\' && _i + 1 < s.Length && char.IsAsciiLetter(s[_i + 1]))
            {
                var name = CommandName();
                argument = Symbols.TryGetValue(name, out var letter) ? letter : "";
                SkipSpaces();
            }
            else if (_i < s.Length && !char.IsWhiteSpace(s[_i]) && s[_i] != '}')
            {
                argument = s[_i].ToString();
                _i++;
            }
            else
            {
                _i = save;
                return SpacingAccents.GetValueOrDefault(mark, mark).ToString();
            }

            // A dotless i or j under an accent is how LaTeX writes í; Unicode wants the plain letter.
            argument = argument.Replace('ı', 'i').Replace('ȷ', 'j');
            if (argument.Length == 0)
            {
                // \'{} is the accent on its own: the spacing form, not a combining mark on nothing.
                return SpacingAccents.GetValueOrDefault(mark, mark).ToString();
            }

            return LatinLetters.Compose(argument[0], mark) is { } composed
                ? composed + argument[1..]
                : argument[0] + mark.ToString() + argument[1..];
        }

        /// <summary>
        /// <c>\begin{name}</c>: a math environment is a display formula up to its <c>\end{name}</c>
        /// (<c>equation</c> and <c>displaymath</c> by their body, the amsmath alignments whole, as
        /// Temml reads them); a text environment only starts a paragraph, its name printing nothing.
        /// </summary>
        private LatexNode BeginEnvironment(int start)
        {
            var name = RawArgument() ?? "";
            var bare = name.TrimEnd('*');
            if (!MathEnvironments.Contains(bare))
            {
                return new LatexParagraphBreak();
            }

            var close = "\\end{" + name + "}";
            var end = s.IndexOf(close, _i, StringComparison.Ordinal);
            var body = end < 0 ? s[_i..] : s[_i..end];
            _i = end < 0 ? s.Length : end + close.Length;
            return bare switch
            {
                "math" => new LatexMath(body, false, start),
                "equation" or "displaymath" => new LatexMath(body, true, start),
                _ => new LatexMath($"\\begin{{{name}}}{body}\\end{{{name}}}", true, start),
            };
        }

        private LatexMath DollarMath()
        {
            var start = _i;
            var display = Peek(1) == '$';
            var open = display ? 2 : 1;
            var close = display ? "$$" : "$";
            var at = _i + open;
            while (at < s.Length)
            {
                if (s[at] == '\\')
                {
                    at += 2;
                    continue;
                }

                if (string.CompareOrdinal(s, at, close, 0, close.Length) == 0)
                {
                    var tex = s[(_i + open)..at];
                    _i = at + close.Length;
                    return new LatexMath(tex, display, start);
                }

                at++;
            }

            // Never closed: the rest of the value is the formula, as TeX would read it (and Temml will say what is wrong).
            var rest = s[(_i + open)..];
            _i = s.Length;
            return new LatexMath(rest, display, start);
        }

        private LatexMath DelimitedMath(string close, bool display, int start)
        {
            var end = s.IndexOf(close, _i, StringComparison.Ordinal);
            var tex = end < 0 ? s[_i..] : s[_i..end];
            _i = end < 0 ? s.Length : end + close.Length;
            return new LatexMath(tex, display, start);
        }

        /// <summary>A braced argument read as nodes; an unbraced one is its single character.</summary>
        private ImmutableArray<LatexNode> GroupArgument(int depth)
        {
            SkipSpaces();
            if (Peek(0) == '{')
            {
                _i++;
                return Sequence(depth + 1);
            }

            if (_i < s.Length && s[_i] != '}')
            {
                return [new LatexString(s[_i++].ToString())];
            }

            return [];
        }

        /// <summary>A braced argument as source text (urls, formulas), or one character; null when there is none.</summary>
        private string? RawArgument()
        {
            SkipSpaces();
            if (Peek(0) != '{')
            {
                if (_i < s.Length && s[_i] != '}' && s[_i] != '\\')
                {
                    return s[_i++].ToString();
                }

                return null;
            }

            var depth = 0;
            for (var j = _i; j < s.Length; j++)
            {
                if (s[j] == '\\')
                {
                    j++;
                    continue;
                }

                if (s[j] == '{')
                {
                    depth++;
                }
                else if (s[j] == '}' && --depth == 0)
                {
                    var value = s[(_i + 1)..j];
                    _i = j + 1;
                    return value;
                }
            }

            var rest = s[(_i + 1)..];
            _i = s.Length;
            return rest;
        }

        private string? OptionalArgument()
        {
            var save = _i;
            SkipSpaces();
            if (Peek(0) != '[')
            {
                _i = save;
                return null;
            }

            var end = s.IndexOf(']', _i);
            if (end < 0)
            {
                _i = save;
                return null;
            }

            var value = s[(_i + 1)..end];
            _i = end + 1;
            return value;
        }

        private bool BlankLineAhead()
        {
            for (var j = _i + 1; j < s.Length; j++)
            {
                if (s[j] == '\n')
                {
                    return true;
                }

                if (!char.IsWhiteSpace(s[j]))
                {
                    return false;
                }
            }

            return false;
        }

        private void SkipSpaces()
        {
            while (_i < s.Length && s[_i] is ' ' or '\t' or '\n' or '\r')
            {
                _i++;
            }
        }

        private char Peek(int ahead) => _i + ahead < s.Length ? s[_i + ahead] : '\0';
    }
}
