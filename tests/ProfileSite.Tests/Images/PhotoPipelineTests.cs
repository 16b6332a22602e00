using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using ProfileSite.Content;
using ProfileSite.Images;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Images;

/// <summary>
/// The photo fixtures end to end through the real app: phone photos, figures, a rotated portrait, CMYK, 16-bit,
/// transparent and animated images, each variant fetched as a browser would and read back with libvips.
/// </summary>
public sealed class PhotoPipelineTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    /// <summary>The test content with the fixtures as avatar, paper image and images in the About text.</summary>
    private void WritePhotoSite()
    {
        _content.CopyPhoto("avatar.jpg", "images/me.jpg")
            .CopyPhoto("figure1.png", "images/flows.png")
            .CopyPhoto("portrait-rotated.jpg", "images/portrait.jpg")
            .CopyPhoto("cmyk.jpg", "images/cmyk.jpg")
            .CopyPhoto("figure-16bit.png", "images/deep.png")
            .CopyPhoto("figure-wide.png", "images/wide.png")
            .CopyPhoto("animated.gif", "images/moving.gif");
        var profile = File.ReadAllText(Path.Combine(_content.ContentPath, "profile.yaml")).Replace("avatar: images/avatar.png", "avatar: images/me.jpg", StringComparison.Ordinal);
        _content.Write("profile.yaml", profile);
        _content.Write("about.md", """
            ---
            title: About Me
            ---
            Me at work: ![Portrait at the desk](images/portrait.jpg)

            ![A CMYK scan](images/cmyk.jpg) ![A 16-bit plot](images/deep.png) ![A transparent diagram](images/wide.png) ![A moving chart](images/moving.gif)
            """);
    }

    private SiteFactory Site(params (string Key, string Value)[] settings) => new(_content)
    {
        Configure = builder =>
        {
            builder.UseSetting("ProfileSite:Images:MaxConcurrency", "2");
            // Its own cache: these tests count what is encoded from cold and warm.
            builder.UseSetting("ProfileSite:Images:CachePath", Path.Combine(_content.Root, "image-cache"));
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        },
    };

    private static async Task<VariantGenerator> IdleAsync(SiteFactory site)
    {
        var generator = site.Services.GetRequiredService<VariantGenerator>();
        using var timeout = new CancellationTokenSource(Patience);
        await generator.WhenIdleAsync(timeout.Token);
        return generator;
    }

    /// <summary>
    /// A host stopped before its photos are made (while the encoders wait for the startup publish, or while
    /// they work) ends its encoder loop: it must not plan the same catalog again and again in a process that
    /// goes on (the test run; a host reused in one process).
    /// </summary>
    [Fact]
    public async Task StoppedBeforeTheVariantsAreMade_TheEncoderLoopEnds()
    {
        WritePhotoSite();
        var site = Site();
        _ = site.Server;
        var generator = site.Services.GetRequiredService<VariantGenerator>();
        Assert.NotNull(generator.ExecuteTask);
        Assert.False(generator.ExecuteTask.IsCompleted, "the encoders should still be waiting or working when the host stops");

        await site.DisposeAsync();

        await generator.ExecuteTask.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(generator.ExecuteTask.IsCompletedSuccessfully);
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string path) =>
        await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(path));

    /// <summary>Every srcset candidate on a page with the aspect ratio of its &lt;img&gt; box.</summary>
    private static IEnumerable<(string Url, int Width, double Ratio, string Type, string Alt)> Candidates(IHtmlDocument page)
    {
        foreach (var img in page.QuerySelectorAll("picture img").Cast<IHtmlImageElement>())
        {
            var ratio = double.Parse(img.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture)
                / double.Parse(img.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture);
            var sets = img.ParentElement!.QuerySelectorAll("source").Select(s => (s.GetAttribute("srcset")!, s.GetAttribute("type")!))
                .Append((img.GetAttribute("srcset")!, ""));
            foreach (var (srcset, type) in sets)
            {
                foreach (var candidate in srcset.Split(", "))
                {
                    var parts = candidate.Split(' ');
                    yield return (parts[0], int.Parse(parts[1].TrimEnd('w'), System.Globalization.CultureInfo.InvariantCulture), ratio, type, img.AlternativeText ?? "");
                }
            }
        }
    }

    private static void AssertNoMetadata(Image image, string url)
    {
        foreach (var field in new[] { "exif-data", "xmp-data", "iptc-data", "icc-profile-data" })
        {
            Assert.False(image.Contains(field), $"{url} carries {field}");
        }

        Assert.True(!image.Contains("orientation") || (int)image.Get("orientation") == 1, $"{url} carries an orientation tag");
    }

    [SkippableFact]
    public async Task PhotoSite_EveryVariantDecodesAtItsSize_UprightAndWithoutMetadata()
    {
        WritePhotoSite();
        await using var site = Site();
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await IdleAsync(site);

        var about = await PageAsync(client, "/");
        var paper = await PageAsync(client, "/publications/2024-flows");
        var candidates = Candidates(about).Concat(Candidates(paper)).Distinct().ToList();
        Assert.Equal(7, about.QuerySelectorAll("picture").Length); // avatar, card, five Markdown images
        Assert.Contains(candidates, c => c.Type == "image/avif");

        foreach (var (url, width, ratio, type, alt) in candidates)
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
            if (type.Length > 0)
            {
                Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            }

            var bytes = await response.Content.ReadAsByteArrayAsync();
            using var image = Image.NewFromBuffer(bytes, url.EndsWith(".gif", StringComparison.Ordinal) || url.Contains("moving", StringComparison.Ordinal) ? "[n=-1]" : "");
            var height = image.Contains("page-height") ? (int)image.Get("page-height") : image.Height;
            Assert.InRange(image.Width, width - 1, width + 1);
            Assert.InRange(height, (int)Math.Round(width * ratio) - 1, (int)Math.Round(width * ratio) + 1);
            AssertNoMetadata(image, url);
            if (alt == "A moving chart")
            {
                Assert.Equal(3, (int)image.Get("n-pages")); // every frame kept
            }

            if (alt == "Portrait at the desk")
            {
                // Shown upright: the same pixels as the original turned by its EXIF orientation.
                Assert.True(image.Width > height, $"{url} is {image.Width}x{height}");
                using var upright = Image.Thumbnail(PhotoFixtures.Path("portrait-rotated.jpg"), image.Width, height: height, size: Enums.Size.Force);
                using var difference = (image.ExtractBand(0, 3) - upright.ExtractBand(0, 3)).Abs();
                Assert.True(difference.Avg() < 12, $"{url} differs from the upright original by {difference.Avg():0.0} on average");
            }
        }

        // Link preview and icons, made from the photo whatever its format.
        var preview = about.Head!.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;
        using (var og = Image.NewFromBuffer(await client.GetByteArrayAsync(new Uri(preview).AbsolutePath)))
        {
            Assert.Equal((1200, 630, "jpegload_buffer"), (og.Width, og.Height, (string)og.Get("vips-loader")));
            AssertNoMetadata(og, preview);
        }

        using var manifest = JsonDocument.Parse(await client.GetStringAsync("/site.webmanifest"));
        var icons = about.Head.QuerySelectorAll("link[rel=icon], link[rel=apple-touch-icon]").Select(l => l.GetAttribute("href")!)
            .Concat(manifest.RootElement.GetProperty("icons").EnumerateArray().Select(i => i.GetProperty("src").GetString()!));
        int[] expected = [32, 180, 192, 512];
        Assert.Equal(expected, await Task.WhenAll(icons.Select(async icon =>
        {
            using var png = Image.NewFromBuffer(await client.GetByteArrayAsync(icon));
            Assert.Equal(png.Width, png.Height);
            return png.Width;
        })));

        await AssertExiftoolFindsNoPersonalDataAsync(client, candidates.First(c => c.Url.EndsWith(".jpg", StringComparison.Ordinal) && c.Url.Contains("/me-", StringComparison.Ordinal)).Url);
    }

    /// <summary>A second opinion from exiftool, where it is installed: the original has GPS, the variant has no EXIF, XMP or IPTC at all.</summary>
    private async Task AssertExiftoolFindsNoPersonalDataAsync(HttpClient client, string variantUrl)
    {
        if (!File.Exists("/usr/bin/exiftool"))
        {
            return; // NetVips has read every variant above
        }

        var variant = Path.Combine(_content.Root, "variant.jpg");
        await File.WriteAllBytesAsync(variant, await client.GetByteArrayAsync(variantUrl));
        Assert.Contains("GPS", await ExiftoolAsync(PhotoFixtures.Path("avatar.jpg")), StringComparison.Ordinal);
        var tags = await ExiftoolAsync(variant);
        foreach (var group in new[] { "[EXIF]", "[GPS]", "[XMP", "[IPTC]", "[ICC_Profile]", "[MakerNotes]" })
        {
            Assert.DoesNotContain(group, tags, StringComparison.Ordinal);
        }
    }

    private static async Task<string> ExiftoolAsync(string file)
    {
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/exiftool", ["-G", "-a", "-s", file]) { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    [SkippableFact]
    public async Task WarmCache_RestartEncodesNothing_AndAReloadEncodesOnlyTheChangedImage()
    {
        WritePhotoSite();
        int planned;
        await using (var first = Site())
        {
            _ = first.Server;
            var generator = await IdleAsync(first);
            planned = generator.Progress().Planned;
            Assert.Equal(planned, generator.Encoded);
        }

        await using var second = Site(("ProfileSite:ReloadDebounceMilliseconds", "50"));
        _ = second.Server;
        var restarted = await IdleAsync(second);
        Assert.Equal(0, restarted.Encoded);
        Assert.Equal(planned, restarted.Progress().Ready);

        // One image changes: only its variants are made again.
        var store = second.Services.GetRequiredService<ContentStore>();
        var before = store.Current;
        _content.CopyPhoto("figure2.png", "images/flows.png");
        var waited = Stopwatch.StartNew();
        while (store.Current.Version == before.Version && waited.Elapsed < Patience)
        {
            await Task.Delay(50);
        }

        await IdleAsync(second);
        var flowsKey = store.Current.PublicationsBySlug["2024-flows"].Image!.Facts!.VariantKey;
        Assert.NotEqual(before.PublicationsBySlug["2024-flows"].Image!.Facts!.VariantKey, flowsKey);
        var changed = store.Current.Images.Variants.Count(v => v.Key == flowsKey);
        Assert.True(changed > 0);
        Assert.Equal(changed, restarted.Encoded);
    }

    [SkippableFact]
    public async Task Concurrency_IsBoundedByTheSetting()
    {
        WritePhotoSite();
        await using var site = Site(("ProfileSite:Images:MaxConcurrency", "1"));
        _ = site.Server;

        var generator = await IdleAsync(site);

        Assert.True(generator.Encoded > 0);
        Assert.Equal(1, generator.PeakConcurrency);
    }

    [SkippableFact]
    public async Task VariantNotMade_RedirectsWithoutCaching_ToAMadeSiblingOrTheOriginal()
    {
        WritePhotoSite();
        await using var site = Site();
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await IdleAsync(site);
        var catalog = site.Services.GetRequiredService<ContentStore>().Current.Images;
        var cache = Path.Combine(_content.Root, "image-cache");
        var avif = catalog.Variants.First(v => v.FileName == "me-192.avif");

        // As if the AVIF were still being made: a browser that takes WebP gets the made WebP of the same width.
        File.Delete(Path.Combine(cache, avif.Key, avif.FileName));
        using var request = new HttpRequestMessage(HttpMethod.Get, avif.Url) { Headers = { { "Accept", "image/avif,image/webp,*/*" } } };
        using var sibling = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, sibling.StatusCode);
        Assert.Equal("no-store", sibling.Headers.CacheControl!.ToString());
        Assert.Matches("^/variants/[0-9a-f]{16}/me-192\\.webp$", sibling.Headers.Location!.ToString());

        // Nothing of the image made yet: the original, never a broken image.
        Directory.Delete(Path.Combine(cache, avif.Key), recursive: true);
        using var original = await client.GetAsync(avif.Url);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, original.StatusCode);
        Assert.Equal(_content.Asset("images/me.jpg"), original.Headers.Location!.ToString());

        // A key the snapshot does not name is simply not there.
        using var unknown = await client.GetAsync("/variants/0123456789abcdef/me-192.avif");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [SkippableFact]
    public async Task OriginalsOwnAddress_ServesTheCleanWholeCopy_NotTheFileWithItsGpsPosition()
    {
        WritePhotoSite();
        await using var site = Site();
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await IdleAsync(site);
        var catalog = site.Services.GetRequiredService<ContentStore>().Current.Images;
        var whole = catalog.Wholes["images/me.jpg"];
        var cache = Path.Combine(_content.Root, "image-cache");

        // Plain and fingerprinted: the whole photo, upright, without EXIF, GPS, XMP or IPTC.
        foreach (var (address, cacheControl) in new[] { ("/images/me.jpg", "public, max-age=300"), (_content.Asset("images/me.jpg"), "public, max-age=31536000, immutable") })
        {
            using var response = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(cacheControl, response.Headers.CacheControl!.ToString());
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
            using var image = Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal((2400, 2400), (image.Width, image.Height));
            AssertNoMetadata(image, address);
        }

        await AssertExiftoolFindsNoPersonalDataAsync(client, "/images/me.jpg");

        // The rotated portrait's own address shows it upright too.
        using (var portrait = Image.NewFromBuffer(await client.GetByteArrayAsync("/images/portrait.jpg")))
        {
            Assert.Equal((1600, 1200), (portrait.Width, portrait.Height));
            AssertNoMetadata(portrait, "/images/portrait.jpg");
        }

        // While the clean copy is being made: a made variant of the photo, kept by no cache.
        File.Delete(Path.Combine(cache, whole.Key, whole.FileName));
        using (var meanwhile = await client.GetAsync("/images/me.jpg"))
        {
            Assert.Equal(HttpStatusCode.TemporaryRedirect, meanwhile.StatusCode);
            Assert.Equal("no-store", meanwhile.Headers.CacheControl!.ToString());
            Assert.Matches("^/variants/[0-9a-f]{16}/me-384\\.jpg$", meanwhile.Headers.Location!.ToString());
        }

        // Nothing of it made yet (the first moments after an edit): the file itself, which no cache may keep.
        Directory.Delete(Path.Combine(cache, whole.Key), recursive: true);
        using var first = await client.GetAsync(_content.Asset("images/me.jpg"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("no-store", first.Headers.CacheControl!.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_content.WebRootPath, "images", "me.jpg")), await first.Content.ReadAsByteArrayAsync());
    }

    [SkippableFact]
    public async Task PublishedPages_AreTheSameBytes_BeforeAndAfterTheVariantsAreMade()
    {
        WritePhotoSite();
        string[] paths = ["/", "/publications/2024-flows", "/site.webmanifest", "/feed.xml"];
        var before = new List<byte[]>();
        await using (var cold = Site(("ProfileSite:Images:Generate", "false")))
        {
            using var client = cold.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await cold.WaitUntilPublishedAsync();
            foreach (var path in paths)
            {
                before.Add(await client.GetByteArrayAsync(path));
            }

            var avatar = (await PageAsync(client, "/")).QuerySelector("img.avatar")!.GetAttribute("src")!;
            using var notMade = await client.GetAsync(avatar);
            Assert.Equal(HttpStatusCode.TemporaryRedirect, notMade.StatusCode);
            Assert.Equal(0, cold.Services.GetRequiredService<VariantGenerator>().Progress().Ready);
        }

        await using var warm = Site();
        using var warmClient = warm.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var generator = await IdleAsync(warm);
        await warm.WaitUntilPublishedAsync();

        Assert.True(generator.Progress().Ready > 0);
        for (var i = 0; i < paths.Length; i++)
        {
            Assert.Equal(before[i], await warmClient.GetByteArrayAsync(paths[i]));
        }
    }

    [SkippableFact]
    public async Task UnwritableCacheFolder_KeepsVariantsInMemory_AndServesThem()
    {
        WritePhotoSite();
        var notAFolder = Path.Combine(_content.Root, "file");
        await File.WriteAllTextAsync(notAFolder, "a file where the cache folder would go");
        await using var site = Site(("ProfileSite:Images:CachePath", Path.Combine(notAFolder, "images")));
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await IdleAsync(site);

        Assert.Null(site.Services.GetRequiredService<VariantCache>().Folder);
        var avatar = (await PageAsync(client, "/")).QuerySelector("img.avatar")!.GetAttribute("src")!;
        using var response = await client.GetAsync(avatar);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
    }
}
