using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ProfileSite.Content.Loading;

/// <summary>
/// Reads an image's intrinsic size from its header (PNG, JPEG, GIF, WebP, SVG) so every
/// <c>&lt;img&gt;</c> gets width and height and the page does not shift while images load.
/// </summary>
internal static partial class ImageProbe
{
    public static (int Width, int Height)? Size(string path)
    {
        try
        {
            return Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".svg" => SvgSize(File.ReadAllText(path)),
                _ => RasterSize(ReadHead(path)),
            };
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static byte[] ReadHead(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[(int)Math.Min(stream.Length, 64 * 1024)];
        stream.ReadExactly(buffer);
        return buffer;
    }

    internal static (int, int)? RasterSize(ReadOnlySpan<byte> b)
    {
        // PNG: signature, then the IHDR chunk with big-endian width and height.
        if (b.Length >= 24 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (BinaryPrimitives.ReadInt32BigEndian(b[16..]), BinaryPrimitives.ReadInt32BigEndian(b[20..]));
        }

        // GIF: little-endian logical screen size.
        if (b.Length >= 10 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F')
        {
            return (BinaryPrimitives.ReadUInt16LittleEndian(b[6..]), BinaryPrimitives.ReadUInt16LittleEndian(b[8..]));
        }

        // WebP: RIFF container with a VP8X, VP8 or VP8L chunk.
        if (b.Length >= 30 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            var chunk = b[12..16];
            if (chunk.SequenceEqual("VP8X"u8))
            {
                return (1 + (b[24] | b[25] << 8 | b[26] << 16), 1 + (b[27] | b[28] << 8 | b[29] << 16));
            }

            if (chunk.SequenceEqual("VP8 "u8))
            {
                return (BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF);
            }

            if (chunk.SequenceEqual("VP8L"u8))
            {
                var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
                return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
            }
        }

        // JPEG: walk the segments to the first start-of-frame marker.
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8)
        {
            var i = 2;
            while (i + 9 < b.Length && b[i] == 0xFF)
            {
                var marker = b[i + 1];
                var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
                if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                {
                    return (BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]));
                }

                i += 2 + length;
            }
        }

        return null;
    }

    internal static (int, int)? SvgSize(string svg)
    {
        var root = SvgRoot().Match(svg);
        if (!root.Success)
        {
            return null;
        }

        var attributes = root.Value;
        var width = Number(SvgWidth().Match(attributes));
        var height = Number(SvgHeight().Match(attributes));
        if (width is > 0 && height is > 0)
        {
            return ((int)Math.Round(width.Value), (int)Math.Round(height.Value));
        }

        var viewBox = SvgViewBox().Match(attributes);
        if (viewBox.Success)
        {
            var parts = viewBox.Groups[1].Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 4
                && double.TryParse(parts[2], CultureInfo.InvariantCulture, out var w)
                && double.TryParse(parts[3], CultureInfo.InvariantCulture, out var h) && w > 0 && h > 0)
            {
                return ((int)Math.Round(w), (int)Math.Round(h));
            }
        }

        return null;
    }

    private static double? Number(Match match) =>
        match.Success && double.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var value) ? value : null;

    [GeneratedRegex(@"<svg\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex SvgRoot();

    [GeneratedRegex(@"\swidth\s*=\s*[""']\s*([\d.]+)\s*(?:px)?\s*[""']", RegexOptions.IgnoreCase)]
    private static partial Regex SvgWidth();

    [GeneratedRegex(@"\sheight\s*=\s*[""']\s*([\d.]+)\s*(?:px)?\s*[""']", RegexOptions.IgnoreCase)]
    private static partial Regex SvgHeight();

    [GeneratedRegex(@"\sviewBox\s*=\s*[""']([^""']+)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex SvgViewBox();
}
