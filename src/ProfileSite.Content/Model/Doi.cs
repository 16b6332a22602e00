using System.Text;
using System.Text.RegularExpressions;

namespace ProfileSite.Content;

/// <summary>
/// Digital Object Identifiers: any <c>10.&lt;registrant&gt;/&lt;suffix&gt;</c> whose suffix is
/// printable (DOI Handbook §2.2: the suffix may hold any printable Unicode character, so
/// <c>10.1002/(SICI)1097-4636(199706)35:4&lt;471::AID-JBM8&gt;3.0.CO;2-H</c> is valid), and the
/// resolver link with what a URL path cannot carry percent-encoded (RFC 3986 §3.3; DOI Handbook
/// §3.8.3 names <c>&lt; &gt; " # % { } | \ ^ [ ] `</c> and spaces).
/// </summary>
public static partial class Doi
{
    /// <summary>
    /// The bare DOI from what was written: bare, <c>doi:10...</c>, or a DOI resolver's URL (decoded):
    /// doi.org, dx.doi.org, and the publishers' own proxies that older exports wrote, ACM's
    /// <c>doi.acm.org</c> and the IEEE Computer Society's <c>doi.ieeecomputersociety.org</c>; null when it is not a DOI.
    /// </summary>
    public static string? Parse(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return null;
        }

        var doi = written.Trim();
        if (Resolver().Match(doi) is { Success: true } resolver)
        {
            doi = Uri.UnescapeDataString(doi[resolver.Length..].Trim());
        }
        else
        {
            foreach (var prefix in new[] { "doi:", "DOI:", "DOI " })
            {
                if (doi.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    doi = doi[prefix.Length..].Trim();
                    break;
                }
            }
        }

        return Pattern().IsMatch(doi) ? doi : null;
    }

    /// <summary>
    /// The first DOI of a value that holds several run together, or null when it holds one: NASA ADS
    /// joins a record's DOIs with nothing between them
    /// (<c>10.1140/epjc/s10052-020-7683-610.48550/arXiv.1912.06970</c>, the article's and arXiv's),
    /// and people separate them with spaces, commas or semicolons. A second DOI is a
    /// <c>10.</c>, a registrant code of four or more digits and a slash inside the first one's
    /// suffix (DOI Handbook §2.2.2: registrant codes of assigned DOIs have four or more digits).
    /// </summary>
    public static string? FirstOfSeveral(string doi)
    {
        var slash = doi.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || Second().Match(doi, slash + 1) is not { Success: true } second)
        {
            return null;
        }

        var first = doi[..second.Index].TrimEnd(' ', ',', ';', '\t');
        return Pattern().IsMatch(first) ? first : null;
    }

    [GeneratedRegex(@"(?<=[\p{L}\p{N}\s,;])10\.\d{4,9}/", RegexOptions.CultureInvariant)]
    private static partial Regex Second();

    /// <summary>The resolver URL: <c>https://doi.org/</c> and the DOI with unsafe characters percent-encoded (UTF-8).</summary>
    public static string ToUrl(string doi)
    {
        var builder = new StringBuilder("https://doi.org/", 16 + doi.Length);
        foreach (var b in Encoding.UTF8.GetBytes(doi))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".Contains(c, StringComparison.Ordinal)))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^(?:https?://)?(?:dx\.doi\.org|doi\.org|doi\.acm\.org|doi\.ieeecomputersociety\.org)/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Resolver();

    // "10." a registrant code of digits and dots, "/", then a suffix of printable characters.
    [GeneratedRegex(@"^10\.\d{2,9}(?:\.\d+)*/\S(?:[^\p{C}]*\S)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
