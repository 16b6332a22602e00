namespace ProfileSite.Tests.Support;

/// <summary>
/// Tools some tests start as a user would (TeX Live's bibtex, node with citation-js): a missing one
/// skips the test with the install command on a developer's machine, and fails it in CI
/// (<c>CI=true</c>), where <c>.ci/run</c> must have installed it. The same rule as the browser suite's.
/// </summary>
internal static class ExternalTool
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    /// <summary>Skips (locally) or fails (in CI) unless <paramref name="available"/>.</summary>
    public static void Require(bool available, string message)
    {
        if (available)
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
