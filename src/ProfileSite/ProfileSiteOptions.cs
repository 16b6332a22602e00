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
