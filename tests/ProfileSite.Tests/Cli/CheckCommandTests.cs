using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Cli;

/// <summary>`ProfileSite check` as an owner runs it: a real process, its output and exit code.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task Check_ValidFolder_ExitsZeroWithSummary()
    {
        var (exitCode, stdout, stderr) = await AppProcess.RunAsync("check", "--content", _content.ContentPath, "--webroot", _content.WebRootPath);

        Assert.Equal(0, exitCode);
        Assert.Equal("0 errors, 0 warnings in 8 files", stdout.Trim());
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task Check_WarningsOnly_ExitsZeroAndPrintsThem()
    {
        _content.Write("profile.yaml", "name: Ada Example\navatar: images/missing.png\n");

        var (exitCode, stdout, _) = await AppProcess.RunAsync("check", "--content", _content.ContentPath, "--webroot", _content.WebRootPath);

        Assert.Equal(0, exitCode);
        var lines = stdout.Trim().Split('\n');
        Assert.StartsWith("content/profile.yaml:2:9: warning: 'avatar' names images/missing.png", lines[0]);
        Assert.Equal("0 errors, 1 warning in 7 files", lines[^1]);
    }

    [Fact]
    public async Task Check_BibWarnings_PassUnlessStrict()
    {
        _content.Write("publications/refs.bib", "@article{,\n  title = {T}, author = {Doe, Jane}, year = 2020}\n");

        var lenient = await AppProcess.RunAsync("check", "--content", _content.ContentPath, "--webroot", _content.WebRootPath);
        var strict = await AppProcess.RunAsync("check", "--content", _content.ContentPath, "--webroot", _content.WebRootPath, "--strict");

        Assert.Equal(0, lenient.ExitCode);
        Assert.StartsWith("content/publications/refs.bib:1:10: warning: @article has no citation key; it is given the key 'doe2020t'", lenient.StandardOutput.Trim());
        Assert.Equal(1, strict.ExitCode);
        Assert.StartsWith("content/publications/refs.bib:1:10: error: @article has no citation key; it is given the key 'doe2020t'", strict.StandardOutput.Trim());
    }

    [Fact]
    public async Task Check_BadFolder_ExitsOneListingEveryProblemThenTheSummary()
    {
        _content.Write("news.yaml", "- date: Jan 2024\n  text: hi\n");
        _content.Write("profile.yaml", "name: Ada Example\nemial: x\navatar: images/missing.png\n");
        _content.Write("publications/2024-flows.md", "---\ntitle: T\nauthors: [Ada]\ndate: 2024\nlinks:\n  pfd: https://x.example.org/a.pdf\n---\n");

        var (exitCode, stdout, stderr) = await AppProcess.RunAsync("check", "--content", _content.ContentPath, "--webroot", _content.WebRootPath);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            [
                "content/profile.yaml:2:1: error: unknown key 'emial'; did you mean 'email'?",
                "content/news.yaml:1:9: error: 'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got \"Jan 2024\"",
                "content/publications/2024-flows.md:6:3: error: unknown link 'pfd'; did you mean 'pdf'?",
                $"content/profile.yaml:3:9: warning: 'avatar' names images/missing.png, which does not exist under the web root ({_content.WebRootPath}); the image is left out",
                "3 errors, 1 warning in 6 files",
            ],
            stdout.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Fact]
    public async Task Check_WithoutOptions_ChecksTheShippedExample()
    {
        var (exitCode, stdout, _) = await AppProcess.RunAsync("check");

        // The example has no public address yet, which check points out (a warning, exit 0).
        Assert.Equal(0, exitCode);
        Assert.Equal(
            ["content/site.yaml: warning: 'url' is not set; canonical and feed links are derived from each request", "0 errors, 1 warning in 17 files"],
            stdout.Trim().Split('\n'));
    }

    [Fact]
    public async Task Check_WithoutContentOption_ResolvesTheFolderFromSettingsLikeServing()
    {
        _content.Write("profile.yaml", "name: Ada\nemial: x\n");

        var (exitCode, stdout, _) = await AppProcess.RunAsync(["check"], new Dictionary<string, string>
        {
            ["ProfileSite__ContentPath"] = _content.ContentPath,
            ["ProfileSite__WebRootPath"] = _content.WebRootPath,
        });

        Assert.Equal(1, exitCode);
        Assert.Equal(["content/profile.yaml:2:1: error: unknown key 'emial'; did you mean 'email'?", "1 error, 0 warnings in 7 files"], stdout.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("check: unrecognized argument '--bogus'", "check", "--bogus")]
    [InlineData("check: Required argument missing for option: '--content'.", "check", "--content")]
    [InlineData("check: unrecognized argument 'extra'", "check", "extra")]
    public async Task Check_UsageError_ExitsTwo(string expected, params string[] args)
    {
        var (exitCode, stdout, stderr) = await AppProcess.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Equal([expected, "usage: ProfileSite check [--content DIR] [--webroot DIR] [--strict]"], stderr.Trim().Split('\n'));
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task Check_ContentFolderThatDoesNotExist_IsAUsageError()
    {
        var missing = Path.Combine(_content.Root, "nope");

        var (exitCode, _, stderr) = await AppProcess.RunAsync("check", "--content", missing);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"check: --content: folder not found: {missing}", stderr);
    }
}
