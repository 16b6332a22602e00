using System.ComponentModel.DataAnnotations;

namespace ProfileSite.Citations;

/// <summary>
/// How remote citation sources are fetched, from <c>ProfileSite:Citations</c>. Which sources to
/// use is the owner's choice in site.yaml; these are the operator's knobs.
/// </summary>
public sealed class CitationOptions
{
    public const string Section = "ProfileSite:Citations";

    /// <summary>Fetch remote sources at all. Default true; local gs_data.json files work either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between refreshes of remote sources. Default 12 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Folder for the last good remote data (so a restart shows numbers at once). Empty: <c>data/</c>
    /// beside the binary. A folder that cannot be written just disables the cache.</summary>
    public string? DataPath { get; set; }

    /// <summary>Largest response accepted from a source, in bytes. Default 5 MiB.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxResponseBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Timeout of one HTTP attempt (headers). Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for one whole fetch of a source, retries and body included. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:30:00")]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a failed attempt (5xx, 429, timeouts), with exponential backoff. Default 3.</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The OpenAlex API. Default https://api.openalex.org/.</summary>
    [Required]
    public Uri OpenAlexUrl { get; set; } = new("https://api.openalex.org/");

    /// <summary>Most pages of works read per refresh (200 works a page). Default 10.</summary>
    [Range(1, 100)]
    public int MaxOpenAlexPages { get; set; } = 10;
}
