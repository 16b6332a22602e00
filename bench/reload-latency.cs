// Reload latency: how long from saving a content file until the site serves the change.
// Starts the built app on a copy of the shipped example, then 20 times rewrites news.yaml
// and polls / until the new text appears. Prints each time and the median.
//
//   dotnet build src/ProfileSite -c Release
//   dotnet run bench/reload-latency.cs -- [edits=20] [polling]
//
// Not a test: the figure depends on the machine. Targets only 127.0.0.1.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

var edits = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
var polling = args.Contains("polling");
var repo = FindRepository();
string[] configurations = ["Release", "Debug"];
var dll = configurations
    .Select(c => Path.Combine(repo, "src", "ProfileSite", "bin", c, "net10.0", "ProfileSite.dll"))
    .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("Build first: dotnet build src/ProfileSite -c Release");

var work = Directory.CreateTempSubdirectory("profilesite-bench-").FullName;
CopyFolder(Path.Combine(repo, "content"), Path.Combine(work, "content"));
CopyFolder(Path.Combine(repo, "wwwroot"), Path.Combine(work, "wwwroot"));
var newsPath = Path.Combine(work, "content", "news.yaml");
var original = File.ReadAllText(newsPath);

var port = FreePort();
var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
string[] appArgs =
[
    dll, $"--urls=http://127.0.0.1:{port}", $"--ProfileSite:ContentPath={Path.Combine(work, "content")}",
    $"--ProfileSite:WebRootPath={Path.Combine(work, "wwwroot")}", $"--ProfileSite:ReloadUsePolling={polling}",
    "--Serilog:MinimumLevel:Default=Warning",
];
foreach (var arg in appArgs)
{
    info.ArgumentList.Add(arg);
}

using var app = Process.Start(info)!;
app.OutputDataReceived += (_, _) => { };
app.ErrorDataReceived += (_, _) => { };
app.BeginOutputReadLine();
app.BeginErrorReadLine();
using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
try
{
    await WaitAsync(async () => (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK);
    var times = new List<double>();
    for (var i = 0; i < edits; i++)
    {
        var marker = $"bench-edit-{i}-{Guid.NewGuid():N}";
        var saved = Stopwatch.StartNew();
        await File.WriteAllTextAsync(newsPath, $"- date: 2025.01\n  text: {marker}\n" + original);
        await WaitAsync(async () => (await client.GetStringAsync("/")).Contains(marker, StringComparison.Ordinal));
        times.Add(saved.Elapsed.TotalMilliseconds);
        Console.WriteLine($"edit {i + 1,2}: {saved.Elapsed.TotalMilliseconds,7:F1} ms");
        await Task.Delay(300); // let the watcher settle so edits do not merge
    }

    times.Sort();
    var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
    Console.WriteLine($"reload latency ({(polling ? "polling" : "file-system events")}, {edits} edits): median {median:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms");
}
finally
{
    app.Kill(entireProcessTree: true);
    await app.WaitForExitAsync();
    Directory.Delete(work, recursive: true);
}

static async Task WaitAsync(Func<Task<bool>> condition)
{
    var deadline = Stopwatch.StartNew();
    while (true)
    {
        try
        {
            if (await condition())
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
            // not listening yet
        }

        if (deadline.Elapsed > TimeSpan.FromSeconds(60))
        {
            throw new TimeoutException("the app did not answer in time");
        }

        await Task.Delay(5);
    }
}

static string FindRepository()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ProfileSite.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository.");
}

static void CopyFolder(string from, string to)
{
    foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
    {
        var target = Path.Combine(to, Path.GetRelativePath(from, file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target);
    }
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
