using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ProfileSite.BrowserTests.Support;

/// <summary>Reads a PDF back as text with poppler's pdftotext, as a person copying from it would get it.</summary>
public static partial class PdfText
{
    public const string PdfToText = "/usr/bin/pdftotext";

    /// <summary>Skips (or in CI fails) the calling test when pdftotext is not installed.</summary>
    public static void RequireInstalled() =>
        Chromium.Require(PdfToText, "Print tests read the PDF with pdftotext (apt-get install -y poppler-utils).");

    /// <summary>The text of every page, pages separated by form feeds.</summary>
    /// <param name="pdf">The file.</param>
    /// <param name="raw">In the order it was drawn (<c>-raw</c>) rather than by position: each table cell's
    /// lines stay together instead of interleaving with the cells beside it.</param>
    public static async Task<string> ReadAsync(string pdf, bool raw = false)
    {
        var info = new ProcessStartInfo(PdfToText) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-enc");
        info.ArgumentList.Add("UTF-8");
        if (raw)
        {
            info.ArgumentList.Add("-raw");
        }

        info.ArgumentList.Add(pdf);
        info.ArgumentList.Add("-");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"pdftotext failed: {await errors}");
        return await output;
    }

    /// <summary>Words with single spaces: lines wrap anywhere in a PDF.</summary>
    public static string Flatten(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>
    /// Neither spaces nor hyphens, for comparing long tokens: a token wrapped over lines comes back
    /// in pieces, and pdftotext joins "over-\nparameterized" into "overparameterized".
    /// </summary>
    public static string Squeeze(string text) => WhitespaceOrHyphen().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\s-]+")]
    private static partial Regex WhitespaceOrHyphen();
}
