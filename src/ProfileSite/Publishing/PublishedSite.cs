using System.Collections.Concurrent;
using System.Collections.Frozen;
using ProfileSite.Content.Addresses;

namespace ProfileSite.Publishing;

/// <summary>What a published resource is: a page (one representation per theme) or a document (one).</summary>
public enum ResourceKind
{
    Page,
    Document,
}

/// <summary>
/// One address of the site and what it answers, built when the snapshot is published. The key is
/// the decoded site path plus, for a filtered list, its canonical query (<c>/publications?tag=x</c>);
/// a language prefix later is more path (<c>/zh-CN/publications</c>), an image variant another path
/// with its content hash in the name: neither needs a new kind of key.
/// </summary>
/// <param name="path">The decoded site path, below the base path.</param>
/// <param name="query">The canonical encoded query string without <c>?</c>, or null.</param>
/// <param name="kind">Page or document.</param>
/// <param name="source">The content file it is built from, for error messages.</param>
public sealed class PublishedResource(string path, string? query, ResourceKind kind, string source)
{
    /// <summary>Themes a page is rendered in: the device's setting, light, dark (see <see cref="Theming.ThemeChoice"/>).</summary>
    public static readonly string[] Themes = ["", "light", "dark"];

    private readonly Representation?[] _variants = new Representation?[kind == ResourceKind.Page ? Themes.Length : 1];
    private readonly TaskCompletionSource<Representation?>[] _ready = [.. Enumerable.Range(0, kind == ResourceKind.Page ? Themes.Length : 1)
        .Select(_ => new TaskCompletionSource<Representation?>(TaskCreationOptions.RunContinuationsAsynchronously))];

    public string Path { get; } = path;

    public string? Query { get; } = query;

    public ResourceKind Kind { get; } = kind;

    public string Source { get; } = source;

    /// <summary>The lookup key: path, and the query when there is one.</summary>
    public string Key => Query is null ? Path : Path + "?" + Query;

    /// <summary>True once building one of its representations failed (it is then answered as any unpublished address).</summary>
    public bool Failed { get; private set; }

    /// <summary>How many representations it has: one per theme for a page, one for a document.</summary>
    public int VariantCount => _variants.Length;

    /// <summary>The representation for a theme index (documents have one, index 0); null until built or when building failed.</summary>
    public Representation? Variant(int theme) => Volatile.Read(ref _variants[Index(theme)]);

    /// <summary>Completes with the representation once it is built, or with null when building it failed.</summary>
    public Task<Representation?> VariantReady(int theme) => _ready[Index(theme)].Task;

    public IEnumerable<Representation> Variants => _variants.OfType<Representation>();

    internal void Set(int theme, Representation? representation)
    {
        if (representation is null)
        {
            Failed = true;
        }

        Volatile.Write(ref _variants[theme], representation);
        _ready[theme].TrySetResult(representation);
    }

    private int Index(int theme) => Kind == ResourceKind.Page ? theme : 0;
}

/// <summary>
/// Every resource of one snapshot for one public URL, with the index that maps other spellings of
/// an address (case, trailing slash, <c>index.html</c>) to it, and a bounded cache for the list
/// pages filters make on demand. Immutable once built, apart from compressed forms arriving.
/// </summary>
public sealed class PublishedSite
{
    private readonly FrozenDictionary<string, PublishedResource> _resources;
    private readonly FrozenDictionary<string, PublishedResource> _byKey;
    private readonly BoundedCache<Representation?> _filtered;
    private int _used;

    public PublishedSite(SiteContent content, SiteAddresses addresses, IEnumerable<PublishedResource> resources, long filteredCacheBytes)
    {
        Content = content;
        Addresses = addresses;
        var list = resources.ToList();
        _resources = list.ToFrozenDictionary(r => r.Key, StringComparer.Ordinal);
        _byKey = list.Where(r => r.Query is null)
            .GroupBy(r => SitePath.Key(r.Path), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Resources = list;
        _filtered = new BoundedCache<Representation?>(filteredCacheBytes);
        HostKey = addresses.PublicBase is { } b ? HostKeyOf(b.Scheme, b.Authority) : "";
    }

    public SiteContent Content { get; }

    /// <summary>The addresses of this site, with its public URL.</summary>
    public SiteAddresses Addresses { get; }

    /// <summary>Every resource, in the order they are built (most visited first).</summary>
    public IReadOnlyList<PublishedResource> Resources { get; }

    /// <summary><c>scheme://host[:port]</c> of the public URL: how requests are matched to this site when <c>url</c> is unset.</summary>
    public string HostKey { get; }

    /// <summary>The filtered list pages built on demand so far (bounded by size).</summary>
    public int FilteredCount => _filtered.Count;

    /// <summary>The resource at exactly this key (decoded path, and <c>?query</c> for filtered lists).</summary>
    public bool TryGet(string key, out PublishedResource resource) => _resources.TryGetValue(key, out resource!);

    /// <summary>The resource another spelling of a path names (<c>/Publications/</c>, <c>/index.html</c>).</summary>
    public bool TryGetBySpelling(string path, out PublishedResource resource) => _byKey.TryGetValue(SitePath.Key(path), out resource!);

    /// <summary>A filtered list page: built by <paramref name="build"/> on first use, then kept while the cache has room.</summary>
    public Task<Representation?> Filtered(string key, Func<Task<Representation?>> build) => _filtered.GetOrAdd(key, build);

    /// <summary>True the first time it is called: compression of a site built only to verify starts when a request uses it.</summary>
    internal bool FirstUse() => Interlocked.Exchange(ref _used, 1) == 0;

    public static string HostKeyOf(string scheme, string authority) => scheme + "://" + authority;

    /// <summary>Drops the filtered pages of a replaced snapshot (the cache stays usable by a request still holding it).</summary>
    internal void DropFiltered() => _filtered.Clear();
}

/// <summary>
/// What one content snapshot publishes: the site for its public URL (configured, or a
/// placeholder that verifies it when <c>url</c> is unset), a few more sites for the hosts requests
/// name when <c>url</c> is unset (bounded), and the web root's files.
/// </summary>
public sealed class PublishedSnapshot : IDisposable
{
    private readonly ConcurrentDictionary<string, PublishedSite> _others = new(StringComparer.Ordinal);
    // Cancelled, never disposed: requests and background work may still hold the token.
    private readonly CancellationTokenSource _lifetime = new();
    private readonly CancellationTokenRegistration _stopping;

    /// <param name="content">The snapshot's content.</param>
    /// <param name="primary">The site for its public URL.</param>
    /// <param name="assets">The web root's files.</param>
    /// <param name="stopping">Cancelled when the host stops; it ends <see cref="Lifetime"/> too.</param>
    public PublishedSnapshot(SiteContent content, PublishedSite primary, PublishedAssets assets, CancellationToken stopping)
    {
        _stopping = stopping.Register(static lifetime => ((CancellationTokenSource)lifetime!).Cancel(), _lifetime);
        Content = content;
        Primary = primary;
        Assets = assets;
        Lifetime = _lifetime.Token;
    }

    public SiteContent Content { get; }

    /// <summary>The site for site.yaml's <c>url</c>, or for the placeholder base when it is unset.</summary>
    public PublishedSite Primary { get; }

    public PublishedAssets Assets { get; }

    /// <summary>Cancelled when a newer snapshot replaces this one or the host stops: background work for it stops.</summary>
    public CancellationToken Lifetime { get; }

    /// <summary>True when pages carry the configured URL, so every host gets the same bytes.</summary>
    public bool HasFixedBase => Content.Site.BaseUrl is not null;

    internal ConcurrentDictionary<string, PublishedSite> Others => _others;

    public void Dispose()
    {
        _lifetime.Cancel();
        _stopping.Dispose(); // a replaced snapshot no longer listens for the host's stop
        Primary.DropFiltered();
        foreach (var site in _others.Values)
        {
            site.DropFiltered();
        }
    }
}

/// <summary>
/// Values built on first use and kept while they fit in a byte budget: the key and an estimate of
/// a page with its compressed forms count per entry; past the budget the least recently used half
/// goes. A scanner inventing query strings can cost renders, never memory.
/// </summary>
internal sealed class BoundedCache<T>(long budgetBytes)
{
    private const long EntryEstimate = 48 * 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _bytes;
    private long _clock;

    public int Count => _entries.Count;

    public Task<T> GetOrAdd(string key, Func<Task<T>> build)
    {
        if (_entries.TryGetValue(key, out var found))
        {
            found.LastUse = Interlocked.Increment(ref _clock);
            return found.Value.Value;
        }

        var entry = new Entry(new Lazy<Task<T>>(build), EntryEstimate + key.Length * 2) { LastUse = Interlocked.Increment(ref _clock) };
        var added = _entries.GetOrAdd(key, entry);
        if (ReferenceEquals(added, entry) && Interlocked.Add(ref _bytes, entry.Size) > budgetBytes)
        {
            Trim();
        }

        return added.Value.Value;
    }

    public void Clear()
    {
        _entries.Clear();
        Interlocked.Exchange(ref _bytes, 0);
    }

    private void Trim()
    {
        lock (_entries)
        {
            if (Interlocked.Read(ref _bytes) <= budgetBytes)
            {
                return;
            }

            foreach (var (key, entry) in _entries.OrderBy(e => e.Value.LastUse).Take(Math.Max(1, _entries.Count / 2)).ToList())
            {
                if (_entries.TryRemove(key, out _))
                {
                    Interlocked.Add(ref _bytes, -entry.Size);
                }
            }
        }
    }

    private sealed class Entry(Lazy<Task<T>> value, long size)
    {
        public Lazy<Task<T>> Value { get; } = value;

        public long Size { get; } = size;

        public long LastUse { get; set; }
    }
}
