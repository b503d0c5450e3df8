using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Monitoring.Search.Lucene;

/// <summary>
/// What is computed once per segment and kept while the segment is open (<see cref="SegmentOrdinals"/>,
/// <see cref="SegmentValues"/>): keyed by the segment's core, which reopened readers share and which is let go
/// when the segment is merged away.
/// </summary>
internal static class SegmentCache
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Lazy<object?>>> Entries = [];

    /// <summary>The entry <paramref name="key"/> of the segment, made by <paramref name="load"/> once, whatever the concurrent searches.</summary>
    public static T? Get<T>(AtomicReader reader, string key, Func<AtomicReader, T?> load)
        where T : class =>
        (T?)Entries.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, Lazy<object?>>(StringComparer.Ordinal))
            .GetOrAdd(key, _ => new Lazy<object?>(() => load(reader)))
            .Value;
}
