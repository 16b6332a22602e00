using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ProfileSite.Content.Text;
using ProfileSite.Import.Model;
using ProfileSite.Import.Text;
using YamlDotNet.RepresentationModel;

namespace ProfileSite.Import.AcadHomepage;

/// <summary>
/// Reads a local clone of an AcadHomepage site (the Jekyll template <c>RayeRen/acad-homepage.github.io</c>
/// and its forks): <c>_config.yml</c>, <c>_data/navigation.yml</c>, the About page
/// (<c>_pages/about.md</c> with its <c>include_relative</c> pieces) and the images they name.
/// </summary>
public sealed partial class AcadHomepageReader : ISiteReader
{
    public string Name => "acadhomepage";

    public string? Refusal(string source)
    {
        if (!Directory.Exists(source))
        {
            return $"{source}: no such folder";
        }

        if (!File.Exists(Path.Combine(source, JekyllConfig.File)))
        {
            return $"{source} is not an AcadHomepage site: it has no _config.yml";
        }

        return AboutPage(source) is null ? $"{source} is not an AcadHomepage site: it has no _pages/about.md (or another page with 'permalink: /')" : null;
    }

    /// <summary>The home page: <c>_pages/about.md</c>, else the page in <c>_pages/</c> whose permalink is <c>/</c>.</summary>
    private static string? AboutPage(string source)
    {
        var pages = Path.Combine(source, "_pages");
        var about = Path.Combine(pages, "about.md");
        if (File.Exists(about))
        {
            return about;
        }

        if (!Directory.Exists(pages))
        {
            return null;
        }

        return Directory.EnumerateFiles(pages, "*.*").Where(p => p.EndsWith(".md", StringComparison.Ordinal) || p.EndsWith(".html", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault(p => Regex.IsMatch(File.ReadAllText(p), @"\A---[\s\S]*?^permalink:\s*['""]?/['""]?\s*$", RegexOptions.Multiline));
    }

    public ImportResult Read(string source)
    {
        var root = Path.GetFullPath(source).TrimEnd(Path.DirectorySeparatorChar);
        var notes = new ImportNotes();
        var config = JekyllConfig.Read(Path.Combine(root, JekyllConfig.File), notes);
        var navigation = Navigation(root);
        var page = PageSource.Read(root, AboutPage(root)!, notes);
        NoteUnreadPages(root, page, notes);
        var dom = PageDom.Parse(page);
        var resources = new Resources(root, notes, dom.LineOf);
        var markdown = new HtmlToMarkdown(resources);
        NoteScripts(dom, notes);

        var profile = ProfileReader.Profile(config, resources, notes);
        var ownerNames = new List<string> { profile.Name };
        ownerNames.AddRange(profile.Aliases);
        bool IsOwner(string name) => ownerNames.Any(o => MatchKey.Name(o) == MatchKey.Name(name) || Names.IsSpellingOf(name, o));

        var parts = dom.Parts(navigation);
        var items = new ItemReader(dom, markdown);
        var papers = new PaperReader(dom, markdown, resources, notes, IsOwner);
        var order = new List<string>();
        var news = new List<NewsDraft>();
        var sections = new List<SectionDraft>();
        var aboutNodes = new List<INode>();
        string? aboutTitle = null;
        var sawNews = false;
        SourceLine? publicationsAt = null;

        foreach (var part in parts.Where(p => p.Kind == PartKind.Publications))
        {
            papers.Learn(part);
        }

        foreach (var part in parts)
        {
            switch (part.Kind)
            {
                case PartKind.About:
                    aboutNodes.AddRange(part.Nodes);
                    if (part.Heading is not null && part.Title.Length > 0)
                    {
                        aboutTitle ??= part.Title;
                    }

                    AddOnce(order, "about-me");
                    break;
                case PartKind.News:
                    sawNews = true;
                    news.AddRange(News(part, items, notes));
                    AddOnce(order, "news");
                    break;
                case PartKind.Publications:
                    publicationsAt ??= part.At;
                    papers.Read(part, PageDom.IsHighlightTitle(part.Title));
                    AddOnce(order, "publications");
                    break;
                default:
                    if (Section(part, items, sections, notes) is { } id)
                    {
                        order.Add(id);
                    }

                    break;
            }
        }

        if (!sawNews)
        {
            notes.Warning(new SourceLine(Relative(root, AboutPage(root)!), 0), "no News section on the page (or only inside a comment): no news.yaml");
        }

        var frontMatterYear = LastModifiedYear(page.FrontMatter);
        var years = papers.All.Select(f => DateText.YearIn(f.Entry.Venue ?? "") ?? DateText.YearIn(f.Badge ?? "") ?? f.HeadingYear).Where(y => y is not null).Select(y => y!.Value).ToList();
        // A paper with no year at all is most likely recent: the page's own date, else the newest paper, else the
        // newest news item; the reason goes into the note so the owner knows what to check.
        var newsYear = news.Count > 0 ? news.Max(n => n.Date.Year) : (int?)null;
        var fallbackYear = frontMatterYear ?? (years.Count > 0 ? years.Max() : newsYear);
        var why = frontMatterYear is not null ? "the page's last_modified_at"
            : years.Count > 0 ? "the newest year among the other papers"
            : newsYear is not null ? "the newest news item"
            : "no year anywhere on the page";
        var siteUrl = SiteUrl(config, notes);
        var (drafts, boxes, entries, merged) = papers.Drafts(siteUrl, fallbackYear, why);
        InferAliases(papers, profile, ownerNames, notes, out var inferred);
        profile = profile with { Aliases = [.. profile.Aliases.Concat(inferred).Distinct()] };

        var aboutMarkdown = About(aboutNodes, markdown, ref aboutTitle);
        if (news.Count == 0)
        {
            order.Remove("news");
        }

        if (drafts.IsEmpty)
        {
            order.Remove("publications");
            if (publicationsAt is { } at)
            {
                notes.Warning(at, "a Publications section was found but no paper could be read from it");
            }
        }

        if (aboutMarkdown is null)
        {
            order.Remove("about-me");
        }

        var site = new SiteDraft
        {
            Title = config.Site("title") is { } title ? HtmlToMarkdown.Collapse(title) : null,
            Description = config.Site("description") is { } description ? HtmlToMarkdown.Collapse(description) : null,
            Url = siteUrl,
            Language = Language(config, parts, aboutMarkdown, notes),
            SectionOrder = [.. order],
            GoogleAnalyticsId = Analytics(config, notes),
            Verification = Verification(config),
            GsDataUrl = GsData(config, profile, notes),
        };

        var content = new ContentDraft
        {
            Site = site,
            Profile = profile,
            About = aboutMarkdown is null ? null : new AboutDraft(aboutTitle, aboutMarkdown),
            News = [.. news],
            Publications = drafts,
            Sections = [.. sections],
            Files = resources.Copies,
        };
        var counts = new ImportCounts
        {
            News = news.Count,
            Papers = drafts.Length,
            PaperBoxes = boxes,
            ListEntries = entries,
            DuplicatesMerged = merged,
            Sections = sections.Count,
            SectionItems = sections.Sum(s => s.Items.Length),
            Files = resources.Copies.Length,
        };
        return new ImportResult(content, counts, notes.All);
    }

    /// <summary>Jekyll folders that hold no page a visitor reads (templates, data, styles, the built site, drafts).</summary>
    private static readonly HashSet<string> NotPages = new(StringComparer.Ordinal)
    {
        "_includes", "_layouts", "_sass", "_data", "_site", "_plugins", "_drafts",
    };

    /// <summary>
    /// Import reads the About page and what it includes; every other page of the site (<c>_pages/cv.md</c>,
    /// <c>_pages/about_zh.md</c>) and every collection (<c>_publications/</c>, <c>_posts/</c>, <c>_talks/</c>:
    /// academicpages and forks that grew pages) is a <c>dropped</c> note, so nothing a visitor saw is lost silently.
    /// </summary>
    private static void NoteUnreadPages(string root, PageSource page, ImportNotes notes)
    {
        var read = page.Origins.Select(o => o.File).ToHashSet(StringComparer.Ordinal);
        var pages = Path.Combine(root, "_pages");
        foreach (var file in Directory.EnumerateFiles(pages, "*", SearchOption.AllDirectories).Where(IsPage).Order(StringComparer.Ordinal))
        {
            var relative = Relative(root, file);
            if (!read.Contains(relative) && !Path.GetFileName(file).StartsWith("404", StringComparison.Ordinal) && !IsIncludePiece(relative))
            {
                notes.Dropped(new SourceLine(relative, 0), "another page of the site; import reads the About page only: put what it shows in content/sections/ or about.md");
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(root, "_*").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (name == "_pages" || NotPages.Contains(name))
            {
                continue;
            }

            var count = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count(IsPage);
            if (count > 0)
            {
                notes.Dropped(new SourceLine(name + "/", 0),
                    $"{count} page(s) of the Jekyll collection {name}/ are not imported (import reads the About page of an AcadHomepage site); "
                    + (name == "_publications" ? "export them as BibTeX into content/publications/ or add one file per paper" : "move what they show by hand"));
            }
        }

        static bool IsPage(string path) =>
            path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".html", StringComparison.OrdinalIgnoreCase);

        // A piece meant for include_relative that the page does not include (commented out, or an old one) is no page of its own.
        static bool IsIncludePiece(string relative) => relative.Split('/') is { Length: > 2 } parts && parts[1] is "includes" or "include";
    }

    private static void AddOnce(List<string> order, string id)
    {
        if (!order.Contains(id))
        {
            order.Add(id);
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static void NoteScripts(PageDom dom, ImportNotes notes)
    {
        foreach (var element in dom.Body.QuerySelectorAll("script, style, link, iframe"))
        {
            var what = element.LocalName switch
            {
                "script" when (element.GetAttribute("src") ?? element.TextContent).Contains("googletagmanager", StringComparison.Ordinal) || element.TextContent.Contains("gtag(", StringComparison.Ordinal)
                    => "inline Google Analytics <script> (set 'analytics' in site.yaml to count visitors)",
                "script" => "<script> block (the page runs no scripts of the old site)",
                "style" => "<style> block (the site's own stylesheet applies)",
                "link" => $"<link> to {element.GetAttribute("href")} (the page loads nothing from other hosts)",
                _ => "<iframe> (the page embeds nothing from other hosts)",
            };
            notes.Dropped(dom.LineOf(element), what);
        }

        if (dom.Body.QuerySelector("i[class*='fa-'], i[class^='fa']") is { } icon)
        {
            notes.Dropped(dom.LineOf(icon), "Font Awesome icons (<i class=\"fa...\">): the page loads no icon font");
        }
    }

    private static IEnumerable<NewsDraft> News(PagePart part, ItemReader items, ImportNotes notes)
    {
        foreach (var item in items.Read(part.Nodes, flattenLabels: false))
        {
            if (item.Date is null)
            {
                notes.Dropped(item.At, item.OnlyImage || item.Text.Length == 0
                    ? "news row without a date that is only an image (a visitor badge): not news"
                    : $"news item without a date: \"{Shorten(item.Text)}\"");
                continue;
            }

            if (item.Date.End is not null || item.Date.Ongoing)
            {
                notes.Warning(item.At, "a news item dated with a range: its start date is used");
            }

            if (item.Text.Length == 0)
            {
                notes.Dropped(item.At, "news item with a date and no text");
                continue;
            }

            yield return new NewsDraft(item.Date.Start, item.Text);
        }
    }

    private static string? Section(PagePart part, ItemReader items, List<SectionDraft> sections, ImportNotes notes)
    {
        if (part.Title.Length == 0)
        {
            if (part.Nodes.Any(n => HtmlToMarkdown.PlainText(n).Length > 0))
            {
                notes.Dropped(part.At, "content under an empty heading (a footer?): no section");
            }

            return null;
        }

        var read = items.Read(part.Nodes, flattenLabels: true);
        var kept = read.Where(i => i.Text.Length > 0 && !i.OnlyImage).ToList();
        if (kept.Count == 0)
        {
            var what = part.Nodes.OfType<IElement>().Any(e => e.LocalName == "script" || e.QuerySelector("script") is not null) ? "only a <script>"
                : "nothing that could be read (a Liquid loop, or empty)";
            notes.Dropped(part.At, $"section '{part.Title}' is {what}: dropped, 0 items");
            return null;
        }

        var id = SectionId(part, sections);
        sections.Add(new SectionDraft(id, part.Title, part.Icon, [.. kept.Select(i => new ItemDraft(i.Date, i.Text))]));
        var undated = kept.Count(i => i.Date is null);
        if (undated > 0 && undated < kept.Count)
        {
            notes.Warning(part.At, $"section '{part.Title}': {undated} of {kept.Count} items have no date");
        }

        return id;
    }

    /// <summary>The heading's slug; for headings with no Latin letters (Chinese), the page's anchor id.</summary>
    private static string SectionId(PagePart part, List<SectionDraft> taken)
    {
        var id = Slug(part.Title);
        if (id.Length == 0 && part.Anchor is { } anchor)
        {
            id = Slug(anchor);
        }

        if (id.Length == 0 || id is "about-me" or "news" or "publications")
        {
            id = id.Length == 0 ? "section" : id + "-section";
        }

        var unique = id;
        for (var n = 2; taken.Any(s => s.Id == unique); n++)
        {
            unique = $"{id}-{n}";
        }

        return unique;
    }

    /// <summary>Longest slug, in characters: ids become file names (<c>sections/NN-id.yaml</c>), and a heading
    /// can be a whole paragraph; 60 keeps a name readable and far below any file system's 255-byte limit.</summary>
    internal const int MaxSlugLength = 60;

    /// <summary>Lower-case ASCII letters, digits and single dashes, as the loader derives ids from file names;
    /// at most <see cref="MaxSlugLength"/> characters, cut at a dash where one is near the limit.</summary>
    internal static string Slug(string text)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in MatchKey.Title(text))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length <= MaxSlugLength)
        {
            return slug;
        }

        var cut = slug.LastIndexOf('-', MaxSlugLength);
        return (cut >= MaxSlugLength / 2 ? slug[..cut] : slug[..MaxSlugLength]).TrimEnd('-');
    }

    private static string? About(List<INode> nodes, HtmlToMarkdown markdown, ref string? title)
    {
        var content = nodes.Where(n => PageDom.AnchorOf(n) is null).ToList();
        // A heading that opens the About text and repeats its title ("## 👋 关于我") is the title, not content.
        var first = content.FirstOrDefault(n => n is IElement || (n is IText t && t.Data.Trim().Length > 0));
        if (first is IElement heading && PageDom.HeadingLevel(heading) > 0)
        {
            var (text, _) = PageDom.HeadingText(heading);
            title ??= text;
            content.Remove(heading);
        }

        var body = markdown.Blocks(content, headingShift: 1);
        return body.Trim().Length == 0 ? null : body;
    }

    private static void InferAliases(PaperReader papers, ProfileDraft profile, List<string> ownerNames, ImportNotes notes, out List<string> inferred)
    {
        inferred = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (author, at) in papers.Emphasized)
        {
            var key = MatchKey.Name(author.Name);
            if (!seen.Add(key) || ownerNames.Any(o => MatchKey.Name(o) == key))
            {
                continue;
            }

            if (ownerNames.Any(o => Names.IsSpellingOf(author.Name, o)))
            {
                inferred.Add(author.Name);
                notes.Guessed(at, $"alias '{author.Name}': the page bolds it where the owner ({profile.Name}) stands");
            }
            else if (ownerNames.Any(o => Names.IsNearMiss(author.Name, o)))
            {
                notes.Warning(at, $"owner-like bold name '{author.Name}' does not match the profile (a typo?): not bolded; add it to 'aliases' if it is you");
            }
            else
            {
                notes.Warning(at, $"bold co-author '{author.Name}' is not the owner: only the owner's names are bolded");
            }
        }

        // Unemphasised spellings that are surely the owner's (K. Asante for Kwame Asante) are aliases too.
        foreach (var found in papers.All)
        {
            foreach (var author in found.Entry.Authors)
            {
                var key = MatchKey.Name(author.Name);
                if (seen.Add(key) && ownerNames.Any(o => Names.IsSpellingOf(author.Name, o)))
                {
                    inferred.Add(author.Name);
                    notes.Guessed(found.At, $"alias '{author.Name}': another spelling of {profile.Name}");
                }
            }
        }
    }

    private static Dictionary<string, string> Navigation(string root)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(root, "_data", "navigation.yml");
        if (!File.Exists(path))
        {
            return titles;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            if (stream.Documents.FirstOrDefault()?.RootNode is YamlMappingNode map && map.Children.TryGetValue("main", out var main) && main is YamlSequenceNode list)
            {
                foreach (var entry in list.OfType<YamlMappingNode>())
                {
                    var title = entry.Children.TryGetValue("title", out var t) ? (t as YamlScalarNode)?.Value : null;
                    var url = entry.Children.TryGetValue("url", out var u) ? (u as YamlScalarNode)?.Value : null;
                    if (title is not null && url is not null && url.Contains('#', StringComparison.Ordinal))
                    {
                        titles.TryAdd(url[(url.IndexOf('#', StringComparison.Ordinal) + 1)..].Trim('-').ToLowerInvariant(), title);
                    }
                }
            }
        }
        catch (YamlDotNet.Core.YamlException)
        {
            // The navigation only names titles; without it the headings name everything.
        }

        return titles;
    }

    private static int? LastModifiedYear(string frontMatter) =>
        LastModified().Match(frontMatter) is { Success: true } m ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;

    private static string? SiteUrl(JekyllConfig config, ImportNotes notes)
    {
        if (config.Site("url") is not { } url || !LinkKind.IsAbsoluteHttpUrl(url))
        {
            return null;
        }

        if (url.Contains("example", StringComparison.OrdinalIgnoreCase) || url.Contains("YOUR", StringComparison.Ordinal) || url.Contains("localhost", StringComparison.Ordinal))
        {
            notes.Dropped(config.LineOf("url"), $"url '{url}' is a placeholder: omitted");
            return null;
        }

        var baseUrl = config.Site("baseurl")?.Trim('/') ?? "";
        return url.TrimEnd('/') + "/" + (baseUrl.Length > 0 ? baseUrl + "/" : "");
    }

    private static string Language(JekyllConfig config, List<PagePart> parts, string? about, ImportNotes notes)
    {
        foreach (var key in new[] { "locale", "lang", "language" })
        {
            if (config.Site(key) is { } tag && Regex.IsMatch(tag, @"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$"))
            {
                return tag.Replace('_', '-');
            }
        }

        var text = string.Join(' ', parts.Select(p => p.Title)) + " " + about;
        var letters = text.Count(char.IsLetter);
        var han = text.Count(c => c is >= '\u4e00' and <= '\u9fff');
        var kana = text.Count(c => c is >= '\u3040' and <= '\u30ff');
        var hangul = text.Count(c => c is >= '\uac00' and <= '\ud7af');
        if (letters > 0 && (han + kana + hangul) * 3 > letters)
        {
            var language = kana > 0 ? "ja" : hangul > han ? "ko" : "zh-CN";
            notes.Guessed(SourceLine.None with { File = JekyllConfig.File }, $"language '{language}': the page is written mostly in it (no 'locale' in _config.yml)");
            return language;
        }

        return "en";
    }

    private static string? Analytics(JekyllConfig config, ImportNotes notes)
    {
        if (config.Site("google_analytics_id") is not { } id)
        {
            return null;
        }

        if (Regex.IsMatch(id, "^G-[A-Z0-9]{4,}$"))
        {
            notes.Guessed(config.LineOf("google_analytics_id"), $"analytics: ga4 with {id} (from google_analytics_id)");
            return id;
        }

        notes.Dropped(config.LineOf("google_analytics_id"), $"google_analytics_id '{id}' is not a GA4 measurement id (G-...): analytics stay off");
        return null;
    }

    private static ImmutableSortedDictionary<string, string> Verification(JekyllConfig config)
    {
        var tokens = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var engine in new[] { "google", "bing", "baidu" })
        {
            if (config.Site(engine + "_site_verification") is { } token && Regex.IsMatch(token, @"^[\w-]{6,}$"))
            {
                tokens[engine] = token;
            }
        }

        return tokens.ToImmutable();
    }

    /// <summary>The gs_data.json the fork's own crawler publishes, only when the repository is surely the owner's.</summary>
    private static string? GsData(JekyllConfig config, ProfileDraft profile, ImportNotes notes)
    {
        if (config.Site("repository") is not { } repository || !Regex.IsMatch(repository, @"^[\w.-]+/[\w.-]+$"))
        {
            return null;
        }

        var at = config.LineOf("repository");
        if (string.Equals(repository, ProfileReader.TemplateRepository, StringComparison.OrdinalIgnoreCase))
        {
            notes.Dropped(at, $"repository is the upstream template {repository}: no gs_data URL is built from it");
            return null;
        }

        var user = repository.Split('/')[0];
        var repo = repository.Split('/')[1];
        var github = profile.Links.GetValueOrDefault("github");
        if (github is null || !string.Equals(user, github, StringComparison.OrdinalIgnoreCase) || !repo.EndsWith(".github.io", StringComparison.OrdinalIgnoreCase))
        {
            notes.Dropped(at, $"repository '{repository}' does not match the github user: no gs_data URL is built from it");
            return null;
        }

        notes.Guessed(at, $"citations come from the fork's crawler output (gs_data.json on its google-scholar-stats branch)");
        return $"https://raw.githubusercontent.com/{repository}/google-scholar-stats/gs_data.json";
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..57] + "..." : text;

    [GeneratedRegex(@"^last_modified_at:\s*['""]?(?<y>(19|20)[0-9][0-9])", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LastModified();
}
