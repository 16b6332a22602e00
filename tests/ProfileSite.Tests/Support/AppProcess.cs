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
    public static AppProcess Start(params string[] args) => StartIn("Production", args);

    /// <summary>As <see cref="Start(string[])"/>, in the given hosting environment (Development shows more in /readyz).</summary>
    public static AppProcess StartIn(string environment, params string[] args)
    {
        var port = FreePort();
        var app = Launch([.. args, $"--urls=http://127.0.0.1:{port}"], environment, new Uri($"http://127.0.0.1:{port}/"));
        return app;
    }

    /// <summary>As <see cref="Start(string[])"/>, but with <paramref name="workingDirectory"/> as the current
    /// folder (and so the content root), as an operator starting the dll from elsewhere would.</summary>
    public static AppProcess StartFrom(string workingDirectory, params string[] args)
    {
        var port = FreePort();
        return Launch([.. args, $"--urls=http://127.0.0.1:{port}"], "Production", new Uri($"http://127.0.0.1:{port}/"), workingDirectory: workingDirectory);
    }

    /// <summary>Runs a verb that ends by itself (<c>check ...</c>) and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(params string[] args) =>
        RunAsync(args, new Dictionary<string, string>());

    /// <summary>As <see cref="RunAsync(string[])"/>, with extra environment variables (settings as an operator sets them).</summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        await using var app = Launch(args, "Production", new Uri("http://127.0.0.1/"), environment);
        var exitCode = await app.WaitForExitAsync();
        app._process.WaitForExit(); // lets the asynchronous output readers drain
        return (exitCode, app.StandardOutput, app.StandardError);
    }

    private static AppProcess Launch(string[] args, string environment, Uri baseAddress, IReadOnlyDictionary<string, string>? variables = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(AppDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(AppDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var app = new AppProcess(new Process { StartInfo = info, EnableRaisingEvents = true }, baseAddress);
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
