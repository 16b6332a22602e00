// image-libraries: libvips (NetVips) against SkiaSharp on the photo fixtures, the comparison behind the
// image pipeline's choice. Each library makes the variants the site plans for the fixture site's images
// (avatar 96/192/384, figures 224/448/672/896, portrait and CMYK at 448/896) as WebP and JPEG (both can),
// plus AVIF where the library can; and meets the bad images. Run each in its own process (peak RSS is the
// process's):
//   dotnet run bench/image-libraries.cs -- vips      (then: -- skia)
//   AVIF_EFFORT=4 dotnet run bench/image-libraries.cs -- vips   (libvips' AVIF effort; the site's default is 2)
#:package NetVips
#:package NetVips.Native
#:package SkiaSharp
#:package SkiaSharp.NativeAssets.Linux.NoDependencies
#:property TreatWarningsAsErrors=false
#:property AnalysisLevel=none
using System.Diagnostics;
using NetVips;
using SkiaSharp;

var library = args.FirstOrDefault() ?? "vips";
var effort = int.Parse(Environment.GetEnvironmentVariable("AVIF_EFFORT") ?? "2", System.Globalization.CultureInfo.InvariantCulture);
var photos = FindPhotos();
(string File, int[] Widths)[] work =
[
    ("avatar.jpg", [96, 192, 384]), ("figure1.png", [224, 448, 672, 896]), ("figure2.png", [224, 448, 672, 896]),
    ("figure3.png", [224, 448, 672, 896]), ("figure4.png", [224, 448, 672, 896]), ("figure5.png", [224, 448, 672, 896]),
    ("portrait-rotated.jpg", [448, 896]), ("cmyk.jpg", [448, 896]), ("figure-16bit.png", [448]),
];
Cache.Max = 0;
NetVips.NetVips.Concurrency = 1;
var timings = new Dictionary<string, (double Ms, long Bytes, int Count)>();
var clock = Stopwatch.StartNew();
foreach (var (file, widths) in work)
{
    var bytes = File.ReadAllBytes(Path.Combine(photos, file));
    foreach (var width in widths)
    {
        foreach (var format in new[] { "webp", "jpeg", "avif" })
        {
            var watch = Stopwatch.StartNew();
            var output = library == "vips" ? Vips(bytes, width, format, effort) : Skia(bytes, width, format);
            if (output is null)
            {
                continue;
            }

            var (ms, total, count) = timings.GetValueOrDefault(format);
            timings[format] = (ms + watch.Elapsed.TotalMilliseconds, total + output.Length, count + 1);
        }
    }
}

Console.WriteLine($"{library}: {clock.Elapsed.TotalSeconds:0.00} s in all, peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB");
foreach (var (format, (ms, total, count)) in timings)
{
    Console.WriteLine($"  {format,-5} {count,3} variants  {ms / 1000,6:0.00} s  {total / 1024,7} KB");
}

Console.WriteLine($"  AVIF encoder: {(timings.ContainsKey("avif") ? "yes" : "no")}");
Console.WriteLine($"  portrait-rotated.jpg (Orientation 6) comes out {Oriented(library, File.ReadAllBytes(Path.Combine(photos, "portrait-rotated.jpg")))}");
Console.WriteLine($"  truncated.jpg: {Truncated(library, File.ReadAllBytes(Path.Combine(photos, "truncated.jpg")))}");
Console.WriteLine($"  bomb-60000px.png: header says {Header(library, File.ReadAllBytes(Path.Combine(photos, "bomb-60000px.png")))} before any pixel is decoded");

static byte[] Vips(byte[] source, int width, string format, int effort)
{
    using var thumb = NetVips.Image.ThumbnailBuffer(source, width, height: 10_000_000, size: Enums.Size.Down, outputProfile: "srgb");
    using var image = thumb.Format == Enums.BandFormat.Uchar ? thumb.Copy() : thumb.Colourspace(Enums.Interpretation.Srgb);
    return format switch
    {
        "webp" => image.WebpsaveBuffer(q: 75, effort: 4, keep: Enums.ForeignKeep.None),
        "jpeg" => image.JpegsaveBuffer(q: 80, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None),
        _ => image.HeifsaveBuffer(q: 50, effort: effort, compression: Enums.ForeignHeifCompression.Av1, bitdepth: 8, keep: Enums.ForeignKeep.None),
    };
}

static byte[]? Skia(byte[] source, int width, string format)
{
    if (format == "avif")
    {
        return null; // SkiaSharp decodes AVIF but has no AVIF encoder (SKBitmap.Encode returns null)
    }

    using var codec = SKCodec.Create(new SKMemoryStream(source));
    var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
    using var full = new SKBitmap(info);
    codec.GetPixels(info, full.GetPixels());
    var turned = codec.EncodedOrigin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom;
    var (w, h) = turned ? (info.Height, info.Width) : (info.Width, info.Height);
    var tw = Math.Min(width, w);
    var th = (int)Math.Round((double)h * tw / w);
    using var scaled = new SKBitmap(new SKImageInfo(turned ? th : tw, turned ? tw : th, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
    full.ScalePixels(scaled, new SKSamplingOptions(SKCubicResampler.Mitchell));
    using var upright = new SKBitmap(new SKImageInfo(tw, th, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
    using (var canvas = new SKCanvas(upright))
    {
        if (codec.EncodedOrigin == SKEncodedOrigin.RightTop) { canvas.Translate(tw, 0); canvas.RotateDegrees(90); }
        if (codec.EncodedOrigin == SKEncodedOrigin.LeftBottom) { canvas.Translate(0, th); canvas.RotateDegrees(270); }
        canvas.DrawBitmap(scaled, 0, 0);
    }

    using var data = upright.Encode(format == "webp" ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Jpeg, format == "webp" ? 75 : 80);
    return data.ToArray();
}

static string Oriented(string library, byte[] bytes)
{
    if (library == "vips")
    {
        using var t = NetVips.Image.ThumbnailBuffer(bytes, 400, height: 10_000_000);
        return $"{t.Width}x{t.Height} (libvips turns it by itself)";
    }

    using var codec = SKCodec.Create(new SKMemoryStream(bytes));
    return $"{codec.Info.Width}x{codec.Info.Height} with EncodedOrigin {codec.EncodedOrigin} (turning it is ours to write)";
}

static string Truncated(string library, byte[] bytes)
{
    if (library == "vips")
    {
        try
        {
            using var t = NetVips.Image.ThumbnailBuffer(bytes, 64, "[fail_on=truncated]", height: 64);
            return $"decoded ({t.Avg():0})";
        }
        catch (VipsException ex)
        {
            return "refused: " + ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        }
    }

    using var codec = SKCodec.Create(new SKMemoryStream(bytes));
    using var bitmap = new SKBitmap(codec.Info);
    return $"GetPixels says {codec.GetPixels(codec.Info, bitmap.GetPixels())} (the missing part is grey)";
}

static string Header(string library, byte[] bytes)
{
    if (library == "vips")
    {
        using var image = NetVips.Image.NewFromBuffer(bytes);
        return $"{image.Width}x{image.Height}";
    }

    using var codec = SKCodec.Create(new SKMemoryStream(bytes));
    return $"{codec.Info.Width}x{codec.Info.Height}";
}

static string FindPhotos()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        var photos = Path.Combine(dir.FullName, "shared", "fixtures", "photos");
        if (File.Exists(Path.Combine(photos, "avatar.jpg")))
        {
            return photos;
        }
    }

    throw new InvalidOperationException("shared/fixtures/photos not found above the current folder");
}
