using System.Text.Json;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Import;

/// <summary>
/// The synthetic AcadHomepage sites and their answer key in <c>../shared/fixtures/acadhomepage/</c>
/// beside the repository (where CI has them). Tests that need them are skipped, saying why, when
/// they are absent; with <c>CI=true</c> they fail instead.
/// </summary>
internal static class ImportFixtures
{
    public static string Folder { get; } = Find();

    /// <summary>Beside the repository; for a git worktree, beside the main checkout it belongs to.</summary>
    private static string Find()
    {
        var candidates = new List<string> { Repository.Root };
        var gitFile = Path.Combine(Repository.Root, ".git");
        if (File.Exists(gitFile) && File.ReadAllText(gitFile).Trim() is var line && line.StartsWith("gitdir:", StringComparison.Ordinal))
        {
            // gitdir: /repo/.git/worktrees/name -> /repo
            var gitDir = new DirectoryInfo(line["gitdir:".Length..].Trim());
            if (gitDir.Parent?.Parent?.Parent is { } main)
            {
                candidates.Add(main.FullName);
            }
        }

        return candidates.Select(c => Path.GetFullPath(Path.Combine(c, "..", "shared", "fixtures", "acadhomepage")))
            .FirstOrDefault(f => File.Exists(Path.Combine(f, "EXPECTED.json")), Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "fixtures", "acadhomepage")));
    }

    public static bool Present => File.Exists(Path.Combine(Folder, "EXPECTED.json"));

    public const string Missing = "the AcadHomepage fixtures are not at ../shared/fixtures/acadhomepage beside the repository";

    public static IEnumerable<string> Names => Present
        ? Directory.EnumerateDirectories(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!
        : [];

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        if (data.Count == 0)
        {
            data.Add("(none)");
        }

        return data;
    }

    public static JsonElement Expected(string fixture)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "EXPECTED.json")));
        return document.RootElement.GetProperty(fixture).Clone();
    }

    public static string Path_(string fixture) => System.IO.Path.Combine(Folder, fixture);
}

/// <summary>A theory over the fixtures: skipped with the reason where they are absent, failing in CI.</summary>
public sealed class FixtureTheoryAttribute : TheoryAttribute
{
    public FixtureTheoryAttribute()
    {
        if (!ImportFixtures.Present && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = ImportFixtures.Missing;
        }
    }
}

/// <summary>A fact that needs the fixtures: skipped with the reason where they are absent, failing in CI.</summary>
public sealed class FixtureFactAttribute : FactAttribute
{
    public FixtureFactAttribute()
    {
        if (!ImportFixtures.Present && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = ImportFixtures.Missing;
        }
    }
}
