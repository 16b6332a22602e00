using System.Collections.Immutable;

namespace ProfileSite.Pages;

/// <summary>The line under the Publications heading: what the marks mean and where the full list is.</summary>
public sealed record PublicationLegend(ImmutableArray<Publication> Papers, ProfileLink? GoogleScholar)
{
    /// <summary>"* denotes equal contribution, † denotes corresponding author, see the full list in "
    /// (the link follows), with only the parts that apply; null when nothing applies.</summary>
    public string? Sentence
    {
        get
        {
            List<string> parts = [];
            if (Papers.Any(p => p.HasEqualContribution))
            {
                parts.Add("* denotes equal contribution");
            }

            if (Papers.Any(p => p.HasCorresponding))
            {
                parts.Add("† denotes corresponding author");
            }

            if (GoogleScholar is not null)
            {
                parts.Add(parts.Count == 0 ? "See the full list in " : "see the full list in ");
            }

            return parts.Count == 0 ? null : string.Join(", ", parts);
        }
    }
}
