using System.Globalization;
using System.Text;
using ProfileSite.Import.Model;

namespace ProfileSite.Import.Writing;

/// <summary>
/// Writes a <see cref="ContentDraft"/> as the content contract's files (README "The content
/// contract"): <c>content/site.yaml</c>, <c>profile.yaml</c>, <c>about.md</c>, <c>news.yaml</c>,
/// <c>publications/*.md</c>, <c>sections/NN-id.yaml</c>, and the copied files under <c>wwwroot/</c>.
/// The same draft always gives the same bytes.
/// </summary>
public static class ContentWriter
{
    /// <summary>Writes into <paramref name="contentPath"/> and <paramref name="webRootPath"/> (created when absent).</summary>
    public static void Write(ContentDraft draft, string contentPath, string webRootPath)
    {
        Directory.CreateDirectory(contentPath);
        Directory.CreateDirectory(webRootPath);
        TextFile.Write(Path.Combine(contentPath, "site.yaml"), Site(draft.Site));
        TextFile.Write(Path.Combine(contentPath, "profile.yaml"), Profile(draft.Profile));
        if (draft.About is { } about)
        {
            TextFile.Write(Path.Combine(contentPath, "about.md"), About(about));
        }

        if (!draft.News.IsEmpty)
        {
            TextFile.Write(Path.Combine(contentPath, "news.yaml"), News(draft.News));
        }

        foreach (var paper in draft.Publications)
        {
            TextFile.Write(Path.Combine(contentPath, "publications", paper.Slug + ".md"), Paper(paper));
        }

        var width = (draft.Sections.Length * 10).ToString(CultureInfo.InvariantCulture).Length;
        for (var i = 0; i < draft.Sections.Length; i++)
        {
            var section = draft.Sections[i];
            var prefix = ((i + 1) * 10).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
            TextFile.Write(Path.Combine(contentPath, "sections", $"{prefix}-{section.Id}.yaml"), Section(section));
        }

        foreach (var file in draft.Files)
        {
            var target = Path.Combine(webRootPath, file.WebPath.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file.SourcePath, target, overwrite: true);
        }
    }

    private static string Site(SiteDraft site)
    {
        var yaml = new YamlOut().BeginMap()
            .Pair("title", site.Title)
            .Pair("description", site.Description)
            .Pair("url", site.Url)
            .Pair("language", site.Language);
        if (!site.SectionOrder.IsEmpty)
        {
            yaml.Key("section_order").BeginList(flow: true);
            foreach (var id in site.SectionOrder)
            {
                yaml.String(id);
            }

            yaml.EndList();
        }

        if (!site.Verification.IsEmpty)
        {
            yaml.Key("verification").BeginMap();
            foreach (var (engine, token) in site.Verification)
            {
                yaml.Pair(engine, token);
            }

            yaml.EndMap();
        }

        if (site.GoogleAnalyticsId is { } ga)
        {
            yaml.Key("analytics").BeginMap().Pair("provider", "ga4").Pair("measurement_id", ga).EndMap();
        }

        if (site.GsDataUrl is { } gsData)
        {
            yaml.Key("citations").BeginMap().Pair("gs_data", gsData).EndMap();
        }

        return yaml.EndMap().Finish();
    }

    private static string Profile(ProfileDraft profile)
    {
        var yaml = new YamlOut().BeginMap().Pair("name", profile.Name);
        if (!profile.Aliases.IsEmpty)
        {
            yaml.Key("aliases").BeginList(flow: true);
            foreach (var alias in profile.Aliases)
            {
                yaml.String(alias);
            }

            yaml.EndList();
        }

        yaml.Pair("avatar", profile.Avatar)
            .Pair("bio", profile.Bio)
            .Pair("location", profile.Location)
            .Pair("employer", profile.Employer)
            .Pair("email", profile.Email);
        if (!profile.Links.IsEmpty)
        {
            yaml.Key("links").BeginMap();
            foreach (var kind in ProfileLinkKinds.All.Keys.Order(StringComparer.Ordinal))
            {
                yaml.Pair(kind, profile.Links.GetValueOrDefault(kind));
            }

            yaml.EndMap();
        }

        return yaml.EndMap().Finish();
    }

    private static string About(AboutDraft about)
    {
        var text = new StringBuilder();
        if (about.Title is { } title)
        {
            text.Append("---\n").Append(new YamlOut().BeginMap().Pair("title", title).EndMap().Finish()).Append("---\n\n");
        }

        return text.Append(about.Markdown.Trim()).Append('\n').ToString();
    }

    private static string News(IEnumerable<NewsDraft> news)
    {
        var yaml = new YamlOut().BeginList();
        foreach (var item in news)
        {
            yaml.BeginMap().Key("date").Plain(item.Date.ToIsoString()).Pair("text", item.Text).EndMap();
        }

        return yaml.EndList().Finish();
    }

    private static string Section(SectionDraft section)
    {
        var yaml = new YamlOut().BeginMap().Pair("title", section.Title).Pair("icon", section.Icon).Key("items").BeginList();
        foreach (var item in section.Items)
        {
            yaml.BeginMap();
            if (item.Date is { } date)
            {
                yaml.Key("date").String(Range(date));
            }

            yaml.Pair("text", item.Text).EndMap();
        }

        return yaml.EndList().EndMap().Finish();
    }

    /// <summary>ISO dates joined as the contract reads ranges: <c>2021-09 - now</c>.</summary>
    internal static string Range(DateRange range) =>
        range.Ongoing ? $"{range.Start.ToIsoString()} - now"
        : range.End is { } end ? $"{range.Start.ToIsoString()} - {end.ToIsoString()}"
        : range.Start.ToIsoString();

    private static string Paper(PaperDraft paper)
    {
        var yaml = new YamlOut().BeginMap().Pair("title", paper.Title).Key("authors").BeginList(flow: true);
        foreach (var author in paper.Authors)
        {
            yaml.String(author);
        }

        yaml.EndList().Pair("venue", paper.Venue).Pair("badge", paper.Badge)
            .Key("year").Plain(paper.Year.ToString("D4", CultureInfo.InvariantCulture));
        if (paper.YearGuess is { } guess)
        {
            yaml.Comment("guessed by import: " + guess);
        }

        yaml.Pair("type", paper.Type).Pair("url", paper.Url).Pair("image", paper.Image).Pair("summary", paper.Summary);
        if (paper.Selected)
        {
            yaml.Key("selected").Plain("true");
        }

        if (!paper.Links.IsEmpty)
        {
            yaml.Key("links").BeginMap();
            foreach (var kind in PaperLinkKinds.All.Keys.Where(paper.Links.ContainsKey))
            {
                yaml.Pair(kind, paper.Links[kind]);
            }

            yaml.EndMap();
        }

        yaml.Pair("scholar_id", paper.ScholarId);
        var text = new StringBuilder("---\n").Append(yaml.EndMap().Finish()).Append("---\n");
        if (paper.Body is { } body && !string.IsNullOrWhiteSpace(body))
        {
            text.Append('\n').Append(body.Trim()).Append('\n');
        }

        return text.ToString();
    }
}
