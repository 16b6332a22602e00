using NetVips;

namespace ProfileSite.Images;

/// <summary>
/// libvips' process-wide settings, applied once before first use: no operation cache (each image is read
/// once; the cache would only hold memory), one worker thread per operation (concurrency is bounded by the
/// generator instead), untrusted loaders blocked except SVG, and libvips' warnings kept off stderr (problems are
/// reported as values).
/// </summary>
public static class Vips
{
    private static readonly Lazy<string?> Setup = new(Initialize);

    /// <summary>Null when libvips is ready; otherwise why it could not be loaded.</summary>
    public static string? Unavailable => Setup.Value;

    /// <summary>The libvips version, e.g. <c>8.18.7</c>.</summary>
    public static string Version => Unavailable is null
        ? $"{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}"
        : "none";

    private static string? Initialize()
    {
        try
        {
            if (!ModuleInitializer.VipsInitialized)
            {
                return ModuleInitializer.Exception?.Message ?? "libvips could not be initialised";
            }

            Cache.Max = 0;
            Cache.MaxMem = 0;
            Cache.MaxFiles = 0;
            NetVips.NetVips.Concurrency = 1;
            // Loaders libvips does not fuzz (FITS, Matlab, ...) are refused; librsvg counts as one of them, but
            // SVG is the web's own vector format and the owner's icons and drawings come as SVG.
            NetVips.NetVips.BlockUntrusted = true;
            Operation.Block("VipsForeignLoadSvg", false);
            Log.SetLogHandler("VIPS", Enums.LogLevelFlags.Warning | Enums.LogLevelFlags.Message | Enums.LogLevelFlags.Info | Enums.LogLevelFlags.Debug,
                static (_, _, _) => { });
            return null;
        }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return ex.InnerException?.Message ?? ex.Message;
        }
    }

    /// <summary>The last line of a libvips error: the buffer is process-wide, so earlier lines may be another image's.</summary>
    internal static string Reason(VipsException ex) =>
        ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "unknown error";
}
