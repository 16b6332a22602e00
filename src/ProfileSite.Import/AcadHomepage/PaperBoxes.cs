using AngleSharp.Dom;

namespace ProfileSite.Import.AcadHomepage;

/// <summary>The card forms a paper takes on AcadHomepage pages.</summary>
internal static class PaperBoxes
{
    /// <summary>
    /// A paper card: the template's <c>paper-box</c> (and forks' <c>paper-box-top</c>, <c>paper-box-bottom</c>,
    /// extra classes), or a bare <c>paper-box-text</c> with no box around it.
    /// </summary>
    public static bool IsBox(IElement e) =>
        e.ClassList.Any(c => c.StartsWith("paper-box", StringComparison.OrdinalIgnoreCase) && c is not ("paper-box-image" or "paper-box-text"))
        || (e.ClassList.Contains("paper-box-text") && !HasBoxAncestor(e))
        || e.ClassList.Any(c => c is "publication" or "pub-item" or "paper-card" or "pub-card");

    private static bool HasBoxAncestor(IElement e)
    {
        for (var parent = e.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (IsBox(parent))
            {
                return true;
            }
        }

        return false;
    }

    public static IElement? ImagePart(IElement box) => box.QuerySelector(".paper-box-image");

    public static IElement TextPart(IElement box) =>
        box.ClassList.Contains("paper-box-text") ? box : box.QuerySelector(".paper-box-text") ?? box;
}
