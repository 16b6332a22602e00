using System.Text.RegularExpressions;

namespace ProfileSite.Content.Loading;

/// <summary>
/// Markdown or HTML in an author name, as owners write it in other templates
/// (<c>"**Alex Doe**"</c>, <c>"&lt;b&gt;Kim Lee&lt;/b&gt;"</c>, <c>Doe&lt;sup&gt;*&lt;/sup&gt;</c>,
/// <c>[Sam Roe](https://...)</c>). Author names are shown as text and sent as they are in
/// citation tags (<c>citation_author</c>), BibTeX and CSL-JSON, so markup there is never right:
/// <list type="bullet">
/// <item>Bold around the whole name of the owner (profile name or an alias) is what the site does
/// anyway: taken off, with a warning.</item>
/// <item>Bold around anyone else's name is an error: only the owner is bolded, and an owner bolding
/// an old spelling of their name needs it in <c>aliases</c>, or the bold would be lost silently.</item>
/// <item>Anything else (italics, links, tags, entities, code, a mark before the name) is an error
/// that says how marks work: its meaning cannot be kept by taking it off.</item>
/// </list>
/// </summary>
internal static partial class AuthorMarkup
{
    /// <summary>What to do with one written author name.</summary>
    /// <param name="Name">The name to use (marks kept), or null when the name is refused.</param>
    /// <param name="Message">The warning (when <paramref name="Name"/> is set) or error, or null when the name is plain.</param>
    public readonly record struct Verdict(string? Name, string? Message);

    private const string Marks = "'*' after a name marks equal contribution and '†' the corresponding author, and the owner's name (profile 'name' or 'aliases') is bolded automatically";

    /// <summary>Checks one author as written in front matter; <paramref name="isOwner"/> recognises the owner's name.</summary>
    public static Verdict Check(string written, Func<string, bool> isOwner)
    {
        var text = written.Trim();
        if (UnwrapBold(text) is var (inner, marker))
        {
            if (Problem(inner) is null)
            {
                var name = inner.TrimEnd('*', '†', ' ');
                return isOwner(name)
                    ? new Verdict(inner, $"author '{text}' is bolded by hand ({marker}); the owner's name is bolded automatically, so the markup is left out")
                    : new Verdict(null, $"author '{text}' is bolded by hand ({marker}): only the owner's name is bolded, automatically; "
                        + $"if '{name}' is you, add it to 'aliases' in profile.yaml, and write the name without {marker}");
            }
        }

        return Problem(text) is { } what
            ? new Verdict(null, $"author '{text}' contains {what}; write the plain name: {Marks}")
            : new Verdict(text, null);
    }

    /// <summary>The text inside bold that wraps the whole name (marks may follow the closing tag), and the bold as written.</summary>
    private static (string Inner, string Marker)? UnwrapBold(string text)
    {
        foreach (var (open, close) in BoldPairs)
        {
            if (!text.StartsWith(open, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // The first closer after which only marks are left: "**Alex Doe**†" and "**Alex Doe†**" alike.
            for (var at = text.IndexOf(close, open.Length, StringComparison.OrdinalIgnoreCase); at > open.Length;
                 at = text.IndexOf(close, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var after = text[(at + close.Length)..];
                if (after.All(c => c is '*' or '†' or ' '))
                {
                    return (text[open.Length..at].Trim() + after.Replace(" ", "", StringComparison.Ordinal), $"'{open}'");
                }
            }
        }

        return null;
    }

    private static readonly (string Open, string Close)[] BoldPairs = [("**", "**"), ("__", "__"), ("<b>", "</b>"), ("<strong>", "</strong>")];

    /// <summary>What markup <paramref name="text"/> holds (for a message), or null for a plain name with marks at its end.</summary>
    private static string? Problem(string text)
    {
        var name = text.TrimEnd('*', '†', ' ');
        if (Link().Match(name) is { Success: true })
        {
            return "a Markdown link (put the homepage in coauthors.yaml instead: it links the name in every author list)";
        }

        if (Tag().Match(name) is { Success: true } tag)
        {
            return $"an HTML tag ('{tag.Value}')";
        }

        if (Entity().Match(name) is { Success: true } entity)
        {
            return $"an HTML entity ('{entity.Value}'): write the character itself";
        }

        if (name.Contains('`', StringComparison.Ordinal))
        {
            return "Markdown code ('`')";
        }

        if (name.Contains('*', StringComparison.Ordinal))
        {
            return name.StartsWith('*') && !name.EndsWith('*') ? "'*' before the name (the mark goes after it)" : "Markdown emphasis ('*')";
        }

        if (name.Contains('†', StringComparison.Ordinal))
        {
            return "'†' before or inside the name (the mark goes after it)";
        }

        if (Underscore().Match(name) is { Success: true })
        {
            return "Markdown emphasis ('_')";
        }

        if (name.Contains("~~", StringComparison.Ordinal) || name.Contains('^', StringComparison.Ordinal))
        {
            return "Markdown markup ('~~' or '^')";
        }

        return name.Contains('\\', StringComparison.Ordinal) ? "a backslash (a LaTeX command? write accented letters as themselves, like Müller)" : null;
    }

    [GeneratedRegex(@"\[[^\]]*\]\s*\(")]
    private static partial Regex Link();

    [GeneratedRegex(@"</?[A-Za-z][^<>]*>?|<!--")]
    private static partial Regex Tag();

    [GeneratedRegex(@"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")]
    private static partial Regex Entity();

    [GeneratedRegex(@"(?:^|\s)_|_(?:$|\s)")]
    private static partial Regex Underscore();
}
