using System.ComponentModel.DataAnnotations;

namespace ProfileSite;

/// <summary>
/// What the operator decides, from the <c>ProfileSite</c> section of appsettings.json, the
/// environment (<c>ProfileSite__ContentPath</c>) or the command line (<c>--ProfileSite:ContentPath=</c>).
/// What the owner decides lives in the content folder's <c>site.yaml</c> instead.
/// </summary>
public sealed class ProfileSiteOptions
{
    public const string Section = "ProfileSite";

    /// <summary>
    /// The content folder (site.yaml, profile.yaml, ...). Empty means: <c>content/</c> beside the
    /// published binary, else the repository's <c>content/</c> when run from a clone.
    /// A relative path is taken from the current directory.
    /// </summary>
    public string? ContentPath { get; set; }

    /// <summary>
    /// The folder images, CSS and other static files are served from. Empty means: <c>wwwroot/</c>
    /// beside the published binary, else the repository's <c>wwwroot/</c> when run from a clone.
    /// </summary>
    public string? WebRootPath { get; set; }

    /// <summary>Content files larger than this are refused with an error. Default 1 MiB.</summary>
    [Range(1024, 64L * 1024 * 1024)]
    public long MaxContentFileBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Treat every repair or skip in a <c>.bib</c> file (an undefined macro, an entry without a key,
    /// a duplicate key, a year read from "2020a", an unknown LaTeX command, ...) as an error, so the
    /// content is refused until the file is clean. Default off: a <c>.bib</c> file is a tool's export,
    /// read leniently with a warning for each problem. <c>check --strict</c> turns it on for one check.
    /// </summary>
    public bool StrictBibtex { get; set; }

    /// <summary>Security headers and request limits (<c>ProfileSite:Security:*</c>); see <see cref="Hosting.SecurityOptions"/>.</summary>
    public Hosting.SecurityOptions Security { get; set; } = new();

    /// <summary>
    /// On SIGTERM the server stops accepting and gives requests in flight this long to finish
    /// before it exits. Default 10 s (a container runtime usually kills after 10 s).
    /// </summary>
    [Range(0, 600)]
    public int ShutdownTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Answer pages from the bytes published with each snapshot (per theme, compressed once), with
    /// <c>ETag</c> = the version and <c>304</c> on a match. Default on; off only to measure: pages
    /// are then rendered per request (and still built once per snapshot, to verify it).
    /// </summary>
    public bool CachePages { get; set; } = true;

    /// <summary>
    /// The URL path the site is served under, e.g. <c>/repo</c> for <c>https://user.github.io/repo/</c>
    /// or a reverse proxy that forwards <c>/homepage/</c> unchanged. Links the site generates start with
    /// it. Empty (the default) serves from <c>/</c>. The <c>export --base-url</c> verb sets it from the
    /// URL's path, so a server with the same value answers the same bytes.
    /// </summary>
    [RegularExpression("^(/[^/?#]+)*/?$", ErrorMessage = "BasePath must be empty or a path like /repo")]
    public string BasePath { get; set; } = "";

    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c>/<c>-Host</c> headers are
    /// believed (e.g. <c>10.0.0.5</c>). Loopback (127.0.0.0/8, ::1) is always trusted; headers from any
    /// other address are ignored, so a visitor cannot fake their IP address or the scheme.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>
    /// Networks of trusted reverse proxies in CIDR form (e.g. <c>172.30.0.0/24</c>, the Docker network
    /// Caddy runs in). Added to <see cref="KnownProxies"/> and loopback.
    /// </summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>
    /// Redirect plain-HTTP requests to HTTPS. Off by default: in the container a reverse proxy
    /// terminates TLS and forwards the scheme. Turn it on when the app itself faces visitors over HTTPS.
    /// </summary>
    public bool HttpsRedirection { get; set; }

    /// <summary>The port HTTPS redirects point to when <see cref="HttpsRedirection"/> is on. Default 443.</summary>
    [Range(1, 65535)]
    public int HttpsPort { get; set; } = 443;

    /// <summary>
    /// Watch the content folder and the web root and serve a saved change without a restart.
    /// An invalid edit keeps the last good content serving. Default on.
    /// </summary>
    public bool Reload { get; set; } = true;

    /// <summary>
    /// Detect changes by polling instead of file-system events: needed where events do not
    /// arrive, such as Docker bind mounts from another OS or network shares. Default off.
    /// </summary>
    public bool ReloadUsePolling { get; set; }

    /// <summary>How often to poll for changes when <see cref="ReloadUsePolling"/> is on, in milliseconds. Default 500.</summary>
    [Range(50, 60_000)]
    public int ReloadPollIntervalMilliseconds { get; set; } = 500;

    /// <summary>
    /// How long the files must stay quiet before a reload, in milliseconds, so a burst of saves
    /// (an editor writing a temp file, then renaming it) becomes one reload. Default 200.
    /// </summary>
    [Range(0, 10_000)]
    public int ReloadDebounceMilliseconds { get; set; } = 200;
}
