using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ProfileSite.Tests.Support;

/// <summary>
/// The built app started as a real process, as an owner or operator would run it, listening on
/// 127.0.0.1. Output is captured; the process is killed on dispose.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string StandardOutput { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string StandardError { get { lock (_stderr) { return _stderr.ToString(); } } }

    /// <summary>The app's own build output (the same configuration the tests were built in).</summary>
    public static string AppDll
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = testBin.Parent!.Name; // bin/<Configuration>/net10.0/
            var dll = Path.Combine(Repository.Root, "src", "ProfileSite", "bin", configuration, testBin.Name, "ProfileSite.dll");
            return File.Exists(dll) ? dll : Path.Combine(AppContext.BaseDirectory, "ProfileSite.dll");
        }
    }

    /// <summary>Starts <c>dotnet ProfileSite.dll [args]</c> on a free loopback port, from the app's folder.</summary>
    public static AppProcess Start(params string[] args)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(AppDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(AppDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_NOLOGO"] = "1";

        var app = new AppProcess(new Process { StartInfo = info, EnableRaisingEvents = true }, new Uri($"http://127.0.0.1:{port}/"));
        app._process.OutputDataReceived += (_, e) => app.Collect(app._stdout, e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Collect(app._stderr, e.Data);
        app._process.Exited += (_, _) => app._listening.TrySetException(new InvalidOperationException("exited"));
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        return app;
    }

    private void Collect(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }

        if (line.Contains("Now listening on", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

    /// <summary>Waits until Kestrel listens; fails with the app's output if it exits or takes too long.</summary>
    public async Task WaitUntilListeningAsync()
    {
        try
        {
            await _listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"The app did not start.\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}", ex);
        }
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM, as <c>docker stop</c> or systemd would.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
