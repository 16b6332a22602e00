using System.Collections.Immutable;
using System.Text;

namespace ProfileSite.Content.Bibtex;

/// <summary>A person's name as BibTeX splits it: given names and the rest (von part, last name, Jr).</summary>
/// <param name="Given">Given names, e.g. <c>Zhi-Qin John</c>; empty for a single-word name.</param>
/// <param name="Family">Family name with any von part and suffix, e.g. <c>van der Berg</c> or <c>King, Jr.</c>.</param>
public sealed record PersonName(string Given, string Family)
{
    /// <summary>The name as people write it: <c>Zhi-Qin John Xu</c>.</summary>
    public string Display => Given.Length == 0 ? Family : $"{Given} {Family}";
}

/// <summary>The names of an <c>author</c> or <c>editor</c> field.</summary>
/// <param name="Names">Each person, decoded to Unicode.</param>
/// <param name="EtAl">True when the list ends with <c>and others</c>.</param>
public sealed record PersonList(ImmutableArray<PersonName> Names, bool EtAl);

/// <summary>Splits BibTeX name lists: <c>Last, First and First Last and others</c>, braces protecting "and" and commas.</summary>
public static class BibtexNames
{
    /// <summary>Parses the raw (LaTeX) value of a name field.</summary>
    public static PersonList Parse(string raw)
    {
        var names = ImmutableArray.CreateBuilder<PersonName>();
        var etAl = false;
        foreach (var part in SplitTopLevel(raw, IsAndAt))
        {
            var written = part.Trim();
            if (written.Length == 0)
            {
                continue;
            }

            if (written.Equals("others", StringComparison.OrdinalIgnoreCase))
            {
                etAl = true;
                continue;
            }

            names.Add(ParseOne(written));
        }

        return new PersonList(names.ToImmutable(), etAl);
    }

    /// <summary>Splits one display name ("Zhi-Qin John Xu") into given and family names for BibTeX and CSL.</summary>
    public static PersonName Split(string display)
    {
        var name = display.Trim();
        if (name.Contains(',', StringComparison.Ordinal))
        {
            var comma = name.IndexOf(',', StringComparison.Ordinal);
            return new PersonName(name[(comma + 1)..].Trim(), name[..comma].Trim());
        }

        return FromWords(name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static PersonName ParseOne(string written)
    {
        var parts = SplitTopLevel(written, (s, i) => s[i] == ',' ? 1 : 0).Select(p => LatexText.ToUnicode(p)).ToArray();
        return parts.Length switch
        {
            // "von Last, First" and "von Last, Jr, First"
            2 => new PersonName(parts[1], parts[0]),
            >= 3 => new PersonName(parts[2], $"{parts[0]}, {parts[1]}"),
            // "First von Last": a braced group ({Barnes and Noble}) stays one word.
            _ => SplitWords(written),
        };
    }

    private static PersonName SplitWords(string written)
    {
        var words = SplitTopLevel(written, (s, i) => char.IsWhiteSpace(s[i]) ? 1 : 0)
            .Where(w => w.Length > 0).Select(LatexText.ToUnicode).ToArray();
        return FromWords(words);
    }

    private static PersonName FromWords(string[] words)
    {
        if (words.Length <= 1)
        {
            return new PersonName("", words.Length == 0 ? "" : words[0]);
        }

        // A lower-case word before the last one starts a von part: "Ludwig van Beethoven".
        var familyStart = words.Length - 1;
        while (familyStart > 1 && words[familyStart - 1].Length > 0 && char.IsLower(words[familyStart - 1][0]))
        {
            familyStart--;
        }

        return new PersonName(string.Join(' ', words[..familyStart]), string.Join(' ', words[familyStart..]));
    }

    /// <summary>" and " (any case, any spacing) outside braces: returns the separator's length, or 0.</summary>
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

        if (j + 3 < s.Length && string.Compare(s, j, "and", 0, 3, StringComparison.OrdinalIgnoreCase) == 0 && char.IsWhiteSpace(s[j + 3]))
        {
            return j + 4 - i;
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
