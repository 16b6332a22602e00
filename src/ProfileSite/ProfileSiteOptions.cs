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

    /// <summary>Security headers and request limits (<c>ProfileSite:Security:*</c>); see <see cref="Hosting.SecurityOptions"/>.</summary>
    public Hosting.SecurityOptions Security { get; set; } = new();

    /// <summary>
    /// On SIGTERM the server stops accepting and gives requests in flight this long to finish
    /// before it exits. Default 10 s (a container runtime usually kills after 10 s).
    /// </summary>
    [Range(0, 600)]
    public int ShutdownTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Keep each rendered page in memory per content version (and theme), answered with
    /// <c>ETag</c> = the version and <c>304</c> on a match. Default on; off only to measure.
    /// </summary>
    public bool CachePages { get; set; } = true;
}
