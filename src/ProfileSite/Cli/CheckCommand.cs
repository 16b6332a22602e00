using System.CommandLine;
using System.CommandLine.Invocation;
using ProfileSite.Content.Loading;
using ProfileSite.Images;

namespace ProfileSite.Cli;

/// <summary>
/// <c>ProfileSite check [--content DIR] [--webroot DIR] [--strict]</c>: validates the content as
/// serving would (the files, then every page and document they publish), prints every problem and
/// a summary, and exits 0 (valid, warnings allowed), 1 (content errors) or 2 (usage error).
/// <c>--strict</c> makes the warnings about <c>.bib</c> files (repairs and skips) errors, as the
/// <c>ProfileSite:StrictBibtex</c> setting does.
/// </summary>
public static class CheckCommand
{
    public const int Valid = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;

    public static RootCommand AddCheckCommand(this RootCommand root, Func<string[], Task<int>> serve)
    {
        var content = new Option<string>("--content")
        {
            Description = "The content folder (default: as serving resolves it from settings).",
            HelpName = "DIR",
        };
        var webRoot = new Option<string>("--webroot")
        {
            Description = "The web root images are checked against (default: as serving resolves it).",
            HelpName = "DIR",
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Make every repair or skip in a .bib file an error (as ProfileSite:StrictBibtex does).",
        };
        var command = new Command("check", "Validate the content without serving it.") { content, webRoot, strict };
        command.Action = new CheckAction(content, webRoot, strict, serve);
        root.Subcommands.Add(command);
        return root;
    }

    /// <summary>
    /// Runs even when parsing failed (<see cref="ClearsParseErrors"/>), so that a usage error
    /// exits with 2 rather than System.CommandLine's default 1, which here means "content errors".
    /// </summary>
    private sealed class CheckAction(
        Option<string> contentOption, Option<string> webRootOption, Option<bool> strictOption, Func<string[], Task<int>> serve)
        : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            // Unknown tokens are not parse errors here: the root command lets them through for serve's host settings.
            var usage = parseResult.Errors.Select(e => e.Message)
                .Concat(parseResult.UnmatchedTokens.Select(t => $"unrecognized argument '{t}'"))
                .ToList();
            if (usage.Count > 0)
            {
                return Usage(usage);
            }

            var content = parseResult.GetValue(contentOption);
            var webRoot = parseResult.GetValue(webRootOption);
            foreach (var (option, value) in new[] { ("--content", content), ("--webroot", webRoot) })
            {
                if (value is not null && !Directory.Exists(value))
                {
                    usage.Add($"{option}: folder not found: {value}");
                }
            }

            if (usage.Count > 0)
            {
                return Usage(usage);
            }

            var options = Settings();
            options.ContentPath = content ?? options.ContentPath;
            options.WebRootPath = webRoot ?? options.WebRootPath;
            options.StrictBibtex |= parseResult.GetValue(strictOption);
            var paths = ContentPaths.Resolve(options, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
            var result = ContentStartup.Read(paths, options, ImageServiceCollectionExtensions.Inspector(ImageSettings()));
            if (result.Succeeded)
            {
                // The files are valid; now every page and document they make must build.
                var unpublished = PublishCheck.RunAsync(serve, paths, CancellationToken.None).GetAwaiter().GetResult();
                if (unpublished.Count > 0)
                {
                    result = new ContentLoadResult(null, [.. unpublished, .. result.Problems], result.FileCount);
                }
            }

            ContentReport.Write(Console.Out, result);
            return result.Succeeded ? Valid : ContentErrors;
        }

        private static int Usage(IEnumerable<string> problems)
        {
            foreach (var problem in problems)
            {
                Console.Error.WriteLine($"check: {problem}");
            }

            Console.Error.WriteLine("usage: ProfileSite check [--content DIR] [--webroot DIR] [--strict]");
            return UsageError;
        }

        /// <summary>The image settings (pixel limit, timeouts) from the same sources serving reads.</summary>
        private static ImageOptions ImageSettings() =>
            WebApplication.CreateBuilder().Configuration.GetSection(ImageOptions.Section).Get<ImageOptions>() ?? new();

        /// <summary>The operator's settings from the same sources serving reads (appsettings, environment).</summary>
        private static ProfileSiteOptions Settings() =>
            WebApplication.CreateBuilder().Configuration.GetSection(ProfileSiteOptions.Section).Get<ProfileSiteOptions>() ?? new();
    }
}
