using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ProfileSite.Hosting;

/// <summary>
/// Where the start-up time goes, logged once the startup snapshot is published: from the
/// process's start (the kernel's clock, 10 ms resolution) to the runtime configuring the host,
/// the host built, the content loaded, Kestrel listening, the first page published and every
/// page published. Marks are cheap (a timestamp each) and only the first of each name counts.
/// </summary>
public static class StartupTimeline
{
    private static readonly long Origin = Stopwatch.GetTimestamp() - ElapsedSinceProcessStart();
    private static readonly List<(string Phase, long At)> Marks = [];

    /// <summary>Records that a phase ended now (ignored after the first time).</summary>
    public static void Mark(string phase)
    {
        lock (Marks)
        {
            if (!Marks.Exists(m => m.Phase == phase))
            {
                Marks.Add((phase, Stopwatch.GetTimestamp()));
            }
        }
    }

    /// <summary>"Started in N ms: phase +M ms, ...; K methods compiled by the JIT in J ms" with each phase's own share.</summary>
    public static string Describe()
    {
        lock (Marks)
        {
            var text = new StringBuilder();
            var previous = Origin;
            foreach (var (phase, at) in Marks.OrderBy(m => m.At))
            {
                text.Append(CultureInfo.InvariantCulture, $"{(text.Length == 0 ? "" : ", ")}{phase} +{Stopwatch.GetElapsedTime(previous, at).TotalMilliseconds:0} ms");
                previous = at;
            }

            // What the JIT did meanwhile: ReadyToRun code needs none, so this is what precompilation missed.
            return $"Started in {Stopwatch.GetElapsedTime(Origin, previous).TotalMilliseconds:0} ms from exec: {text}; "
                + $"{System.Runtime.JitInfo.GetCompiledMethodCount():0} methods compiled by the JIT in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms";
        }
    }

    private static long ElapsedSinceProcessStart()
    {
        try
        {
            var elapsed = DateTime.Now - Process.GetCurrentProcess().StartTime;
            return (long)(elapsed.TotalSeconds * Stopwatch.Frequency);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return 0;
        }
    }
}
