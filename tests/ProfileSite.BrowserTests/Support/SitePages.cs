namespace ProfileSite.BrowserTests.Support;

/// <summary>A page the suite visits, and the status it must answer with.</summary>
public sealed record SitePage(string Path, int Status);

/// <summary>
/// Every page the browser suite checks. Add a page here and every check (axe in both themes and
/// both widths, structure, phones, hygiene, screenshots) covers it.
/// </summary>
public static class SitePages
{
    public static IReadOnlyList<SitePage> All { get; } =
    [
        new("/", 200),
        new("/publications", 200),
        new("/publications?type=conference&tag=dropout", 200),
        new("/publications/2024-tpami-implicit-regularization-of-dropout", 200),
        new(BrowserSite.MathPaperPath, 200),
        new("/no-such-page", 404),
    ];

    /// <summary>The expected status of a listed path (theory data carries only the path, so test names stay readable).</summary>
    public static int StatusOf(string path) => All.Single(p => p.Path == path).Status;

    public static TheoryData<string> Paths => [.. All.Select(p => p.Path)];

    /// <summary>Every page at the narrow phone widths.</summary>
    public static TheoryData<string, int> PathsAtPhoneWidths => Combine([Viewports.SmallPhone, Viewports.Phone]);

    private static TheoryData<string, int> Combine(int[] widths)
    {
        var data = new TheoryData<string, int>();
        foreach (var page in All)
        {
            foreach (var width in widths)
            {
                data.Add(page.Path, width);
            }
        }

        return data;
    }
}

/// <summary>The widths the suite looks at, in CSS pixels.</summary>
public static class Viewports
{
    public const int SmallPhone = 360;
    public const int Phone = 375;
    public const int Desktop = 1280;

    /// <summary>A plausible height for a width: phones are tall, desktops wide.</summary>
    public static int HeightFor(int width) => width < 800 ? 740 : 800;
}
