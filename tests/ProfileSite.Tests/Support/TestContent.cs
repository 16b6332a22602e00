namespace ProfileSite.Tests.Support;

/// <summary>
/// A small but complete content folder (and web root) in a temp directory, written from real
/// files: each test starts valid and changes only what it is about. Deleted on dispose.
/// </summary>
public sealed class TestContent : IDisposable
{
    public TestContent()
    {
        Root = Directory.CreateTempSubdirectory("profilesite-").FullName;
        ContentPath = Path.Combine(Root, "content");
        WebRootPath = Path.Combine(Root, "wwwroot");
        Directory.CreateDirectory(Path.Combine(ContentPath, "publications"));
        Directory.CreateDirectory(Path.Combine(ContentPath, "sections"));
        Directory.CreateDirectory(Path.Combine(WebRootPath, "images"));
        Directory.CreateDirectory(Path.Combine(WebRootPath, "css"));

        Write("site.yaml", """
            title: Ada Example - Homepage
            description: Ada Example studies graph algorithms.
            url: https://ada.example.org/
            language: en
            """);
        Write("profile.yaml", """
            name: Ada Example
            aliases: [A. Example]
            avatar: images/avatar.png
            bio: Professor of *Computer Science*
            location: Zurich, Switzerland
            employer: Example University
            employer_url: https://uni.example.org/
            email: ada@example.org
            links:
              google_scholar: ABCDEFGAAAAJ
              github: ada-example
              orcid: 0000-0002-1825-0097
            """);
        Write("about.md", """
            ---
            title: About Me
            ---
            I work on **graph algorithms** at [Example University](https://uni.example.org/).
            """);
        Write("news.yaml", """
            - date: 2024.09
              text: ":tada: Paper accepted to NeurIPS 2024!"
            - date: 2023-05
              text: Gave a talk at [ICALP](https://icalp.example.org/).
            """);
        Write("publications/2024-flows.md", """
            ---
            title: Faster Flows in Sparse Graphs
            authors: [Ada Example*, Bob Coauthor*, Carol Senior†]
            venue: NeurIPS 2024
            badge: NeurIPS 2024
            date: 2024-09
            url: https://papers.example.org/flows
            image: images/flows.png
            summary: We make flows **faster**.
            selected: true
            links:
              pdf: https://papers.example.org/flows.pdf
              arxiv: 2401.00001
            ---
            The abstract of the flows paper.
            """);
        Write("publications/2022-cuts.md", """
            ---
            title: Cuts and Where to Find Them
            authors: [Dan Other, A. Example]
            venue: SODA 2022
            badge: SODA
            year: 2022
            url: https://papers.example.org/cuts
            summary: A survey of cuts.
            ---
            """);
        WriteImage("images/avatar.png", 64, 64);
        WriteImage("images/flows.png", 480, 300);
        File.WriteAllText(Path.Combine(WebRootPath, "css", "site.css"), "body { margin: 0; }\n");
    }

    public string Root { get; }

    public string ContentPath { get; }

    public string WebRootPath { get; }

    /// <summary>Writes a content file (relative to the content folder); the text is used as is.</summary>
    public TestContent Write(string relativePath, string text)
    {
        var path = Path.Combine(ContentPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public TestContent WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(ContentPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    public TestContent Delete(string relativePath)
    {
        File.Delete(Path.Combine(ContentPath, relativePath));
        return this;
    }

    /// <summary>A real, minimal PNG of the given size under the web root.</summary>
    public TestContent WriteImage(string relativePath, int width, int height)
    {
        var path = Path.Combine(WebRootPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Png.Blank(width, height));
        return this;
    }

    /// <summary>
    /// The URL path the site gives a web root file (<c>images/avatar.png</c> becomes
    /// <c>/images/avatar.HASH.png</c>): its fingerprinted name, as the files are now.
    /// </summary>
    public string Asset(string webRootPath)
    {
        Assert.True(global::ProfileSite.Content.Addresses.AssetTable.Build(WebRootPath).TryGet(webRootPath, out var asset), $"no {webRootPath} in the web root");
        return "/" + asset.FingerprintedPath;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a server that is shutting down; the OS temp cleaner gets it.
        }
    }
}

/// <summary>Writes valid PNG files, so image probing is tested on real bytes.</summary>
internal static class Png
{
    public static byte[] Blank(int width, int height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        Chunk(stream, "IHDR", header);
        var raw = new byte[(width + 1) * height];
        using var compressed = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(raw);
        }

        Chunk(stream, "IDAT", compressed.ToArray());
        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. typeBytes, .. data]));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
