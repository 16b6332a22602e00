using System.Collections.Immutable;
using System.Text;

namespace ProfileSite.Content.Bibtex;

/// <summary>
/// A person's name in BibTeX's four parts, decoded to Unicode: <c>First von Last, Jr</c>
/// (Patashnik, "Designing BibTeX styles", §4; the same split as pybtex's <c>Person</c>).
/// </summary>
/// <param name="First">Given names, <c>Zhi-Qin John</c>; empty for a one-word name.</param>
/// <param name="Von">Lower-case particles before the last name, <c>van der</c>; usually empty.</param>
/// <param name="Last">The last name, <c>Xu</c>, <c>De Witt</c>, <c>Ruiz García</c>.</param>
/// <param name="Jr">A suffix, <c>Jr.</c>, <c>III</c>; usually empty.</param>
public sealed record PersonName(string First, string Von, string Last, string Jr)
{
    /// <summary>A name from given and family names only (no particle, no suffix).</summary>
    public PersonName(string given, string family)
        : this(given, "", family, "")
    {
    }

    /// <summary>True when the whole name was one braced group (<c>{Acme Consortium}</c>): an organisation, never split.</summary>
    public bool IsLiteral { get; init; }

    /// <summary>Given names (CSL <c>given</c>).</summary>
    public string Given => First;

    /// <summary>The particle and last name, as a family name to sort and cite by: <c>van Beethoven</c>.</summary>
    public string Family => Von.Length == 0 ? Last : $"{Von} {Last}";

    /// <summary>The name as people write it: <c>Zhi-Qin John Xu</c>, <c>Ludwig van Beethoven</c>, <c>Martin Luther King, Jr.</c>.</summary>
    public string Display
    {
        get
        {
            var name = string.Join(' ', new[] { First, Von, Last }.Where(p => p.Length > 0));
            return Jr.Length == 0 ? name : $"{name}, {Jr}";
        }
    }
}

/// <summary>The names of an <c>author</c>, <c>editor</c> or <c>translator</c> field.</summary>
/// <param name="Names">Each person, decoded to Unicode.</param>
/// <param name="EtAl">True when the list ends with <c>and others</c>.</param>
public sealed record PersonList(ImmutableArray<PersonName> Names, bool EtAl)
{
    /// <summary>
    /// Names read otherwise than BibTeX would, each with the name as written and why: a list of
    /// names separated by commas, a name that is only punctuation. Empty when none was repaired.
    /// </summary>
    public ImmutableArray<NameRepair> Repairs { get; init; } = [];
}

/// <summary>One name read otherwise than BibTeX reads it.</summary>
/// <param name="Written">The name as written in the field (LaTeX source), to find it by.</param>
/// <param name="Message">What was read instead, for the owner's warning.</param>
public sealed record NameRepair(string Written, string Message);

/// <summary>
/// Splits BibTeX name lists as BibTeX does (Patashnik §4, pybtex's <c>Person</c>): names are
/// separated by <c>and</c> (any case) outside braces; a name has the form <c>First von Last</c>,
/// <c>von Last, First</c> or <c>von Last, Jr, First</c>; the von part is the words that start
/// with a lower-case letter (a word whose first letter is inside braces has no case, and a
/// special character <c>{\'E}</c> has the case of its letter); the last word before the first
/// comma is always part of the last name; braces make a group one word (<c>{Barnes and Noble}</c>).
/// </summary>
public static class BibtexNames
{
    /// <summary>Parses the raw (LaTeX) value of a name field.</summary>
    public static PersonList Parse(string raw)
    {
        var names = ImmutableArray.CreateBuilder<PersonName>();
        var repairs = ImmutableArray.CreateBuilder<NameRepair>();
        var etAl = false;
        foreach (var part in SplitTopLevel(raw, IsAndAt))
        {
            var written = part.Trim();
            if (written.Length == 0)
            {
                continue;
            }

            if (IsOthers(written))
            {
                etAl = true;
                continue;
            }

            if (CommaSeparatedList(written) is { } list)
            {
                names.AddRange(list.Select(n => ParseOne(n, decode: true)));
                repairs.Add(new NameRepair(written,
                    $"name \"{written}\" is {list.Count} names separated by commas, not one (BibTeX's forms are \"First von Last\", \"von Last, First\" and \"von Last, Jr, First\"); each is read as a name"));
                continue;
            }

            var name = ParseOne(written, decode: true);
            if (IsPunctuation(name.Family))
            {
                // NASA ADS writes names its records lack as punctuation: "{.}, S.~N. Agbo" for a
                // name whose family part is missing, "{}, . . ." for authors left out.
                if (IsPunctuation(name.First) && IsPunctuation(name.Jr))
                {
                    etAl = true;
                    repairs.Add(new NameRepair(written, $"name \"{written}\" has no letters; read as \"and others\""));
                    continue;
                }

                var rest = string.Join(' ', new[] { name.First, name.Jr }.Where(p => !IsPunctuation(p)));
                name = ParseOne(rest, decode: false);
                repairs.Add(new NameRepair(written, $"name \"{written}\" has a family part without letters; read as \"{name.Display}\""));
            }

            names.Add(name);
        }

        return new PersonList(names.ToImmutable(), etAl) { Repairs = repairs.ToImmutable() };
    }

    /// <summary>True when the text has no letter or digit: empty, <c>.</c>, <c>. . .</c>, <c>…</c>.</summary>
    private static bool IsPunctuation(string text) => !text.Any(char.IsLetterOrDigit);

    /// <summary>
    /// The names of a list written with commas instead of <c>and</c> ("Jie Feng, Tianhui Liu, Yuwei
    /// Du, and Yong Li", as people edit Semantic Scholar's and Google Scholar's entries), or null.
    /// BibTeX allows two commas in a name (<c>von Last, Jr, First</c>, Patashnik §4) and reads more
    /// as "too many commas"; a middle part of several capitalised words is no "Jr" either. Each part
    /// must then be a whole name of two or more words, so "Smith, John, Jr." stays one name.
    /// </summary>
    private static List<string>? CommaSeparatedList(string written)
    {
        var parts = SplitTopLevel(written, (s, i) => s[i] == ',' ? 1 : 0).Select(p => p.Trim()).ToList();
        if (parts.Count < 3 || parts.Any(p => p.Contains('=', StringComparison.Ordinal)))
        {
            return null;
        }

        var named = parts.Where(p => p.Length > 0).ToList();
        var middle = Words(parts[1]);
        var jrLike = middle.Count == 1 || middle.Any(w => w.Length > 0 && !char.IsUpper(w[0]));
        if (parts.Count == 3 && jrLike)
        {
            return null;
        }

        return named.Count >= 2 && named.All(p => Words(p).Count >= 2) ? named : null;
    }

    /// <summary>
    /// <c>others</c> (BibTeX's "and others", Patashnik §4), and what exporters write for it: NASA ADS
    /// ends a shortened list with <c>and et al.</c>, and people brace it (<c>and {others}</c>),
    /// which BibTeX would print as a person named "others".
    /// </summary>
    private static bool IsOthers(string written)
    {
        var text = written.Length > 1 && written[0] == '{' && written[^1] == '}' ? written[1..^1].Trim() : written;
        text = text.Replace('~', ' ').TrimEnd('.').Trim();
        return text.Equals("others", StringComparison.OrdinalIgnoreCase)
            || text.Equals("et al", StringComparison.OrdinalIgnoreCase)
            || text.Equals("et. al", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Splits one name as written in plain text (<c>Zhi-Qin John Xu</c>, <c>Beethoven, Ludwig van</c>) by the same rules.</summary>
    public static PersonName Split(string display) => ParseOne(display.Trim(), decode: false);

    /// <summary>The name in BibTeX's <c>von Last, Jr, First</c> form, which every style reads back unambiguously.</summary>
    public static string ToBibtex(PersonName name, Func<string, string> escape)
    {
        if (name.IsLiteral)
        {
            return "{" + escape(name.Last) + "}";
        }

        // A last name of several words that would read back as von + last ("van der Waals" written
        // as one last name), or one that starts lower-case, keeps its braces.
        var last = escape(name.Last);
        var protect = name.Last.Split(' ').Length > 1 && name.Last.Split(' ').Any(w => w.Length > 0 && char.IsLower(w[0]))
            || (name.Last.Length > 0 && char.IsLower(name.Last[0]));
        var family = (name.Von.Length > 0 ? escape(name.Von) + " " : "") + (protect ? "{" + last + "}" : last);
        var parts = new List<string> { family };
        if (name.Jr.Length > 0)
        {
            parts.Add(escape(name.Jr));
        }

        if (name.First.Length > 0 || name.Jr.Length > 0)
        {
            parts.Add(escape(name.First));
        }

        return string.Join(", ", parts);
    }

    private static PersonName ParseOne(string written, bool decode)
    {
        string Text(IEnumerable<string> words) => decode
            ? LatexText.ToUnicode(string.Join(' ', words))
            : string.Join(' ', words);

        var commaParts = SplitTopLevel(written, (s, i) => s[i] == ',' ? 1 : 0).Select(p => p.Trim()).ToList();
        if (ExtendedName(commaParts, Text) is { } extended)
        {
            return extended;
        }

        if (commaParts.Count > 3)
        {
            // BibTeX: "too many commas"; pybtex joins the rest into the first names.
            commaParts = [commaParts[0], commaParts[1], string.Join(", ", commaParts.Skip(2))];
        }

        List<string> first, von, last, jr = [];
        switch (commaParts.Count)
        {
            case 1:
                var words = Words(commaParts[0]);
                var firstVon = words.FindIndex(IsVon);
                var firstMiddle = firstVon < 0 ? words : words[..firstVon];
                var vonLast = firstVon < 0 ? [] : words[firstVon..];
                if (vonLast.Count == 0 && firstMiddle.Count > 0)
                {
                    vonLast = [firstMiddle[^1]];
                    firstMiddle = firstMiddle[..^1];
                }

                first = firstMiddle;
                (von, last) = VonLast(vonLast);
                break;
            case 2:
                (von, last) = VonLast(Words(commaParts[0]));
                first = Words(commaParts[1]);
                break;
            default:
                (von, last) = VonLast(Words(commaParts[0]));
                jr = Words(commaParts[1]);
                first = Words(commaParts[2]);
                break;
        }

        var literal = commaParts.Count == 1 && first.Count == 0 && von.Count == 0 && last.Count == 1
            && last[0].StartsWith('{') && last[0].EndsWith('}') && !last[0].StartsWith("{\\", StringComparison.Ordinal)
            && Balanced(last[0]);
        return new PersonName(Text(first), Text(von), Text(last), Text(jr)) { IsLiteral = literal };
    }

    /// <summary>
    /// biber's extended name format (biblatex manual §3.4, Better BibLaTeX writes it):
    /// <c>family=Beethoven, given=Ludwig, prefix=van, useprefix=true</c>; null when the name is not in it.
    /// </summary>
    private static PersonName? ExtendedName(List<string> parts, Func<IEnumerable<string>, string> text)
    {
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts)
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals > 0 ? part[..equals].Trim() : "";
            if (key is not ("family" or "given" or "prefix" or "suffix" or "useprefix" or "given-i" or "family-i"))
            {
                return null;
            }

            var value = part[(equals + 1)..].Trim();
            if (value.StartsWith('{') && value.EndsWith('}') && Balanced(value))
            {
                value = value[1..^1];
            }

            keys[key] = value;
        }

        if (!keys.TryGetValue("family", out var family))
        {
            return null;
        }

        string Get(string key) => keys.TryGetValue(key, out var v) ? text([v]) : "";
        return new PersonName(Get("given"), Get("prefix"), text([family]), Get("suffix"));
    }

    /// <summary>The last word is always the last name; before it, everything up to the last von word is von.</summary>
    private static (List<string> Von, List<string> Last) VonLast(List<string> words)
    {
        if (words.Count == 0)
        {
            return ([], []);
        }

        var candidates = words[..^1];
        var lastVon = candidates.FindLastIndex(IsVon);
        return lastVon < 0 ? ([], words) : (candidates[..(lastVon + 1)], words[(lastVon + 1)..]);
    }

    /// <summary>A word is von when its first letter at brace level 0 is lower-case, or it starts with a lower-case special character.</summary>
    private static bool IsVon(string word)
    {
        var depth = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == '{')
            {
                // {\'e}cole: a special character at level 1 has the case of its letter.
                if (depth == 0 && i + 1 < word.Length && word[i + 1] == '\\')
                {
                    var decoded = LatexText.ToUnicode(SpecialCharacter(word, i));
                    var letter = decoded.FirstOrDefault(char.IsLetter);
                    return letter != default && char.IsLower(letter);
                }

                depth++;
            }
            else if (c == '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && c == '\\' && i + 1 < word.Length)
            {
                // \'ecole at level 0: the command's letter decides; skip the command name.
                var decoded = LatexText.ToUnicode(word[i..]);
                var letter = decoded.FirstOrDefault(char.IsLetter);
                return letter != default && char.IsLower(letter);
            }
            else if (depth == 0 && char.IsLetter(c))
            {
                return char.IsLower(c);
            }
        }

        return false;
    }

    private static string SpecialCharacter(string word, int open)
    {
        var depth = 0;
        for (var j = open; j < word.Length; j++)
        {
            if (word[j] == '{')
            {
                depth++;
            }
            else if (word[j] == '}' && --depth == 0)
            {
                return word[open..(j + 1)];
            }
        }

        return word[open..];
    }

    private static bool Balanced(string word)
    {
        // "{A} {B}" starts and ends with braces but is two groups; one group closes only at the end.
        var depth = 0;
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] == '{')
            {
                depth++;
            }
            else if (word[i] == '}' && --depth == 0 && i < word.Length - 1)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Words separated by white space or <c>~</c> outside braces.</summary>
    private static List<string> Words(string text) =>
        SplitTopLevel(text, (s, i) => char.IsWhiteSpace(s[i]) || (s[i] == '~' && (i == 0 || s[i - 1] != '\\')) ? 1 : 0)
            .Select(w => w.Trim()).Where(w => w.Length > 0).ToList();

    /// <summary>
    /// " and " (any case, any spacing) outside braces: returns the separator's length, or 0. The
    /// space after "and" is left to the next separator, so "A and and B" is A, an empty name
    /// (dropped) and B; an "and" that ends the list separates nothing (as pybtex reads it).
    /// </summary>
    private static int IsAndAt(string s, int i)
    {
        if (!char.IsWhiteSpace(s[i]))
        {
            return 0;
        }

        var j = i;
        while (j < s.Length && char.IsWhiteSpace(s[j]))
        {
            j++;
        }

        if (j + 3 <= s.Length && string.Compare(s, j, "and", 0, 3, StringComparison.OrdinalIgnoreCase) == 0
            && (j + 3 == s.Length || char.IsWhiteSpace(s[j + 3])))
        {
            return j + 3 - i;
        }

        return 0;
    }

    private static List<string> SplitTopLevel(string s, Func<string, int, int> separatorAt)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\' && i + 1 < s.Length)
            {
                current.Append(c).Append(s[++i]);
                continue;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && separatorAt(s, i) is > 0 and var length)
            {
                parts.Add(current.ToString());
                current.Clear();
                i += length - 1;
                continue;
            }

            current.Append(c);
        }

        parts.Add(current.ToString());
        return parts;
    }
}
