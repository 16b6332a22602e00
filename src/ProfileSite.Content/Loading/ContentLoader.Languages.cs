using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ProfileSite.Content.Markdown;
using ProfileSite.Content.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProfileSite.Content.Loading;

/// <summary>
/// A site in several languages: <c>languages: [en, zh-CN]</c> in site.yaml (the first is the
/// default, served at <c>/</c>), and per further language the owner's translations beside the
/// files they translate (<c>about.zh-CN.md</c>, <c>news.zh-CN.yaml</c>, <c>profile.zh-CN.yaml</c>,
/// <c>site.zh-CN.yaml</c>, <c>sections/20-educations.zh-CN.yaml</c>) and a paper's
/// <c>translations</c> in its front matter. What is not translated falls back to the default
/// language, marked with its <c>lang</c>. An item translated in one file but missing in the other
/// (matched by date) is a warning at its own position.
/// </summary>
public sealed partial class ContentLoader
{
    private ImmutableArray<string> _languages = ["en"];
    private List<(NewsItem Item, Mark Mark, string File)>? _news;
    private readonly Dictionary<string, SectionFile> _sections = new(StringComparer.Ordinal);

    /// <summary>Profile keys a translation may give; the rest (links, e-mail, avatar) are the same in every language.</summary>
    private static readonly string[] ProfileTranslationKeys = ["name", "bio", "location", "employer", "employer_url"];

    /// <summary>site.yaml keys a translation (<c>site.zh-CN.yaml</c>) may give.</summary>
    private static readonly string[] SiteTranslationKeys = ["title", "description", "footer"];

    /// <summary>Files in the content folder that may have translations beside them.</summary>
    private static readonly string[] TranslatableFiles = ["about", "news", "profile", "site"];

    // ---- site.yaml: languages -----------------------------------------------------------

    /// <summary>
    /// <c>languages</c>: the site's languages, default first. <c>language</c> alone is a site of one
    /// language; both may be given when <c>language</c> names the first of <c>languages</c>.
    /// </summary>
    private static ImmutableArray<string> Languages(YamlMap map, ref string language)
    {
        if (!map.Has("languages"))
        {
            return [language];
        }

        var written = map.Strings("languages");
        var languages = new List<string>();
        foreach (var (tag, mark) in written)
        {
            if (!LanguageTag(tag))
            {
                map.File.Error(mark, $"each of 'languages' must be a language tag like 'en' or 'zh-CN', got \"{tag}\"");
            }
            else if (languages.Any(l => l.Equals(tag, StringComparison.OrdinalIgnoreCase)))
            {
                map.File.Error(mark, $"'{tag}' is listed twice in 'languages'");
            }
            else
            {
                languages.Add(tag);
            }
        }

        if (languages.Count == 0)
        {
            if (written.IsEmpty)
            {
                map.File.Error(map.Node("languages")!.Start, "'languages' must list at least one language tag, the default first, like [en, zh-CN]");
            }

            return [language];
        }

        if (map.Has("language") && !language.Equals(languages[0], StringComparison.OrdinalIgnoreCase))
        {
            map.File.Error(map.Node("language")!.Start,
                $"'language' is \"{language}\" but the first of 'languages' (the default) is \"{languages[0]}\"; leave 'language' out or make them agree");
        }

        language = languages[0];
        return [.. languages];
    }

    private bool Multilingual => _languages.Length > 1;

    private string DefaultLanguage => _languages[0];

    // ---- which files are translations ---------------------------------------------------

    /// <summary><c>20-educations</c> for <c>sections/20-educations.zh-CN.yaml</c>.</summary>
    private static string StemOf(string path) => Path.GetFileNameWithoutExtension(path);

    /// <summary>
    /// The language suffix of a file name (<c>zh-CN</c> in <c>news.zh-CN.yaml</c>), when it has one
    /// shaped like a language tag: two letters, or two or three letters and subtags
    /// (<c>de</c>, <c>zh-CN</c>, <c>pt-BR</c>), or one of the site's languages.
    /// </summary>
    private string? LanguageSuffix(string path)
    {
        var stem = StemOf(path);
        var dot = stem.LastIndexOf('.');
        if (dot <= 0)
        {
            return null;
        }

        var suffix = stem[(dot + 1)..];
        return _languages.FirstOrDefault(l => l.Equals(suffix, StringComparison.OrdinalIgnoreCase))
            ?? (TagShape().IsMatch(suffix) ? suffix : null);
    }

    /// <summary>
    /// True for a translation file (<c>20-educations.zh-CN.yaml</c>): it is read with its
    /// language, not as a file of its own. One in a language the site does not have is reported
    /// (once, when the translations are read) and left out.
    /// </summary>
    private bool IsTranslationFile(string path) => LanguageSuffix(path) is not null;

    /// <summary>A paper file named for one of the site's other languages (<c>2024-x.zh-CN.md</c>): reported, not read as a paper.</summary>
    private bool IsPaperTranslationFile(string path) =>
        LanguageSuffix(path) is { } suffix && _languages.Skip(1).Any(l => l.Equals(suffix, StringComparison.Ordinal));

    /// <summary>The file of <paramref name="path"/> in <paramref name="language"/>: <c>news.zh-CN.yaml</c> beside <c>news.yaml</c>.</summary>
    private static string TranslationPath(string path, string language) =>
        Path.Combine(Path.GetDirectoryName(path)!, $"{StemOf(path)}.{language}{Path.GetExtension(path)}");

    [GeneratedRegex(@"^(?:[A-Za-z]{2}|[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})+)$")]
    private static partial Regex TagShape();

    // ---- building each language's site --------------------------------------------------

    /// <summary>
    /// The site in each further language: the default language's snapshot with the owner's
    /// translations laid over it. Also reports translation files in languages the site does not have.
    /// </summary>
    private Dictionary<string, SiteContent> LoadTranslations(SiteContent root)
    {
        ReportStrayTranslationFiles();
        var translations = new Dictionary<string, SiteContent>(StringComparer.Ordinal);
        foreach (var language in _languages.Skip(1))
        {
            var profile = TranslateProfile(root.Profile, language);
            var about = TranslateAbout(root, language);
            var news = TranslateNews(language);
            var sections = root.Sections.Select(s => TranslateSection(s, language)).ToImmutableArray();
            var papers = root.Publications.Select(p => TranslatePaper(p, language)).ToImmutableArray();
            var site = TranslateSite(root.Site, profile, language);
            var selected = papers.Where(p => p.Selected).ToImmutableArray();
            translations[language] = root with
            {
                Site = site,
                Profile = profile,
                About = about,
                News = news,
                Sections = sections,
                Publications = papers,
                SelectedPublications = selected.IsEmpty ? papers : selected,
                PublicationsBySlug = papers.ToFrozenDictionary(p => p.Slug, StringComparer.Ordinal),
                PublicationIndex = PublicationIndex.Build(papers, site, site.BaseUrl is { } publicUrl ? _addresses.WithPublicBase(publicUrl) : _addresses, root.PublicationIndex),
                Navigation = [.. root.Navigation.Select(entry => TranslateEntry(entry, about, sections, language))],
            };
        }

        return translations;
    }

    /// <summary>site.yaml's title, description and footer in this language (<c>site.zh-CN.yaml</c>); a
    /// title the site made up ("{name} - Homepage") is made up in this language.</summary>
    private SiteSettings TranslateSite(SiteSettings site, Profile profile, string language)
    {
        var translated = site with { Language = language };
        if (!_titleGiven)
        {
            translated = translated with { Title = DefaultTitle(profile, language) };
        }

        var map = OpenYamlMap($"site.{language}.yaml", "a mapping with 'title', 'description' or 'footer'", required: false);
        if (map is null)
        {
            return translated;
        }

        map.RejectUnknownKeys(SiteTranslationKeys);
        return translated with
        {
            Title = map.String("title") ?? translated.Title,
            Description = map.String("description") ?? translated.Description,
            FooterHtml = InlineMarkdown(map, "footer") ?? translated.FooterHtml,
        };
    }

    private bool _titleGiven;

    private Profile TranslateProfile(Profile profile, string language)
    {
        var map = OpenYamlMap($"profile.{language}.yaml", "a mapping with the profile fields in this language", required: false);
        string[] fields = ["name", "bio", "location", "employer"];
        if (map is null)
        {
            return profile with { Untranslated = Fallback(fields) };
        }

        map.RejectUnknownKeys(ProfileTranslationKeys);
        var translated = profile with
        {
            Name = map.String("name") ?? profile.Name,
            BioHtml = InlineMarkdown(map, "bio") ?? profile.BioHtml,
            Location = map.String("location") ?? profile.Location,
            Employer = map.String("employer") ?? profile.Employer,
            EmployerUrl = Url(map, "employer_url") ?? profile.EmployerUrl,
        };
        return translated with { Untranslated = Fallback(fields.Where(f => !map.Has(f))) };
    }

    private AboutText TranslateAbout(SiteContent root, string language)
    {
        var fileName = $"about.{language}.md";
        if (File.Exists(Path.Combine(_options.ContentPath, fileName)) && LoadAbout(language, fileName) is { } translated)
        {
            return translated;
        }

        // An about.md without a title of its own is titled in each page's language; its text is not translated.
        var siteTitle = root.About.Title == SiteText.Get("Section.AboutMe", DefaultLanguage);
        return root.About with
        {
            Lang = DefaultLanguage,
            Title = siteTitle ? SiteText.Get("Section.AboutMe", language) : root.About.Title,
            TitleLang = siteTitle ? null : DefaultLanguage,
        };
    }

    /// <summary>
    /// The news in <paramref name="language"/>: each item of news.yaml, translated by the item of
    /// news.{language}.yaml with the same date (the first of a date by the first, and so on), or
    /// shown in the default language. Items only one file has are reported where they are.
    /// </summary>
    private ImmutableArray<NewsItem> TranslateNews(string language)
    {
        var source = _news ?? [];
        var translated = ReadNews($"news.{language}.yaml");
        if (translated is null)
        {
            return [.. source.Select(n => n.Item with { Lang = DefaultLanguage }).OrderByDescending(i => i.Date)];
        }

        var pairs = Match(source, translated, n => n.Item.Date.ToIsoString());
        var items = new List<NewsItem>();
        foreach (var (original, translation) in pairs)
        {
            if (original is not null && translation is { } t)
            {
                items.Add(t.Item);
            }
            else if (original is { } missing)
            {
                WarnAt(missing.File, missing.Mark,
                    $"this item of {missing.Item.Date.ToDisplayString()} has no translation in {_displayRoot}/news.{language}.yaml; {language} pages show it in {DefaultLanguage}");
                items.Add(missing.Item with { Lang = DefaultLanguage });
            }
            else if (translation is { } extra)
            {
                WarnAt(extra.File, extra.Mark,
                    $"no item of {extra.Item.Date.ToDisplayString()} in {_displayRoot}/news.yaml to translate; this one is shown on {language} pages only");
                items.Add(extra.Item);
            }
        }

        return [.. items.OrderByDescending(i => i.Date)];
    }

    /// <summary>A section in <paramref name="language"/>: title, icon and items from its translation file where given.</summary>
    private DatedSection TranslateSection(DatedSection section, string language)
    {
        if (!_sections.TryGetValue(section.Id, out var original))
        {
            return section with { Lang = DefaultLanguage, Items = [.. section.Items.Select(i => i with { Lang = DefaultLanguage })] };
        }

        var path = TranslationPath(original.Path, language);
        if (!File.Exists(path) || ReadSection(path) is not { } translated)
        {
            return section with { Lang = DefaultLanguage, Items = [.. section.Items.Select(i => i with { Lang = DefaultLanguage })] };
        }

        var source = section.Items.Select((item, i) => (Item: item, Mark: original.ItemMarks[i], File: Display(original.Path))).ToList();
        var target = translated.Section.Items.Select((item, i) => (Item: item, Mark: translated.ItemMarks[i], File: Display(path))).ToList();
        var items = new List<DatedItem>();
        // Undated items (teaching, reviewing) are matched among themselves, in order.
        foreach (var (from, to) in Match(source, target, n => n.Item.Date?.ToDisplayString() ?? ""))
        {
            if (from is not null && to is { } t)
            {
                items.Add(t.Item);
            }
            else if (from is { } missing)
            {
                WarnAt(missing.File, missing.Mark,
                    $"{ItemOf(missing.Item.Date)} has no translation in {Display(path)}; {language} pages show it in {DefaultLanguage}");
                items.Add(missing.Item with { Lang = DefaultLanguage });
            }
            else if (to is { } extra)
            {
                WarnAt(extra.File, extra.Mark,
                    $"no {ItemOf(extra.Item.Date)[5..]} in {Display(original.Path)} to translate; this one is shown on {language} pages only");
                items.Add(extra.Item);
            }
        }

        return section with
        {
            Title = translated.Section.Title,
            Icon = translated.HasIcon ? translated.Section.Icon : section.Icon,
            Items = [.. items],
        };
    }

    private static PageSection TranslateEntry(PageSection entry, AboutText about, ImmutableArray<DatedSection> sections, string language) => entry.Id switch
    {
        "about-me" => entry with { Title = about.Title, Lang = about.TitleLang },
        "news" => entry with { Title = SiteText.Get("Section.News", language) },
        "publications" => entry with { Title = SiteText.Get("Section.Publications", language) },
        _ when sections.FirstOrDefault(s => s.Id == entry.Id) is { } section => entry with { Title = section.Title, Lang = section.Lang, Icon = section.Icon },
        _ => entry,
    };

    private Publication TranslatePaper(Publication paper, string language)
    {
        var translation = paper.Translations.GetValueOrDefault(language);
        List<string> fallback = [];
        if (translation?.Title is null)
        {
            fallback.Add("title");
        }

        if (paper.SummaryHtml is not null && translation?.SummaryHtml is null)
        {
            fallback.Add("summary");
        }

        if (paper.AbstractHtml is not null && translation?.AbstractHtml is null)
        {
            fallback.Add("abstract");
        }

        return paper with
        {
            Title = translation?.Title ?? paper.Title,
            // A translated title is plain text; the original's LaTeX markup describes the original.
            TitleHtml = translation?.Title is null ? paper.TitleHtml : null,
            SummaryHtml = translation?.SummaryHtml ?? paper.SummaryHtml,
            AbstractHtml = translation?.AbstractHtml ?? paper.AbstractHtml,
            Untranslated = Fallback(fallback),
        };
    }

    /// <summary>"this item of 2015.09 - 2019.06", or "this undated item".</summary>
    private static string ItemOf(DateRange? date) => date is null ? "this undated item" : $"this item of {date.ToDisplayString()}";

    private void WarnAt(string file, Mark mark, string message) =>
        _diagnostics.Add(new ContentError(file, (int)mark.Line, (int)mark.Column, Severity.Warning, message));

    private Untranslated? Fallback(IEnumerable<string> fields)
    {
        var set = fields.ToImmutableHashSet(StringComparer.Ordinal);
        return set.IsEmpty ? null : new Untranslated(DefaultLanguage, set);
    }

    /// <summary>
    /// Pairs the items of two versions of a list by a key (the date), the first of a key with the
    /// first, the second with the second: (original, translation), either missing, in the
    /// original's order with unmatched translations after.
    /// </summary>
    private static List<(T? Original, T? Translation)> Match<T>(IReadOnlyList<T> originals, IReadOnlyList<T> translations, Func<T, string> key)
        where T : struct
    {
        var queues = translations.GroupBy(key).ToDictionary(g => g.Key, g => new Queue<T>(g), StringComparer.Ordinal);
        var pairs = new List<(T?, T?)>();
        foreach (var original in originals)
        {
            pairs.Add((original, queues.TryGetValue(key(original), out var queue) && queue.TryDequeue(out var match) ? match : null));
        }

        pairs.AddRange(queues.Values.SelectMany(q => q).Select(t => ((T?)null, (T?)t)));
        return pairs;
    }

    // ---- a paper's translations ---------------------------------------------------------

    /// <summary>
    /// <c>translations: { zh-CN: { title: ..., summary: ..., body: ... } }</c> in a paper's front
    /// matter; <c>body</c> is the abstract, in Markdown.
    /// </summary>
    private ImmutableDictionary<string, PublicationTranslation> PaperTranslations(YamlMap map)
    {
        if (map.Map("translations") is not { } all)
        {
            return ImmutableDictionary<string, PublicationTranslation>.Empty;
        }

        var translations = ImmutableDictionary.CreateBuilder<string, PublicationTranslation>(StringComparer.Ordinal);
        if (!Multilingual)
        {
            // Kept for when the site gets its languages back: not wrong, only unused.
            var first = all.Entries().Select(e => e.Key).FirstOrDefault() ?? "zh-CN";
            map.File.Warning(map.KeyMark("translations"),
                $"'translations' is not used: the site has one language; add 'languages: [{_languages[0]}, {first}]' to site.yaml");
            return translations.ToImmutable();
        }

        foreach (var (tag, keyMark, node) in all.Entries())
        {
            var language = _languages.Skip(1).FirstOrDefault(l => l.Equals(tag, StringComparison.OrdinalIgnoreCase));
            if (language is null)
            {
                map.File.Error(keyMark, $"'{tag}' is not one of the site's other languages ({string.Join(", ", _languages.Skip(1))}); see 'languages' in site.yaml");
                continue;
            }

            if (YamlMap.From(map.File, node, "a mapping with 'title', 'summary' or 'body'") is not { } fields)
            {
                continue;
            }

            fields.RejectUnknownKeys(Schema.ContentModel.PaperTranslation.Keys);
            translations[language] = new PublicationTranslation(fields.String("title"), InlineMarkdown(fields, "summary"), BlockMarkdown(fields, "body"));
        }

        return translations.ToImmutable();
    }

    // ---- files in languages the site does not have --------------------------------------

    /// <summary>
    /// A translation file whose language is not one of the site's (<c>news.fr.yaml</c> on an
    /// en/zh-CN site, or any on a site of one language) would silently do nothing: say so.
    /// </summary>
    private void ReportStrayTranslationFiles()
    {
        var candidates = TranslatableFiles
            .SelectMany(stem => Directory.EnumerateFiles(_options.ContentPath, stem + ".*.*"))
            .Concat(Directory.Exists(Path.Combine(_options.ContentPath, "sections"))
                ? Directory.EnumerateFiles(Path.Combine(_options.ContentPath, "sections"), "*.*.y*ml")
                : [])
            .Concat(Directory.Exists(Path.Combine(_options.ContentPath, "publications"))
                ? Directory.EnumerateFiles(Path.Combine(_options.ContentPath, "publications"), "*.*.md")
                : []);
        foreach (var path in candidates.Order(StringComparer.Ordinal))
        {
            if (LanguageSuffix(path) is not { } suffix)
            {
                continue;
            }

            var inPublications = Path.GetFileName(Path.GetDirectoryName(path)) == "publications";
            var known = _languages.Skip(1).Any(l => l.Equals(suffix, StringComparison.Ordinal));
            if (inPublications)
            {
                // Only a suffix in one of the site's languages keeps a paper file from being read.
                if (known)
                {
                    _diagnostics.Add(new ContentError(Display(path), 0, 0, Severity.Warning,
                        $"a paper's translations go in its own front matter ('translations: {{ {suffix}: {{ title: ..., summary: ..., body: ... }} }}'); this file is not read"));
                }
            }
            else if (!known)
            {
                _diagnostics.Add(new ContentError(Display(path), 0, 0, Severity.Warning, Multilingual
                    ? $"'{suffix}' is not one of the site's other languages ({string.Join(", ", _languages.Skip(1))}) in site.yaml 'languages'; this file is not read"
                    : $"the site has one language; add 'languages: [{_languages[0]}, {suffix}]' to site.yaml to publish this translation; this file is not read"));
            }
        }
    }
}
