using System.Text;

namespace ProfileSite.Content.Text;

/// <summary>
/// Keys for matching what people write differently: case, accents, punctuation and spacing
/// ignored. One place for it, used for the owner's name, co-authors, filters and citation titles.
/// </summary>
public static class MatchKey
{
    /// <summary>Letters and digits only: "Zhi-Qin John Xu" and "zhiqin  john xu" give the same key.</summary>
    public static string Name(string name) => Fold(name, keepWordBreaks: false);

    /// <summary>Words separated by one space: "Embedding Principle of Loss-Landscape." matches
    /// "embedding principle of loss landscape".</summary>
    public static string Title(string title) => Fold(title, keepWordBreaks: true);

    private static string Fold(string text, bool keepWordBreaks)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingBreak = false;
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingBreak && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                // Normalize() is a no-op under invariant globalization: fold precomposed accents ourselves.
                builder.Append(char.ToLowerInvariant(Bibtex.LatinLetters.Base(c)));
                pendingBreak = false;
            }
            else if (keepWordBreaks && (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)))
            {
                pendingBreak = true;
            }
        }

        return builder.ToString();
    }
}
