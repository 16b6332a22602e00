using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace ProfileSite.Content.Loading;

/// <summary>
/// The part of <c>site.yaml</c> about being found (verification, robots, icon, theme colours,
/// analytics) and the input modification times the sitemap needs.
/// </summary>
public sealed partial class ContentLoader
{
    // Meta names each search console asks for, in the order the head lists them.
    private static readonly (string Key, string MetaName)[] VerificationKinds =
    [
        ("google", "google-site-verification"),
        ("bing", "msvalidate.01"),
        ("baidu", "baidu-site-verification"),
        ("yandex", "yandex-verification"),
    ];

    private static readonly string[] IconExtensions = [".png", ".svg", ".ico", ".webp", ".jpg", ".jpeg", ".gif"];

    /// <summary>Adds what site.yaml says about SEO and analytics to <paramref name="site"/>; <paramref name="map"/> is null without a site.yaml.</summary>
    private SiteSettings WithSeo(YamlMap? map, Profile? profile, SiteSettings site)
    {
        if (site.BaseUrl is null && map?.Has("url") != true)
        {
            // Not an error: the site works, but links in feeds and previews follow whatever Host a request names.
            _diagnostics.Add(new ContentError(_displayRoot + "/site.yaml", 0, 0, Severity.Warning,
                "'url' is not set; canonical and feed links are derived from each request"));
        }

        var seo = SeoSettings.Default;
        AnalyticsSettings? analytics = null;
        if (map is not null)
        {
            var icon = map.Has("icon") ? Image(map, "icon") : null;
            if (icon is not null && !IconExtensions.Contains(Path.GetExtension(icon.Path).ToLowerInvariant()))
            {
                map.File.Error(map.Node("icon")!.Start, $"'icon' must be a .png, .svg, .ico, .webp, .jpg or .gif image, got \"{icon.Path}\"");
                icon = null;
            }

            var (light, dark) = ThemeColors(map);
            seo = seo with
            {
                Verification = Verification(map),
                AllowIndexing = Robots(map),
                Icon = icon,
                ThemeColorLight = light,
                ThemeColorDark = dark,
            };
            analytics = Analytics(map, site.BaseUrl);
        }

        if (seo.Icon is null)
        {
            var fallback = profile?.Avatar ?? ShippedFavicon();
            seo = seo with
            {
                Icon = fallback,
                HasFaviconIco = fallback?.Path == "favicon.svg" && File.Exists(Path.Combine(_options.WebRootPath, "favicon.ico")),
            };
        }

        if (seo.Icon is { } chosen)
        {
            seo = seo with { Icon = WithIcons(chosen, preview: profile?.Avatar is null) };
        }

        return site with { Seo = seo, Analytics = analytics };
    }

    private WebImage? ShippedFavicon()
    {
        var path = Path.Combine(_options.WebRootPath, "favicon.svg");
        if (!File.Exists(path))
        {
            return null;
        }

        // The shipped icon is shown even when the pipeline cannot read it: it was never the owner's mistake.
        var size = ImageProbe.Size(path);
        return Inspected("favicon.svg", path, _ => { }) ?? new WebImage("favicon.svg", size?.Width, size?.Height);
    }

    private static ImmutableArray<VerificationMeta> Verification(YamlMap site)
    {
        if (site.Map("verification") is not { } map)
        {
            return [];
        }

        map.RejectUnknownKeys(Schema.ContentModel.Site["verification"].Shape!.Keys);
        var metas = ImmutableArray.CreateBuilder<VerificationMeta>();
        foreach (var (key, metaName) in VerificationKinds)
        {
            if (map.String(key) is not { } token)
            {
                continue;
            }

            if (VerificationToken().IsMatch(token))
            {
                metas.Add(new VerificationMeta(metaName, token));
            }
            else
            {
                map.File.Error(map.Node(key)!.Start,
                    $"'verification.{key}' must be the token the search console gives (letters, digits and - _ . = + /), got \"{token}\"");
            }
        }

        return metas.ToImmutable();
    }

    private static bool Robots(YamlMap map)
    {
        switch (map.String("robots"))
        {
            case null or "allow":
                return true;
            case "disallow":
                return false;
            case var other:
                map.File.Error(map.Node("robots")!.Start, $"'robots' must be allow or disallow, got \"{other}\"");
                return true;
        }
    }

    private static (string Light, string Dark) ThemeColors(YamlMap map)
    {
        var defaults = SeoSettings.Default;
        switch (map.Node("theme_color"))
        {
            case null:
                return (defaults.ThemeColorLight, defaults.ThemeColorDark);
            case YamlDotNet.RepresentationModel.YamlMappingNode:
                var colors = map.Map("theme_color")!;
                colors.RejectUnknownKeys(Schema.ContentModel.Site["theme_color"].Shape!.Keys);
                return (Color(colors, "light") ?? defaults.ThemeColorLight, Color(colors, "dark") ?? defaults.ThemeColorDark);
            default:
                // One colour for both schemes.
                var one = Color(map, "theme_color");
                return (one ?? defaults.ThemeColorLight, one ?? defaults.ThemeColorDark);
        }
    }

    private static string? Color(YamlMap map, string key)
    {
        var value = map.String(key);
        if (value is null || HexColor().IsMatch(value))
        {
            return value;
        }

        map.File.Error(map.Node(key)!.Start, $"'{key}' must be a hex colour like #1b4d80, got \"{value}\"");
        return null;
    }

    // ---- analytics ----------------------------------------------------------------------

    private static readonly FrozenDictionary<string, string[]> AnalyticsKeys = new Dictionary<string, string[]>
    {
        ["plausible"] = ["domain", "host"],
        ["umami"] = ["website_id", "host"],
        ["ga4"] = ["measurement_id"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static AnalyticsSettings? Analytics(YamlMap site, Uri? baseUrl)
    {
        if (site.Map("analytics") is not { } map)
        {
            return null;
        }

        var provider = map.String("provider", required: true);
        if (provider is null or "none")
        {
            map.RejectUnknownKeys(Schema.ContentModel.Site["analytics"].Shape!.Keys);
            return null;
        }

        if (!AnalyticsKeys.TryGetValue(provider, out var keys))
        {
            var hint = Suggest.Closest(provider, AnalyticsKeys.Keys) is { } s ? $"did you mean '{s}'?" : "expected plausible, umami, ga4 or none";
            map.File.Error(map.Node("provider")!.Start, $"unknown analytics provider '{provider}'; {hint}");
            return null;
        }

        map.RejectUnknownKeys(["provider", .. keys]);
        return provider switch
        {
            "plausible" => Plausible(map, baseUrl),
            "umami" => Umami(map),
            _ => GoogleAnalytics(map),
        };
    }

    private static AnalyticsSettings? Plausible(YamlMap map, Uri? baseUrl)
    {
        var domain = map.String("domain") ?? baseUrl?.Host;
        if (domain is null)
        {
            map.File.Error(map.Start, "missing required field 'domain' (the site's domain as registered with Plausible, e.g. you.example.org); it defaults to the host of 'url' when that is set");
        }
        else if (!HostName().IsMatch(domain))
        {
            map.File.Error(map.Node("domain")!.Start, $"'domain' must be a domain name like you.example.org, got \"{domain}\"");
            domain = null;
        }

        var host = AnalyticsHost(map, "https://plausible.io");
        if (domain is null || host is null)
        {
            return null;
        }

        var origin = host.GetLeftPart(UriPartial.Authority);
        return new AnalyticsSettings("plausible", [origin], [origin])
        {
            Script = Combine(host, "js/script.js"),
            ScriptData = [new("domain", domain)],
        };
    }

    private static AnalyticsSettings? Umami(YamlMap map)
    {
        var id = map.String("website_id", required: true);
        if (id is not null && !Guid.TryParseExact(id, "D", out _))
        {
            map.File.Error(map.Node("website_id")!.Start, $"'website_id' must be the website's UUID from Umami, like 94db1cb1-74f4-4a40-ad6c-962362670409, got \"{id}\"");
            id = null;
        }

        var host = AnalyticsHost(map, "https://cloud.umami.is");
        if (id is null || host is null)
        {
            return null;
        }

        var origin = host.GetLeftPart(UriPartial.Authority);

        // Umami Cloud serves the script from cloud.umami.is and collects through its API gateway.
        ImmutableArray<string> connect = origin == "https://cloud.umami.is" ? [origin, "https://api-gateway.umami.dev"] : [origin];
        return new AnalyticsSettings("umami", [origin], connect)
        {
            Script = Combine(host, "script.js"),
            ScriptData = [new("website-id", id.ToLowerInvariant())],
        };
    }

    private static AnalyticsSettings? GoogleAnalytics(YamlMap map)
    {
        var id = map.String("measurement_id", required: true);
        if (id is null)
        {
            return null;
        }

        if (!MeasurementId().IsMatch(id))
        {
            map.File.Error(map.Node("measurement_id")!.Start, $"'measurement_id' must be a GA4 measurement id like G-ABC123DEF4, got \"{id}\"");
            return null;
        }

        // The origins Google's "Use Tag Manager with a Content Security Policy" guide lists for GA4:
        // gtag.js may load from any googletagmanager.com host and beacons go to regional collectors.
        return new AnalyticsSettings(
            "ga4",
            ["https://*.googletagmanager.com"],
            ["https://*.google-analytics.com", "https://*.analytics.google.com", "https://*.googletagmanager.com"])
        {
            ImageSources = ["https://*.google-analytics.com", "https://*.googletagmanager.com"],
            // A file of ours reads the id from its own tag: no inline gtag() snippet.
            Script = "/js/ga4.js",
            ScriptData = [new("measurement-id", id)],
        };
    }

    private static Uri? AnalyticsHost(YamlMap map, string fallback)
    {
        var value = map.String("host");
        if (value is null)
        {
            return new Uri(fallback);
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo))
        {
            return uri;
        }

        map.File.Error(map.Node("host")!.Start, $"'host' must be an https:// address without query, like https://stats.example.org, got \"{value}\"");
        return null;
    }

    private static string Combine(Uri host, string file) => host.AbsoluteUri.TrimEnd('/') + "/" + file;

    // ---- modification times -------------------------------------------------------------

    private ContentTimes Times()
    {
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var path in _inputs.Distinct(StringComparer.Ordinal))
        {
            var web = Path.GetRelativePath(_options.WebRootPath, path);
            var key = web.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(web) ? Display(path) : web.Replace('\\', '/');
            times[key] = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
        }

        return new ContentTimes(times.ToFrozenDictionary(StringComparer.Ordinal));
    }

    [GeneratedRegex("^[A-Za-z0-9_.=+/-]{1,200}$")]
    private static partial Regex VerificationToken();

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColor();

    [GeneratedRegex("^G-[A-Z0-9]{4,20}$")]
    private static partial Regex MeasurementId();

    [GeneratedRegex(@"^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")]
    private static partial Regex HostName();
}
