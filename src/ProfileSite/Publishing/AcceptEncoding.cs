using System.Globalization;

namespace ProfileSite.Publishing;

/// <summary>The content codings the site sends: the precompressed forms and the bytes as they are.</summary>
public enum ContentCoding
{
    Identity,
    Gzip,
    Brotli,
}

/// <summary>
/// Chooses a content coding from <c>Accept-Encoding</c> as RFC 9110 section 12.5.3 defines it:
/// each coding with an optional weight (<c>br;q=0.8</c>), <c>*</c> for every coding not named,
/// <c>q=0</c> for "not acceptable", and <c>identity</c> acceptable unless excluded by name or by
/// <c>*;q=0</c> (but preferred only when named with a weight). Among the acceptable codings on
/// offer the highest weight wins; on a tie the smaller body (Brotli, then gzip, then identity). No header means identity, as servers answer
/// clients that did not ask. Parsed without allocating: this runs on every request.
/// </summary>
public static class AcceptEncoding
{
    /// <summary>The coding to send for this header, given which compressed forms exist.</summary>
    public static ContentCoding Choose(ReadOnlySpan<char> header, bool hasGzip, bool hasBrotli)
    {
        if (header.IsEmpty || !(hasGzip || hasBrotli))
        {
            return ContentCoding.Identity;
        }

        double? brotli = null, gzip = null, identity = null, star = null;
        while (!header.IsEmpty)
        {
            var comma = header.IndexOf(',');
            var item = (comma < 0 ? header : header[..comma]).Trim();
            header = comma < 0 ? [] : header[(comma + 1)..];
            if (item.IsEmpty)
            {
                continue;
            }

            var semicolon = item.IndexOf(';');
            var coding = (semicolon < 0 ? item : item[..semicolon]).Trim();
            var weight = semicolon < 0 ? 1.0 : Weight(item[(semicolon + 1)..]);
            if (weight is null)
            {
                continue; // a malformed weight: ignore the item rather than guess
            }

            if (coding.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                brotli = Max(brotli, weight.Value);
            }
            else if (coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = Max(gzip, weight.Value);
            }
            else if (coding.Equals("identity", StringComparison.OrdinalIgnoreCase))
            {
                identity = Max(identity, weight.Value);
            }
            else if (coding.SequenceEqual("*"))
            {
                star = Max(star, weight.Value);
            }
        }

        var br = hasBrotli ? brotli ?? star ?? 0 : 0;
        var gz = hasGzip ? gzip ?? star ?? 0 : 0;
        // Identity is acceptable unless excluded, but preferred only when the client weighs it: unnamed,
        // it counts as the least non-zero weight (0.001), so "gzip;q=0.5" still gets gzip.
        var id = identity ?? (star is 0 ? 0 : 0.001);

        // A tie goes to the smaller body; identity only when it weighs strictly more.
        if (br > 0 && br >= gz && br >= id)
        {
            return ContentCoding.Brotli;
        }

        if (gz > 0 && gz >= id)
        {
            return ContentCoding.Gzip;
        }

        // Identity even when the client excluded it and nothing else fits: a body it may refuse
        // beats a 406 page, which every browser would show instead of the site.
        return ContentCoding.Identity;
    }

    /// <summary>The value of <c>q=</c> among a coding's parameters (RFC 9110 section 12.4.2: 0 to 1, three decimals); null when malformed.</summary>
    private static double? Weight(ReadOnlySpan<char> parameters)
    {
        while (!parameters.IsEmpty)
        {
            var semicolon = parameters.IndexOf(';');
            var parameter = (semicolon < 0 ? parameters : parameters[..semicolon]).Trim();
            parameters = semicolon < 0 ? [] : parameters[(semicolon + 1)..];
            var equals = parameter.IndexOf('=');
            if (equals < 0 || !parameter[..equals].Trim().Equals("q", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = parameter[(equals + 1)..].Trim();
            return value.Length is > 0 and <= 5
                && double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) && q is >= 0 and <= 1
                ? q
                : null;
        }

        return 1.0;
    }

    private static double Max(double? current, double weight) => current is { } c ? Math.Max(c, weight) : weight;
}
