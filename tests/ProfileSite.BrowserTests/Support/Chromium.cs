namespace ProfileSite.BrowserTests.Support;

/// <summary>
/// Debian's Chromium, driven by Playwright. Playwright's own browser download cannot run here,
/// so the suite never installs a browser; <c>.ci/run</c> installs the Debian package.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Headless, no sandbox (CI runs as root), and no background traffic to Google's hosts.</summary>
    public static readonly string[] Arguments =
    [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>CI sets CI=true: there a missing browser is a broken machine, not a reason to skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips the calling test when the browser is absent on a developer's machine; fails it in CI.</summary>
    public static void RequireInstalled() =>
        Require(ExecutablePath, $"Browser tests need Debian's Chromium at {ExecutablePath} (apt-get install -y chromium fonts-noto-color-emoji).");

    /// <summary>
    /// A tool from a Debian package the suite needs: a missing one skips the test with the install
    /// command on a developer's machine, and fails it in CI, where .ci/run must have installed it.
    /// </summary>
    public static void Require(string path, string message)
    {
        if (File.Exists(path))
        {
            return;
        }

        if (InCi)
        {
            Assert.Fail(message + " CI must install it (.ci/run does).");
        }

        Skip.If(true, message + " Skipped.");
    }
}
