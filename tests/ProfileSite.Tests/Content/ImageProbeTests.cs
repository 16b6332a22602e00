using ProfileSite.Content.Loading;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content;

public sealed class ImageProbeTests
{
    [Fact]
    public void RasterSize_ReadsPngHeader() => Assert.Equal((640, 480), ImageProbe.RasterSize(Png.Blank(640, 480)));

    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="480" height="300" viewBox="0 0 10 10">""", 480, 300)]
    [InlineData("""<?xml version="1.0"?><svg viewBox="0 0 320 200" xmlns="http://www.w3.org/2000/svg">""", 320, 200)]
    public void SvgSize_UsesWidthAndHeightThenViewBox(string svg, int width, int height) =>
        Assert.Equal((width, height), ImageProbe.SvgSize(svg));

    [Fact]
    public void Size_OfUnknownBytes_IsNull() => Assert.Null(ImageProbe.RasterSize("not an image at all"u8));

    [Fact]
    public void Size_OfShippedPlaceholders_IsKnown()
    {
        var images = Path.Combine(Repository.Root, "wwwroot", "images");
        foreach (var file in Directory.EnumerateFiles(images))
        {
            Assert.NotNull(ImageProbe.Size(file));
        }
    }
}
