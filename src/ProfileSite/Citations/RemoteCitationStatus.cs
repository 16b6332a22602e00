using System.Collections.Concurrent;

namespace ProfileSite.Citations;

/// <summary>When each remote source last worked and last failed, for /healthz.</summary>
public sealed class RemoteCitationStatus
{
    private readonly ConcurrentDictionary<string, SourceStatus> _sources = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, SourceStatus> Sources => _sources;

    public void Succeeded(string key, DateTimeOffset at) =>
        _sources.AddOrUpdate(key, _ => new SourceStatus(at, null, null), (_, s) => s with { LastSuccess = at });

    public void Failed(string key, DateTimeOffset at, string reason) =>
        _sources.AddOrUpdate(key, _ => new SourceStatus(null, at, reason), (_, s) => s with { LastFailure = at, LastError = reason });
}

/// <summary>One source's record: last success, last failure and why.</summary>
public sealed record SourceStatus(DateTimeOffset? LastSuccess, DateTimeOffset? LastFailure, string? LastError);
