namespace ProfileSite.Content.Loading;

/// <summary>Prints load problems the way compilers do: one <c>file:line:col: error: message</c> per line, then a summary.</summary>
public static class ContentReport
{
    public static void Write(TextWriter writer, ContentLoadResult result)
    {
        foreach (var problem in result.Problems.OrderByDescending(p => p.IsError))
        {
            writer.WriteLine(problem.ToString());
        }

        writer.WriteLine(
            $"{Plural(result.ErrorCount, "error")}, {Plural(result.WarningCount, "warning")} in {Plural(result.FileCount, "file")}");
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
