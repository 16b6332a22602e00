using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace ProfileSite.Content.Loading;

/// <summary>
/// Turns a YAML parser's complaint into a message that points where the mistake starts. A
/// parser notices a mistake where it can no longer go on, often lines later: an unclosed quote
/// or bracket is only found at the end of the file, a misindented line where the next key
/// fails. Each kind of mistake is recognised from the error and the tokens before it, and
/// reported at its start, naming where the parser gave up when that differs.
/// </summary>
internal static class YamlSyntaxErrors
{
    private const int MaxTokens = 200_000;

    /// <summary>The position to report and the message, for an exception thrown while reading <paramref name="file"/>.</summary>
    public static (Mark At, string Message) Explain(SourceFile file, Exception exception)
    {
        var text = file.Text;
        if (exception is not YamlException error)
        {
            // YamlDotNet throws InvalidOperationException on some unclosed flow collections (found by the property tests).
            return Outline(text, text.Length) switch
            {
                { Quote: { } quote } => Unterminated(file, quote, null),
                { Brackets: [.., var bracket] } => Unclosed(file, bracket, null),
                _ => (new Mark(0, 1, 1), "the text cannot be read as YAML; check quotes, brackets and indentation"),
            };
        }

        var raw = Describe(error);
        var gaveUp = error.Start;
        var tokens = Tokens(text);

        if (raw.Contains("quoted scalar", StringComparison.Ordinal))
        {
            if (raw.Contains("escape", StringComparison.Ordinal) || raw.Contains("Unicode", StringComparison.Ordinal))
            {
                return BadEscape(file, error, raw.Contains("Unicode", StringComparison.Ordinal));
            }

            // The parser reports the opening quote itself and gives up where the text can no longer belong to the string.
            var opening = new Opening(text[(int)error.Start.Index], error.Start);
            return Unterminated(file, opening, error.End);
        }

        var outline = Outline(text, text.Length);
        if (raw.Contains("flow sequence", StringComparison.Ordinal) || raw.Contains("flow mapping", StringComparison.Ordinal))
        {
            if (outline.Quote is { } quote)
            {
                return Unterminated(file, quote, gaveUp);
            }

            if (outline.Brackets is [.., var bracket])
            {
                return Unclosed(file, bracket, gaveUp);
            }

            if (Outline(text, (int)gaveUp.Index).Brackets is [.., var around])
            {
                var close = around.Char == '[' ? ']' : '}';
                return (gaveUp, $"expected ',' or '{close}' here, inside the '{around.Char}' that starts at {file.Where(around.Mark)}; separate items with ', ' and put an item holding ',', ':' or brackets in quotes");
            }
        }

        if (raw.Contains("invalid mapping", StringComparison.Ordinal) || raw.Contains("Mapping values are not allowed", StringComparison.Ordinal))
        {
            return ColonInPlainValue(file, tokens, gaveUp);
        }

        if (raw.Contains("cannot start any token", StringComparison.Ordinal))
        {
            if (EmptyBlockScalarBefore(tokens, gaveUp) is { } block)
            {
                return (gaveUp, BlockNotIndented(file, block));
            }

            var c = text[(int)Math.Min(gaveUp.Index, text.Length - 1)];
            var why = c is '@' or '`' ? $"'{c}' is reserved in YAML and cannot start a value" : $"'{c}' cannot start a value here";
            return (gaveUp, $"{why}; put the value in quotes");
        }

        if (raw.Contains("did not find expected key", StringComparison.Ordinal))
        {
            return UnexpectedInMapping(file, tokens, gaveUp);
        }

        if (raw.Contains("did not find expected '-' indicator", StringComparison.Ordinal))
        {
            var list = OpenBlocks(tokens, gaveUp).LastOrDefault(b => b.IsSequence);
            var where = list is null ? "" : $" of the list that starts at {file.Where(list.Start)}";
            return (gaveUp, $"expected a list item ('- ...') here: every item{where} starts with '- ' at the same indentation");
        }

        return (gaveUp, raw);
    }

    /// <summary>A duplicate key: YAML allows one value per key, and a second one would silently replace the first.</summary>
    public static string Duplicate(SourceFile file, string key, Mark first) =>
        $"duplicate key '{key}': it is already set at {file.Where(first)}; a key may appear once in a mapping";

    /// <summary>The parser marks the escape's backslash, or the end of a \u escape: report at the backslash, quoting the escape.</summary>
    private static (Mark, string) BadEscape(SourceFile file, YamlException error, bool unicode)
    {
        var text = file.Text;
        var at = (int)Math.Min(error.End.Index, text.Length - 1);
        while (at > error.Start.Index && text[at] != '\\')
        {
            at--;
        }

        var length = at + 1 < text.Length ? text[at + 1] switch { 'u' => 6, 'U' => 10, 'x' => 4, _ => 2 } : 1;
        var escape = text.Substring(at, Math.Min(length, text.Length - at));
        var mark = new Mark(at, error.End.Line, error.End.Column - (error.End.Index - at));
        var where = $"in the double-quoted string that starts at {file.Where(error.Start)}";
        return (mark, unicode
            ? $"'{escape}' {where} is not a character (half of a UTF-16 surrogate pair, or beyond U+10FFFF); write the character itself"
            : $"unknown escape '{escape}' {where}; write \\\\ for a backslash and \\\" for a quote, or put the value in '...' instead");
    }

    private static (Mark, string) Unterminated(SourceFile file, Opening quote, Mark? gaveUp)
    {
        var whole = file.LineOffset > 0 ? "front matter" : "file";
        var end = gaveUp is { } g && g.Line != quote.Mark.Line
            ? g.Index >= file.Text.Length ? $" (the parser reached the end of the {whole} at {file.Where(g)})" : $" (the parser gave up at {file.Where(g)})"
            : "";
        var hint = quote.Char == '\'' ? "; inside '...' write a ' as ''" : "; inside \"...\" write a \" as \\\"";
        return (quote.Mark, $"unterminated quoted string that starts at {file.Where(quote.Mark)}{end}: close it with {quote.Char}{hint}");
    }

    private static (Mark, string) Unclosed(SourceFile file, Opening bracket, Mark? gaveUp)
    {
        var (what, close) = bracket.Char == '[' ? ("a list written in brackets", ']') : ("a mapping written in braces", '}');
        var end = gaveUp is { } g && g.Line != bracket.Mark.Line ? $" (the parser gave up at {file.Where(g)})" : "";
        return (bracket.Mark, $"unclosed '{bracket.Char}' that starts at {file.Where(bracket.Mark)}{end}: {what} must end with '{close}'");
    }

    /// <summary>A plain value with ': ' in it, or a line that YAML took as the continuation of the value above.</summary>
    private static (Mark, string) ColonInPlainValue(SourceFile file, List<Token> tokens, Mark gaveUp)
    {
        var before = tokens.LastOrDefault(t => t is not Error && t.End.Index <= gaveUp.Index && t is not StreamStart);
        var start = NextContent(file.Text, before is null ? 0 : (int)before.End.Index);
        if (start.Line == gaveUp.Line)
        {
            return (start, $"the value that starts at {file.Where(start)} contains ': ', which YAML reads as a key; put the whole value in quotes");
        }

        var continued = LineContentStart(file.Text, gaveUp);
        if (before is Value)
        {
            return (continued, $"this line is indented more than the key above it, so YAML reads it as the rest of the value that starts at {file.Where(start)} and then finds ': '; "
                + "indent it like that key, or leave that key's value empty to nest this line under it");
        }

        return (start, $"the text that starts at {file.Where(start)} is not 'key: value' or '- item', so YAML reads line {file.Where(continued).Split(':')[0]} into it and then finds ': '; add ': ' after a key, or '- ' before a list item");
    }

    private static (Mark, string) UnexpectedInMapping(SourceFile file, List<Token> tokens, Mark gaveUp)
    {
        var at = tokens.FindIndex(t => t is not Error && t.Start.Index >= gaveUp.Index && t is not BlockEnd and not StreamEnd);
        var current = at >= 0 ? tokens[at] : null;
        var previous = tokens.LastOrDefault(t => t is not Error && t.End.Index <= gaveUp.Index && t is not BlockEnd);

        if (previous is Scalar { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } quoted && quoted.End.Line == gaveUp.Line && current is Scalar)
        {
            var closing = new Mark(quoted.End.Index - 1, quoted.End.Line, quoted.End.Column - 1);
            var hint = quoted.Style == ScalarStyle.SingleQuoted
                ? "inside '...' write a ' as '' (it''s), or put the value in \"...\""
                : "inside \"...\" write a \" as \\\", or put the value in '...'";
            return (closing, $"the quoted string that starts at {file.Where(quoted.Start)} ends at this quote, and more text follows on the line; {hint}");
        }

        if (previous is Scalar { Style: ScalarStyle.Literal or ScalarStyle.Folded } block && gaveUp.Line > block.Start.Line)
        {
            return (gaveUp, block.Value.Length == 0
                ? BlockNotIndented(file, block)
                : $"this line is indented less than the text of the block scalar ('{(block.Style == ScalarStyle.Literal ? '|' : '>')}') that starts at {file.Where(block.Start)}, "
                    + "but more than the keys around it; indent it like the block's first line, or like the keys");
        }

        if (current is FlowSequenceEnd or FlowMappingEnd)
        {
            var close = current is FlowSequenceEnd ? ']' : '}';
            return (gaveUp, $"'{close}' here closes nothing: there is no open '{(close == ']' ? '[' : '{')}' before it");
        }

        var blocks = OpenBlocks(tokens, gaveUp).Where(b => !b.IsSequence).ToList();
        if (blocks.Count > 0 && !blocks.Any(b => b.Start.Column == gaveUp.Column))
        {
            var levels = string.Join(" or ", blocks.AsEnumerable().Reverse().Select(b => $"{b.Start.Column - 1} (the keys from {file.Where(b.Start)})"));
            return (gaveUp, $"wrong indentation: this line is indented {Spaces(gaveUp.Column - 1)}, but the keys around it are indented {levels}");
        }

        if (current is Scalar { Style: ScalarStyle.Plain } plain)
        {
            return (gaveUp, $"'{Shorten(plain.Value)}' is not 'key: value'; add ': ' and a value, or indent it under the key above");
        }

        return (gaveUp, "expected a key ('key: value') here");
    }

    private static Scalar? EmptyBlockScalarBefore(List<Token> tokens, Mark at) =>
        tokens.LastOrDefault(t => t is not Error && t.End.Index <= at.Index) is Scalar { Style: ScalarStyle.Literal or ScalarStyle.Folded, Value.Length: 0 } block
            && at.Line > block.Start.Line
            ? block
            : null;

    private static string BlockNotIndented(SourceFile file, Scalar block) =>
        $"the block scalar ('{(block.Style == ScalarStyle.Literal ? '|' : '>')}') that starts at {file.Where(block.Start)} has no text: "
        + "its lines must be indented more than its key";

    private sealed record Block(Mark Start, bool IsSequence);

    /// <summary>The block mappings and sequences open at <paramref name="at"/>, outermost first.</summary>
    private static List<Block> OpenBlocks(List<Token> tokens, Mark at)
    {
        var open = new List<Block>();
        foreach (var token in tokens)
        {
            if (token.Start.Index >= at.Index || token is Error)
            {
                break;
            }

            switch (token)
            {
                case BlockMappingStart:
                    open.Add(new Block(token.Start, false));
                    break;
                case BlockSequenceStart:
                    open.Add(new Block(token.Start, true));
                    break;
                case BlockEnd when open.Count > 0:
                    open.RemoveAt(open.Count - 1);
                    break;
            }
        }

        return open;
    }

    /// <summary>The scanner's tokens up to its first error (the scanner can repeat an error token forever).</summary>
    private static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        try
        {
            var scanner = new Scanner(new StringReader(text), skipComments: true);
            while (tokens.Count < MaxTokens && scanner.MoveNext())
            {
                tokens.Add(scanner.Current!);
                if (scanner.Current is Error)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
        {
            // The tokens read so far are what the explanation needs.
        }

        return tokens;
    }

    private static Mark NextContent(string text, int from)
    {
        var i = from;
        while (i < text.Length)
        {
            if (text[i] is ' ' or '\t' or '\n')
            {
                i++;
            }
            else if (text[i] == '#')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        return MarkAt(text, Math.Min(i, text.Length));
    }

    private static Mark LineContentStart(string text, Mark at)
    {
        var lineStart = at.Index == 0 ? 0 : text.LastIndexOf('\n', (int)at.Index - 1) + 1;
        var i = lineStart;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return MarkAt(text, i);
    }

    private static Mark MarkAt(string text, int index)
    {
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var column = index - (index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1) + 1;
        return new Mark(index, line, column);
    }

    private static string Spaces(long count) => count == 1 ? "1 space" : $"{count} spaces";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ...) - (...): "; the position is ours to print.
        var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        message = cut >= 0 ? message[(cut + 3)..] : message;
        return message.TrimEnd('.');
    }

    private readonly record struct Opening(char Char, Mark Mark);

    private sealed record OutlineState(Opening? Quote, List<Opening> Brackets);

    /// <summary>
    /// Follows quotes, flow brackets, comments and block scalars up to <paramref name="stop"/>:
    /// enough YAML to say which quote or bracket is still open there. Run only after the parser
    /// failed, so it may be approximate where the text is not YAML anyway.
    /// </summary>
    private static OutlineState Outline(string text, int stop)
    {
        var brackets = new List<Opening>();
        Opening? quote = null;
        var nodeStart = true;
        int line = 1, lineStart = 0, blockParent = -1;
        for (var i = 0; i < Math.Min(stop, text.Length); i++)
        {
            var c = text[i];
            Mark Here() => new(i, line, i - lineStart + 1);
            if (i == lineStart && quote is null && brackets.Count == 0)
            {
                var indent = 0;
                while (i + indent < text.Length && text[i + indent] == ' ')
                {
                    indent++;
                }

                var blank = i + indent >= text.Length || text[i + indent] == '\n';
                if (blockParent >= 0 && (blank || indent > blockParent))
                {
                    // A line of a block scalar ('|' or '>'): text, not structure. Go on from its line end.
                    var end = text.IndexOf('\n', i);
                    if (end < 0)
                    {
                        break;
                    }

                    i = end;
                    line++;
                    lineStart = end + 1;
                    continue;
                }

                blockParent = -1;
                nodeStart = true;
            }

            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
                continue;
            }

            if (quote is { } open)
            {
                if (open.Char == '"' && c == '\\')
                {
                    i++;
                }
                else if (c == open.Char)
                {
                    if (c == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        i++;
                    }
                    else
                    {
                        quote = null;
                        nodeStart = false;
                    }
                }

                continue;
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\n';
            var flow = brackets.Count > 0;
            if (c is ' ' or '\t')
            {
                continue;
            }

            if (c == '#' && (i == 0 || text[i - 1] is ' ' or '\t' or '\n'))
            {
                i = SkipLine(text, i);
                continue;
            }

            if (nodeStart && c is '[' or '{')
            {
                brackets.Add(new Opening(c, Here()));
                continue;
            }

            if (nodeStart && c is '\'' or '"')
            {
                quote = new Opening(c, Here());
                continue;
            }

            if (flow && c is ']' or '}')
            {
                brackets.RemoveAt(brackets.Count - 1);
                nodeStart = false;
                continue;
            }

            if ((flow && c == ',') || (c == ':' && (next is ' ' or '\n' || (flow && next is ',' or ']' or '}'))))
            {
                nodeStart = true;
                continue;
            }

            if (!flow && nodeStart && c is '-' or '?' && next is ' ' or '\n')
            {
                continue;
            }

            if (!flow && nodeStart && c is '|' or '>')
            {
                blockParent = IndentOf(text, lineStart);
                i = SkipLine(text, i);
                continue;
            }

            if (nodeStart && c is '&' or '!')
            {
                while (i + 1 < text.Length && text[i + 1] is not (' ' or '\n'))
                {
                    i++;
                }

                continue;
            }

            nodeStart = false;
        }

        return new OutlineState(quote, brackets);
    }

    private static int SkipLine(string text, int i)
    {
        var end = text.IndexOf('\n', i);
        return (end < 0 ? text.Length : end) - 1;
    }

    private static int IndentOf(string text, int lineStart)
    {
        var indent = 0;
        while (lineStart + indent < text.Length && text[lineStart + indent] == ' ')
        {
            indent++;
        }

        return indent;
    }
}
