using System.Collections.Immutable;

namespace ProfileSite.Pages;

/// <summary>The line under the Publications heading: what the marks mean and where the full list is
/// (<c>_PublicationLegend</c> writes it in the page's language, with only the parts that apply).</summary>
public sealed record PublicationLegend(ImmutableArray<Publication> Papers, ProfileLink? GoogleScholar)
{
    /// <summary>Some author carries '*'.</summary>
    public bool HasEqualContribution => Papers.Any(p => p.HasEqualContribution);

    /// <summary>Some author carries '†'.</summary>
    public bool HasCorresponding => Papers.Any(p => p.HasCorresponding);
}
