using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ProfileSite.Import.Model;
using ProfileSite.Import.Text;

namespace ProfileSite.Import.AcadHomepage;

/// <summary>
/// <c>profile.yaml</c> and <c>site.yaml</c> from <c>_config.yml</c>: the <c>author:</c> block's name,
/// avatar, bio, location, employer, email and links (each turned into the id form of
/// <see cref="ProfileLinkKinds"/> where one exists); the template's placeholders dropped with a note.
/// </summary>
internal static partial class ProfileReader
{
    /// <summary>The template repository: its gs_data belongs to the template's author, not to the owner.</summary>
    public const string TemplateRepository = "RayeRen/acad-homepage.github.io";

    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "name", "avatar", "bio", "location", "employer", "email", "uri", "home", "blog_icon", "pubmed_icon",
    };

    public static ProfileDraft Profile(JekyllConfig config, Resources resources, ImportNotes notes)
    {
        var values = config.AuthorValues().ToDictionary(v => v.Key, v => v, StringComparer.Ordinal);
        string? Get(string key) => values.TryGetValue(key, out var v) && !IsPlaceholder(v.Value) ? v.Value : null;
        SourceLine At(string key) => new(JekyllConfig.File, values.TryGetValue(key, out var v) ? v.Line : 0);

        var (name, aliases) = SplitName(Get("name") ?? "", At("name"), notes);
        if (name.Length == 0)
        {
            name = config.Site("title") ?? "Your Name";
            notes.Guessed(At("name"), $"no author name in _config.yml: using \"{name}\"");
        }

        string? avatar = null;
        if (Get("avatar") is { } avatarPath)
        {
            if (avatarPath.StartsWith('/'))
            {
                notes.Warning(At("avatar"), $"avatar '{avatarPath}' has a leading slash: becomes {avatarPath.TrimStart('/')}");
            }

            avatar = resources.Image(avatarPath, At("avatar"), "avatar");
        }

        string? email = Get("email");
        if (email is not null && !Regex.IsMatch(email, @"^[^@\s]+@[^@\s]+\.[^@\s]+$"))
        {
            notes.Dropped(At("email"), $"email '{email}' is not an address: omitted");
            email = null;
        }

        var links = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value, line) in config.AuthorValues())
        {
            if (Ignored.Contains(key))
            {
                continue;
            }

            var at = new SourceLine(JekyllConfig.File, line);
            if (IsPlaceholder(value) || value.Contains("SCHOLAR_ID", StringComparison.Ordinal) && ScholarId(value) is null)
            {
                notes.Dropped(at, $"'{key}' is the template placeholder '{value}': omitted");
                continue;
            }

            if (Link(key, value, at, notes) is var (kind, id) && !links.ContainsKey(kind))
            {
                links[kind] = id;
            }
        }

        return new ProfileDraft
        {
            Name = name,
            Aliases = aliases,
            Avatar = avatar,
            Bio = Get("bio") is { } bio ? PlainLine(bio) : null,
            Location = Get("location") is { } location ? PlainLine(location) : null,
            Employer = Get("employer") is { } employer ? PlainLine(employer) : null,
            Email = email,
            Links = links.ToImmutable(),
        };
    }

    /// <summary>"Jiaming Zhou &lt;br&gt; (周嘉明)" -> name and alias; "陈思远(Siyuan Chen)" likewise; "A &amp; B" -> both as aliases.</summary>
    public static (string Name, ImmutableArray<string> Aliases) SplitName(string written, SourceLine at, ImportNotes notes)
    {
        var text = HtmlToMarkdown.Collapse(Regex.Replace(written, "<[^>]+>", " ")).Trim();
        var aliases = new List<string>();
        var m = Parenthesised().Match(text);
        if (m.Success)
        {
            text = (text[..m.Index] + text[(m.Index + m.Length)..]).Trim();
            aliases.Add(m.Groups["alias"].Value.Trim());
        }
        else if (TwoScripts().Match(text) is { Success: true } two)
        {
            // "Liwei Deng 邓力玮", "林彬 Bin Lin": the name in two scripts without parentheses; the first is the name.
            text = two.Groups["first"].Value.Trim();
            aliases.Add(two.Groups["second"].Value.Trim());
        }

        var parts = text.Split([" & ", " and ", "＆", "、"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1)
        {
            aliases.AddRange(parts);
        }

        foreach (var alias in aliases)
        {
            notes.Guessed(at, $"alias '{alias}' from the config name \"{written.Trim()}\"");
        }

        return (text, [.. aliases.Distinct()]);
    }

    private static (string Kind, string Id)? Link(string key, string value, SourceLine at, ImportNotes notes)
    {
        var v = value.Trim();
        var k = key.ToLowerInvariant();
        (string, string)? result = k switch
        {
            "googlescholar" or "google_scholar" or "scholar" => ScholarId(v) is { } scholar ? ("google_scholar", scholar) : null,
            "github" => ("github", After(v, "github.com/")),
            "orcid" => ("orcid", After(v, "orcid.org/")),
            "dblp" => ("dblp", Regex.Replace(After(v, "dblp.org/pid/").Replace("dblp.uni-trier.de/pid/", "", StringComparison.Ordinal), @"\.html$", "")),
            "twitter" or "x" => ("x", After(After(v, "twitter.com/"), "x.com/").TrimStart('@')),
            "linkedin" => ("linkedin", After(v, "linkedin.com/in/")),
            "researchgate" => ("researchgate", After(v, "researchgate.net/profile/")),
            "semantic" or "semanticscholar" or "semantic_scholar" => ("semantic_scholar", After(v, "semanticscholar.org/author/")),
            "openreview" => ("openreview", v.Contains("id=", StringComparison.Ordinal) ? v[(v.IndexOf("id=", StringComparison.Ordinal) + 3)..] : v),
            "bluesky" => ("bluesky", After(v, "bsky.app/profile/")),
            "mastodon" => ("mastodon", v),
            "blog" or "website" or "homepage" or "personal_website" or "uri" => ("website", v),
            "cv" or "resume" => ("cv", v),
            _ => null,
        };
        if (result is not var (kind, id) || id.Length == 0)
        {
            notes.Dropped(at, $"config key '{key}' ({value}) has no ProfileSite link kind");
            return null;
        }

        id = id.Trim().TrimEnd('/');
        if (ProfileLinkKinds.All[kind].ToUrl(id) is null)
        {
            notes.Dropped(at, $"'{key}' value '{value}' is neither a URL nor a {kind} id: omitted");
            return null;
        }

        if (k is "blog")
        {
            notes.Guessed(at, $"config key 'blog' becomes the 'website' link");
        }

        return (kind, id);
    }

    /// <summary>The last real <c>user=</c> id in a Scholar URL (placeholders skipped), or a bare id.</summary>
    public static string? ScholarId(string value)
    {
        string? id = null;
        foreach (Match m in ScholarUser().Matches(value))
        {
            if (!IsPlaceholder(m.Groups["id"].Value) && m.Groups["id"].Value != "SCHOLAR_ID")
            {
                id = m.Groups["id"].Value;
            }
        }

        if (id is null && Regex.IsMatch(value, @"^[\w-]{12}$") && !IsPlaceholder(value))
        {
            id = value;
        }

        return id;
    }

    private static string After(string value, string marker)
    {
        var i = value.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        var id = i >= 0 ? value[(i + marker.Length)..] : value;
        var cut = id.IndexOfAny(['?', '#']);
        return (cut >= 0 ? id[..cut] : id).Trim('/');
    }

    public static bool IsPlaceholder(string value) =>
        value.Length == 0 || Placeholder().IsMatch(value);

    private static string PlainLine(string text) =>
        HtmlToMarkdown.Collapse(Regex.Replace(Regex.Replace(text, @"\s*<br\s*/?>\s*", ", ", RegexOptions.IgnoreCase), "<[^>]+>", "")).Trim().Trim(',').Trim();

    [GeneratedRegex(@"\s*[(（](?<alias>[^()（）]{1,40})[)）]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"^(?:(?<first>[A-Za-z][A-Za-z.'\- ]+?)\s+(?<second>[\p{IsCJKUnifiedIdeographs}·]{2,8})|(?<first>[\p{IsCJKUnifiedIdeographs}·]{2,8})\s*(?<second>[A-Za-z][A-Za-z.'\- ]+))$", RegexOptions.CultureInvariant)]
    private static partial Regex TwoScripts();

    [GeneratedRegex(@"[?&]user=(?<id>[\w-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex ScholarUser();

    [GeneratedRegex(@"YOUR_|yourprofile|your[-_ ]?(name|id|user)|xxxx|lorem ipsum|^e\.g\.|username$|example\.com/your", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
