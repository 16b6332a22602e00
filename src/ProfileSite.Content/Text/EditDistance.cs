namespace ProfileSite.Content.Text;

/// <summary>Levenshtein distance: how many single-character insertions, deletions or substitutions turn one string into another.</summary>
public static class EditDistance
{
    /// <summary>
    /// The Levenshtein distance between <paramref name="a"/> and <paramref name="b"/>, compared by UTF-16 code unit
    /// (ordinal). O(|a|·|b|) time, O(|b|) memory. Used for "did you mean" suggestions and near-identical spellings.
    /// </summary>
    public static int Between(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
