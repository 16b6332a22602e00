using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;

namespace ProfileSite.Content.Bibtex;

/// <summary>One <c>name = value</c> of an entry.</summary>
/// <param name="Name">The field name, lower-case (<c>title</c>, <c>author</c>, ...).</param>
/// <param name="Raw">The value as LaTeX source, after <c>@string</c> macros and <c>#</c> are expanded, outer delimiters removed.</param>
/// <param name="Line">1-based line of the field name.</param>
/// <param name="Column">1-based column of the field name.</param>
public sealed record BibtexField(string Name, string Raw, int Line, int Column)
{
    // Decoded on first use: most of a whole-library export's text (abstracts, file paths, keywords)
    // is read through LatexMarkup or not at all, and decoding all of it up front was a tenth of a load.
    private string? _value;

    /// <summary>The value as plain Unicode text: LaTeX accents and commands decoded, braces dropped, spaces collapsed.</summary>
    public string Value => _value ??= LatexText.ToUnicode(Raw);

    /// <summary>1-based line of the value's first character when it was written as one braced or quoted part; else <see cref="Line"/>.</summary>
    public int ValueLine { get; init; } = Line;

    /// <summary>1-based column of the value's first character (see <see cref="ValueLine"/>).</summary>
    public int ValueColumn { get; init; } = Column;

    /// <summary>True when <see cref="Raw"/> is exactly the text at <see cref="ValueLine"/>:<see cref="ValueColumn"/> (no macros, no '#').</summary>
    public bool IsLiteral { get; init; }

    /// <summary>Equal when written alike at the same place; whether <see cref="Value"/> was decoded yet does not count.</summary>
    public bool Equals(BibtexField? other) =>
        other is not null && (Name, Raw, Line, Column, ValueLine, ValueColumn, IsLiteral)
            == (other.Name, other.Raw, other.Line, other.Column, other.ValueLine, other.ValueColumn, other.IsLiteral);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Raw, Line, Column, ValueLine, ValueColumn, IsLiteral);

    /// <summary>The file position of a character of <see cref="Raw"/>: exact for a literal value, the field's own position otherwise.</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        if (!IsLiteral || offset < 0 || offset > Raw.Length)
        {
            return (Line, Column);
        }

        var (line, column) = (ValueLine, ValueColumn);
        for (var i = 0; i < offset; i++)
        {
            (line, column) = Raw[i] == '\n' ? (line + 1, 1) : (line, column + 1);
        }

        return (line, column);
    }
}

/// <summary>One <c>@type{key, ...}</c> entry.</summary>
/// <param name="Type">The entry type, lower-case (<c>article</c>, <c>inproceedings</c>, ...).</param>
/// <param name="Key">The citation key as written.</param>
/// <param name="Fields">The fields in the order written (duplicates dropped).</param>
/// <param name="Line">1-based line of the '@'.</param>
/// <param name="Column">1-based column of the '@'.</param>
public sealed record BibtexEntry(string Type, string Key, ImmutableArray<BibtexField> Fields, int Line, int Column)
{
    /// <summary>The decoded value of a field, or null when the entry has none (or it is blank).</summary>
    public string? this[string name] => Field(name) is { Value: { Length: > 0 } value } ? value : null;

    public BibtexField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>1-based line and column of the citation key (of the '{' when the key is empty).</summary>
    public (int Line, int Column) KeyPosition { get; init; } = (Line, Column);
}

/// <summary>A problem in a <c>.bib</c> text, pinned to a line and column.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong, without what the reader did about it when it skipped text.</param>
/// <param name="IsWarning">True when the reader repaired the problem and skipped nothing.</param>
public sealed record BibtexProblem(int Line, int Column, string Message, bool IsWarning = false)
{
    /// <summary>
    /// For a syntax error inside an entry: the key of the entry, which is kept with the fields read
    /// before the error (as BibTeX keeps them); null when nothing of the entry was kept.
    /// </summary>
    public string? KeptEntry { get; init; }
}

/// <summary>What a <c>.bib</c> text holds: its entries and the problems found.</summary>
public sealed record BibtexDocument(ImmutableArray<BibtexEntry> Entries, ImmutableArray<BibtexProblem> Problems);

/// <summary>
/// A BibTeX reader as forgiving as BibTeX itself and stricter where it helps the owner: every
/// entry type, <c>{...}</c> and <c>"..."</c> values with nested braces, <c>@string</c> macros
/// with <c>#</c> concatenation, the standard month macros, <c>@comment</c>, <c>@preamble</c> and
/// free text between entries. It never throws: a broken entry becomes a problem with its line
/// and column, and reading resumes at the next entry.
/// </summary>
public sealed class BibtexParser
{
    private static readonly FrozenDictionary<string, string> MonthMacros = new Dictionary<string, string>
    {
        ["jan"] = "January", ["feb"] = "February", ["mar"] = "March", ["apr"] = "April",
        ["may"] = "May", ["jun"] = "June", ["jul"] = "July", ["aug"] = "August",
        ["sep"] = "September", ["oct"] = "October", ["nov"] = "November", ["dec"] = "December",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly string _text;
    private readonly int[] _lineStarts;
    private readonly Dictionary<string, string> _macros = new(MonthMacros, StringComparer.OrdinalIgnoreCase);
    private readonly List<BibtexEntry> _entries = [];
    private readonly List<BibtexProblem> _problems = [];
    // Where each @string was defined, and the uses of undefined ones, to say when a definition came too late.
    private readonly Dictionary<string, int> _macroLines = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(int Problem, string Name)> _undefinedUses = [];
    private int _pos;

    private BibtexParser(string text)
    {
        _text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>Reads every entry of a <c>.bib</c> text.</summary>
    public static BibtexDocument Parse(string text)
    {
        var parser = new BibtexParser(text);
        parser.Run();
        parser.ExplainLateDefinitions();
        return new BibtexDocument([.. parser._entries], [.. parser._problems]);
    }

    private void Run()
    {
        while (true)
        {
            // Anything before an '@' is a comment, as in BibTeX; so is a line that starts with '%'
            // (biber, JabRef and Zotero read it so: "%@article{...}" is an entry commented out).
            var at = _text.IndexOf('@', _pos);
            if (at < 0)
            {
                return;
            }

            if (InLineComment(at))
            {
                _pos = at + 1;
                continue;
            }

            _pos = at;
            try
            {
                ReadItem();
            }
            catch (SyntaxError error)
            {
                var (line, column) = Where(error.Position);
                _problems.Add(new BibtexProblem(line, column, error.Message) { KeptEntry = error.KeptEntry });
                _pos = Math.Max(error.Position, at + 1);
                SkipToNextEntry();
            }
        }
    }

    private void ReadItem()
    {
        var start = _pos;
        _pos++; // '@'
        SkipSpace();
        var type = ReadIdentifier("an entry type after '@' (article, inproceedings, string, ...)").ToLowerInvariant();
        SkipSpace();
        if (type == "comment")
        {
            // '@comment{...}' swallows a balanced group; a bare '@comment' only itself.
            if (Peek() is '{' or '(')
            {
                SkipGroup();
            }

            return;
        }

        var open = Peek();
        if (open is not ('{' or '('))
        {
            throw Expected($"'{{' after '@{type}'", _pos);
        }

        var close = open == '{' ? '}' : ')';
        _pos++;
        SkipSpace();
        switch (type)
        {
            case "preamble":
                _ = ReadValue();
                SkipSpace();
                Expect(close);
                return;
            case "string":
                var namePos = _pos;
                var name = ReadIdentifier("a macro name after '@string{'");
                SkipSpace();
                Expect('=');
                var (value, _, _) = ReadValue();
                SkipSpace();
                Expect(close);
                if (_macros.ContainsKey(name) && !MonthMacros.ContainsKey(name.ToLowerInvariant()))
                {
                    var (l, c) = Where(namePos);
                    _problems.Add(new BibtexProblem(l, c, $"@string '{name}' is defined twice; the later value wins", IsWarning: true));
                }

                _macros[name] = value;
                _macroLines[name] = Where(namePos).Line;
                return;
        }

        var keyPos = _pos;
        // An empty key (Mendeley writes @article{,...}) is read; the loader gives the entry a key and says so.
        var key = ReadKey(close);

        var fields = new List<BibtexField>();
        SkipSpaceAndComments(key);
        if (Peek() == ',')
        {
            _pos++;
        }
        else if (Peek() != close)
        {
            throw Expected($"',' after the key '{key}'", _pos);
        }

        var (entryLine, entryColumn) = Where(start);
        BibtexEntry Entry() => new(type, key, [.. fields], entryLine, entryColumn) { KeyPosition = Where(keyPos) };
        try
        {
            ReadFields(key, close, start, fields);
        }
        catch (SyntaxError error) when (fields.Any(f => f.Name is "title" or "crossref" or "xdata"))
        {
            // BibTeX keeps an entry's fields up to a syntax error and skips the rest ("I'm skipping
            // whatever remains of this entry"); pybtex does the same. So do we, and say so; but
            // only when the part kept names the work (a title, or a parent to inherit one from):
            // an "Untitled" card made of an author list is a broken entry, not a paper.
            _entries.Add(Entry());
            throw error.Keeping(key);
        }

        _entries.Add(Entry());
    }

    private void ReadFields(string key, char close, int start, List<BibtexField> fields)
    {
        while (true)
        {
            SkipSpaceAndComments(key);
            if (Peek() == close)
            {
                _pos++;
                return;
            }

            if (AtEnd)
            {
                throw new SyntaxError($"entry '{key}' is not closed; expected '{close}' before the end of the file", start);
            }

            var fieldPos = _pos;
            var fieldName = ReadIdentifier("a field name like 'title' or the closing '}'").ToLowerInvariant();
            SkipSpace();
            Expect('=');
            var (raw, valueStart, literal) = ReadValue();
            var (line, column) = Where(fieldPos);
            var field = new BibtexField(fieldName, raw, line, column);
            if (fields.Any(f => f.Name == fieldName))
            {
                _problems.Add(new BibtexProblem(line, column, $"field '{fieldName}' appears twice in '{key}'; the first is kept", IsWarning: true));
                field = null;
            }

            SkipSpaceAndComments(key);
            if (Peek() == '@' && AtLineStart(_pos) && LooksLikeEntry(_pos))
            {
                // A brace closed too late swallowed the entry's end: point at the field it started in
                // (and keep the fields before it, not the swallowed text).
                throw new SyntaxError($"entry '{key}' runs into the next entry; is a '{{' in '{fieldName}' not closed where it should be?", fieldPos);
            }

            if (field is not null)
            {
                var (valueLine, valueColumn) = Where(valueStart);
                fields.Add(field with { ValueLine = valueLine, ValueColumn = valueColumn, IsLiteral = literal });
            }

            if (Peek() == ',')
            {
                _pos++;
            }
            else if (Peek() != close && !AtEnd && NextIsField())
            {
                // "title = {A}\n  year = 2020": a comma forgotten between two fields (BibTeX would
                // drop the rest of the entry); the intent is plain, so read on.
                var (l, c) = Where(_pos);
                _problems.Add(new BibtexProblem(l, c, $"',' is missing after the value of '{fieldName}'; the next field is read all the same", IsWarning: true));
            }
            else if (Peek() != close)
            {
                throw Expected($"',' or '{close}' after the value of '{fieldName}'", _pos);
            }
        }
    }

    /// <summary>True when the text ahead is <c>name =</c>: the start of a field.</summary>
    private bool NextIsField()
    {
        var i = _pos;
        while (i < _text.Length && IsIdentifierChar(_text[i]))
        {
            i++;
        }

        if (i == _pos)
        {
            return false;
        }

        while (i < _text.Length && char.IsWhiteSpace(_text[i]))
        {
            i++;
        }

        return i < _text.Length && _text[i] == '=';
    }

    /// <summary>
    /// Skips white space and, inside an entry, '%' comment lines. BibTeX has no comments inside an
    /// entry (it stops reading the entry at the '%'), but people comment fields out that way and
    /// biber, JabRef and Zotero read on; a warning says BibTeX would not.
    /// </summary>
    private void SkipSpaceAndComments(string key)
    {
        SkipSpace();
        while (Peek() == '%')
        {
            var (line, column) = Where(_pos);
            _problems.Add(new BibtexProblem(line, column, $"a '%' comment inside entry '{key}' is skipped (BibTeX would drop the rest of the entry here)", IsWarning: true));
            var end = _text.IndexOf('\n', _pos);
            _pos = end < 0 ? _text.Length : end + 1;
            SkipSpace();
        }
    }

    /// <summary>BibTeX reads a file once, so a macro defined below its first use is empty there: say where it is.</summary>
    private void ExplainLateDefinitions()
    {
        foreach (var (index, name) in _undefinedUses)
        {
            if (_macroLines.TryGetValue(name, out var line))
            {
                _problems[index] = _problems[index] with
                {
                    Message = $"@string macro '{name}' is used before its definition on line {line}, so it is read as empty, as BibTeX does; move the @string above its first use",
                };
            }
        }
    }

    /// <summary>
    /// A value: parts joined by '#', each a braced or quoted string, a number or a macro name.
    /// Returns the text, where the first part's text starts, and whether the value is that one part.
    /// </summary>
    private (string Text, int Start, bool Literal) ReadValue()
    {
        var builder = new StringBuilder();
        var first = -1;
        var parts = 0;
        while (true)
        {
            SkipSpace();
            var c = Peek();
            parts++;
            if (first < 0)
            {
                first = c is '{' or '"' ? _pos + 1 : _pos;
            }

            if (c == '{')
            {
                builder.Append(ReadDelimited('}'));
            }
            else if (c == '"')
            {
                builder.Append(ReadDelimited('"'));
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = _pos;
                while (!AtEnd && char.IsAsciiDigit(Peek()))
                {
                    _pos++;
                }

                builder.Append(_text, start, _pos - start);
            }
            else if (IsIdentifierChar(c))
            {
                var start = _pos;
                var name = ReadIdentifier("a value");
                if (_macros.TryGetValue(name, out var expansion))
                {
                    builder.Append(expansion);
                }
                else
                {
                    // BibTeX and biber warn and read an undefined macro as empty.
                    var (line, column) = Where(start);
                    _undefinedUses.Add((_problems.Count, name));
                    _problems.Add(new BibtexProblem(line, column, $"undefined @string macro '{name}' is read as empty, as BibTeX does; define it with @string{{{name} = {{...}}}} or put the value in braces", IsWarning: true));
                    parts++;
                }
            }
            else
            {
                throw Expected("a value: {text}, \"text\", a number or a @string name", _pos);
            }

            SkipSpace();
            if (Peek() != '#')
            {
                return (builder.ToString(), first, parts == 1 && _text[first - 1] is '{' or '"');
            }

            _pos++;
        }
    }

    /// <summary>Reads <c>{...}</c> or <c>"..."</c>; braces nest inside both, and a quote inside braces is text.</summary>
    private string ReadDelimited(char close)
    {
        var start = _pos;
        _pos++;
        var depth = 0;
        var contentStart = _pos;
        while (!AtEnd)
        {
            var c = _text[_pos];
            if (c == '\\' && _pos + 1 < _text.Length)
            {
                // An escaped brace or quote (\{, \", \}) is text, not structure.
                _pos += 2;
                continue;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                if (depth == 0)
                {
                    if (close == '}')
                    {
                        var value = _text[contentStart.._pos];
                        _pos++;
                        return value;
                    }

                    throw new SyntaxError("unbalanced '}' inside a quoted value", _pos);
                }

                depth--;
            }
            else if (c == '"' && close == '"' && depth == 0)
            {
                var value = _text[contentStart.._pos];
                _pos++;
                return value;
            }
            else if (c == '@' && depth == 0 && close == '}' && AtLineStart(_pos) && LooksLikeEntry(_pos))
            {
                // An '@' at a line start inside a value is almost surely the next entry: the brace was never closed.
                break;
            }

            _pos++;
        }

        throw new SyntaxError(close == '}' ? "'{' is never closed; expected a matching '}'" : "'\"' is never closed; expected a matching '\"'", start);
    }

    private string ReadKey(char close)
    {
        var start = _pos;
        while (!AtEnd && _text[_pos] is not (',' or '\n' or '\r' or ' ' or '\t') && _text[_pos] != close && _text[_pos] != '=')
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private string ReadIdentifier(string expected)
    {
        var start = _pos;
        while (!AtEnd && IsIdentifierChar(_text[_pos]))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Expected(expected, start);
        }

        return _text[start.._pos];
    }

    private static bool IsIdentifierChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':' or '.' or '+' or '/' or '\'' or '!' or '?' or '*' or '&' or '<' or '>' or ';' or '[' or ']' or '|';

    private void SkipGroup()
    {
        var start = _pos;
        var open = _text[_pos];
        var close = open == '{' ? '}' : ')';
        var depth = 0;
        while (!AtEnd)
        {
            var c = _text[_pos++];
            if (c == open)
            {
                depth++;
            }
            else if (c == close && --depth == 0)
            {
                return;
            }
        }

        throw new SyntaxError("'@comment' is never closed", start);
    }

    private void SkipToNextEntry()
    {
        while (!AtEnd && !(_text[_pos] == '@' && AtLineStart(_pos) && LooksLikeEntry(_pos)))
        {
            _pos++;
        }
    }

    /// <summary>"@word{" or "@word(": what an entry's start looks like (an e-mail address or "@Internet" in a value does not).</summary>
    private bool LooksLikeEntry(int index)
    {
        var i = index + 1;
        while (i < _text.Length && IsIdentifierChar(_text[i]))
        {
            i++;
        }

        while (i < _text.Length && _text[i] is ' ' or '\t')
        {
            i++;
        }

        return i > index + 1 && i < _text.Length && _text[i] is '{' or '(';
    }

    private bool InLineComment(int index)
    {
        for (var i = index - 1; i >= 0 && _text[i] != '\n'; i--)
        {
            if (_text[i] == '%' && (i == 0 || _text[i - 1] != '\\'))
            {
                return true;
            }
        }

        return false;
    }

    private bool AtLineStart(int index)
    {
        for (var i = index - 1; i >= 0 && _text[i] != '\n'; i--)
        {
            if (!char.IsWhiteSpace(_text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (Peek() != c)
        {
            throw Expected($"'{c}'", _pos);
        }

        _pos++;
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Peek() => AtEnd ? '\0' : _text[_pos];

    private SyntaxError Expected(string what, int at)
    {
        var found = at >= _text.Length ? "the end of the file" : $"'{_text[at]}'";
        return new SyntaxError($"expected {what}, found {found}", at);
    }

    private (int Line, int Column) Where(int index)
    {
        var line = Array.BinarySearch(_lineStarts, index);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return (line + 1, index - _lineStarts[line] + 1);
    }

    /// <summary>Unwinds one broken entry; caught in <see cref="Run"/> and turned into a problem.</summary>
    private sealed class SyntaxError(string message, int position, string? keptEntry = null) : Exception(message)
    {
        public int Position { get; } = position;

        /// <summary>The key of the entry kept with the fields read before the error, if any.</summary>
        public string? KeptEntry { get; } = keptEntry;

        public SyntaxError Keeping(string key) => new(Message, Position, key);
    }
}
