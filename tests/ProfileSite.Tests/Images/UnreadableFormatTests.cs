using System.Buffers.Binary;
using ProfileSite.Content;
using ProfileSite.Content.Loading;
using ProfileSite.Images;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Images;

/// <summary>
/// Real images this libvips cannot read (a BMP from Paint, an iPhone's HEVC-compressed HEIC) are warnings that say
/// what the file is and what to do, never that the file is not an image or may be corrupt.
/// </summary>
public sealed class UnreadableFormatTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private ContentLoadResult Load() =>
        ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath)
        {
            Images = new VipsImageInspector(new ImageOptions()),
        });

    private string AboutWarning(string image)
    {
        _content.Write("about.md", $"---\ntitle: About Me\n---\nA figure: ![Results]({image})\n");
        var result = Load();
        Assert.DoesNotContain("<img", result.Content!.About.Html, StringComparison.Ordinal);
        return Assert.Single(result.Problems, p => p.File.EndsWith("about.md", StringComparison.Ordinal)).ToString();
    }

    /// <summary>A 24-bit BMP (BITMAPINFOHEADER, bottom-up rows padded to 4 bytes) as Windows' Paint saves it.</summary>
    private static byte[] Bmp(int width, int height)
    {
        var stride = (width * 3 + 3) & ~3;
        var bytes = new byte[54 + stride * height];
        "BM"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(2), bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(28), 24);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(34), stride * height);
        bytes.AsSpan(54).Fill(0x80);
        return bytes;
    }

    [Fact]
    public void BmpFigure_IsNamedAsABmpImage_NotAsSomethingElse()
    {
        var path = Path.Combine(_content.WebRootPath, "images", "scan.bmp");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Bmp(40, 30));

        var warning = AboutWarning("images/scan.bmp");

        Assert.Equal(
            "content/about.md:4:11: warning: image images/scan.bmp is a BMP image, a format this site cannot read; save it as JPEG or PNG; the image is left out",
            warning);
    }

    [SkippableFact]
    public void HevcHeicPhoto_SaysTheDecoderIsMissing_AndHowToExportIt()
    {
        // 16x16, HEVC-compressed, made with `vips heifsave --compression hevc` (x265): what an iPhone saves by default.
        var path = Path.Combine(_content.WebRootPath, "images", "IMG_0001.HEIC");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Path.Combine(Repository.Root, "tests", "ProfileSite.Tests", "Images", "Inputs", "tiny-hevc.heic"), path);
        Skip.If(new VipsImageInspector(new ImageOptions()).Inspect(path).Facts is not null, "This libvips decodes HEVC, so there is nothing to warn about.");

        var warning = AboutWarning("images/IMG_0001.HEIC");

        Assert.StartsWith("content/about.md:4:11: warning: image images/IMG_0001.HEIC is a HEIC photo compressed with HEVC, which this site cannot decode", warning, StringComparison.Ordinal);
        Assert.Contains("export it as JPEG", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("truncated or corrupt", warning, StringComparison.Ordinal);
    }
}
