using System.CommandLine;

namespace ProfileSite.Cli;

public static class ServeCommand
{
    /// <summary>
    /// Serving is the root action and the <c>serve</c> verb alike, so the plain command serves.
    /// Tokens System.CommandLine does not know (<c>--urls=...</c>, <c>--ProfileSite:ContentPath=...</c>)
    /// are handed to the host as configuration.
    /// </summary>
    public static RootCommand AddServeCommand(this RootCommand root, Func<string[], Task<int>> serve)
    {
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(result => serve([.. result.UnmatchedTokens]));

        var command = new Command("serve", "Serve the site (the default when no verb is given).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(result => serve([.. result.UnmatchedTokens]));
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
}
