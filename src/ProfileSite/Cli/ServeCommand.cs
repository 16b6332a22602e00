using System.CommandLine;

namespace ProfileSite.Cli;

public static class ServeCommand
{
    /// <summary>
    /// Serving is the root action and the <c>serve</c> verb alike, so the plain command serves.
    /// <c>--content DIR</c> and <c>--webroot DIR</c> name the folders as <c>check</c> and <c>export</c>
    /// take them (they become <c>ProfileSite:ContentPath</c> and <c>ProfileSite:WebRootPath</c>; a folder
    /// that does not exist is a usage error, exit 2). Tokens System.CommandLine does not know
    /// (<c>--urls=...</c>, <c>--ProfileSite:ContentPath=...</c>) are handed to the host as configuration.
    /// </summary>
    public static RootCommand AddServeCommand(this RootCommand root, Func<string[], Task<int>> serve)
    {
        var (content, webRoot) = FolderOptions();
        root.TreatUnmatchedTokensAsErrors = false;
        root.Options.Add(content);
        root.Options.Add(webRoot);
        root.SetAction(result => Serve(result, content, webRoot, serve));

        var (serveContent, serveWebRoot) = FolderOptions(); // an option belongs to one command
        var command = new Command("serve", "Serve the site (the default when no verb is given).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(serveContent);
        command.Options.Add(serveWebRoot);
        command.SetAction(result => Serve(result, serveContent, serveWebRoot, serve));
        root.Subcommands.Add(command);
        return root;
    }

    /// <summary>
    /// The host handles SIGTERM itself (graceful stop); System.CommandLine must not race it,
    /// and exceptions are the verbs' own to report.
    /// </summary>
    public static InvocationConfiguration Invocation { get; } = new()
    {
        ProcessTerminationTimeout = null,
        EnableDefaultExceptionHandler = false,
    };

    private static (Option<string> Content, Option<string> WebRoot) FolderOptions() => (
        new Option<string>("--content")
        {
            Description = "The content folder (default: ProfileSite:ContentPath, else content/).",
            HelpName = "DIR",
        },
        new Option<string>("--webroot")
        {
            Description = "The web root (default: ProfileSite:WebRootPath, else wwwroot/).",
            HelpName = "DIR",
        });

    private static Task<int> Serve(ParseResult result, Option<string> contentOption, Option<string> webRootOption, Func<string[], Task<int>> serve)
    {
        List<string> settings = [];
        foreach (var (option, value, key) in new[]
        {
            ("--content", result.GetValue(contentOption), "ProfileSite:ContentPath"),
            ("--webroot", result.GetValue(webRootOption), "ProfileSite:WebRootPath"),
        })
        {
            if (value is null)
            {
                continue;
            }

            if (!Directory.Exists(value))
            {
                Console.Error.WriteLine($"serve: {option}: folder not found: {value}");
                Console.Error.WriteLine("usage: ProfileSite [serve] [--content DIR] [--webroot DIR] [--urls=URL] [--Section:Key=value ...]");
                return Task.FromResult(CheckCommand.UsageError);
            }

            settings.Add($"--{key}={Path.GetFullPath(value)}");
        }

        // After the host settings given as they are, so the named folder wins over --ProfileSite:ContentPath=... too.
        return serve([.. result.UnmatchedTokens, .. settings]);
    }
}
