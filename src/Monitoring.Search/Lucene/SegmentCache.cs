using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Monitoring.Search.Lucene;

/// <summary>
/// What is computed once per segment and kept while the segment is open (<see cref="SegmentOrdinals"/>,
/// <see cref="SegmentValues"/>): keyed by the segment's core, which reopened readers share and which is let go
/// when the segment is merged away. <see cref="ForVersion"/> keeps what depends on every segment at once (the
/// whole index's counts) with the top-level reader of one index version, let go when that reader is.
/// </summary>
internal static class SegmentCache
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Lazy<object?>>> Entries = [];

    /// <summary>The entry <paramref name="key"/> of the segment, made by <paramref name="load"/> once, whatever the concurrent searches.</summary>
    public static T? Get<T>(AtomicReader reader, string key, Func<AtomicReader, T?> load)
        where T : class => GetOrLoad(reader, key, load);

    /// <summary>
    /// The entry <paramref name="key"/> of one version of the whole index (a top-level reader: a commit makes a
    /// new one, so an entry never outlives what it was computed from), made by <paramref name="load"/> once.
    /// </summary>
    public static T? ForVersion<T>(IndexReader reader, string key, Func<IndexReader, T?> load)
        where T : class => GetOrLoad(reader, key, load);

    private static T? GetOrLoad<TReader, T>(TReader reader, string key, Func<TReader, T?> load)
        where TReader : IndexReader
        where T : class =>
        (T?)Entries.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, Lazy<object?>>(StringComparer.Ordinal))
            .GetOrAdd(key, _ => new Lazy<object?>(() => load(reader)))
            .Value;
}
