using Lucene.Net.Index;

namespace Monitoring.Search.Lucene;

/// <summary>
/// A segment's numeric doc values copied into arrays, once per segment and field (<see cref="SegmentCache"/>).
/// </summary>
/// <remarks>
/// Lucene's doc values are read from the mapped file a few bytes at a time through several virtual calls; sorting by
/// date and charting trends read one or more per match, which at a million articles was most of their time
/// (docs/performance.md). 8 bytes per document for a number, 1 for a flag; documents without the field read 0.
/// </remarks>
internal static class SegmentValues
{
    /// <summary>The field's value of every document of the segment.</summary>
    public static long[] Numbers(AtomicReader reader, string field) =>
        Get(reader, field, (values, maxDoc) =>
        {
            var numbers = new long[maxDoc];
            for (var doc = 0; doc < numbers.Length; doc++)
            {
                numbers[doc] = values.Get(doc);
            }

            return numbers;
        });

    /// <summary>The field's 0/1 value of every document of the segment.</summary>
    public static bool[] Flags(AtomicReader reader, string field) =>
        Get(reader, field, (values, maxDoc) =>
        {
            var flags = new bool[maxDoc];
            for (var doc = 0; doc < flags.Length; doc++)
            {
                flags[doc] = values.Get(doc) != 0;
            }

            return flags;
        });

    private static T[] Get<T>(AtomicReader reader, string field, Func<NumericDocValues, int, T[]> copy) =>
        SegmentCache.Get(reader, $"{typeof(T).Name}:{field}", segment =>
            segment.GetNumericDocValues(field) is { } stored ? copy(stored, segment.MaxDoc) : new T[segment.MaxDoc])!;
}
