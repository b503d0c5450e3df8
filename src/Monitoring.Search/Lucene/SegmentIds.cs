using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Monitoring.Search.Lucene;

/// <summary>
/// Sorts by the article id, the tie-breaker that ends every sort, in the order of <see cref="SortFieldType.STRING"/>
/// (UTF-8 bytes) and with its values (<see cref="BytesRef"/>), from the segment's ordinals in an array.
/// </summary>
/// <remarks>
/// Articles are indexed roughly in date order, so a newest-first search finds each match newer than the last hit of
/// the page and copies every one into the queue. Lucene's string comparer then reads the id's ordinal from the mapped
/// doc values file and copies its bytes, per match: on a search matching 700,000 of a million articles that was a
/// tenth of its time, for a field that only decides between hits of the same date. Here a copy keeps the ordinal and
/// the segment it belongs to; the id's bytes are read only when hits of two segments tie on everything before it.
/// </remarks>
internal sealed class SegmentIds : FieldComparerSource
{
    public static readonly SegmentIds Source = new();

    private SegmentIds()
    {
    }

    /// <summary>The ascending sort on <paramref name="field"/>, a single-valued keyword field with sorted doc values.</summary>
    public static SortField SortOn(string field) => new(field, Source);

    public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) =>
        new Comparer(fieldname, numHits);

    private sealed class Comparer(string field, int numHits) : FieldComparer<BytesRef>
    {
        private readonly int[] _ordinals = new int[numHits];
        private readonly AtomicReader?[] _segments = new AtomicReader?[numHits];
        private readonly BytesRef?[] _values = new BytesRef?[numHits];
        private AtomicReader? _reader;
        private SortedDocValues? _segment;
        private int[] _segmentOrdinals = [];
        private int _bottom;
        private BytesRef? _top;

        // The bottom and top values as positions among the current segment's ordinals: 2 × ordinal when the
        // segment has the value, 2 × insertion point − 1 when it falls between two of them.
        private long _bottomPosition;
        private long _topPosition;

        public override BytesRef this[int slot] => Value(slot);

        public override int Compare(int slot1, int slot2) =>
            ReferenceEquals(_segments[slot1], _segments[slot2])
                ? _ordinals[slot1].CompareTo(_ordinals[slot2])
                : Value(slot1).CompareTo(Value(slot2));

        public override void SetBottom(int slot)
        {
            _bottom = slot;
            _bottomPosition = PositionInSegment(slot);
        }

        public override void SetTopValue(BytesRef value)
        {
            _top = value;
        }

        public override int CompareBottom(int doc) => _bottomPosition.CompareTo(2L * _segmentOrdinals[doc]);

        public override int CompareTop(int doc) => _topPosition.CompareTo(2L * _segmentOrdinals[doc]);

        public override void Copy(int slot, int doc)
        {
            _ordinals[slot] = _segmentOrdinals[doc];
            _segments[slot] = _reader;
            _values[slot] = null;
        }

        public override FieldComparer SetNextReader(AtomicReaderContext context)
        {
            // The ordinals array is shared by every search; doc values instances are not thread-safe, so each lookup
            // asks the reader for the calling thread's own (GetTopDocs reads the page's values on another thread).
            _reader = context.AtomicReader;
            _segment = _reader.GetSortedDocValues(field);
            _segmentOrdinals = SegmentCache.Get(context.AtomicReader, "ordinal:" + field, segment => Load(segment, field))!;
            _bottomPosition = PositionInSegment(_bottom);
            _topPosition = _top is null ? 0 : PositionOf(_top);
            return this;
        }

        public override int CompareValues(BytesRef first, BytesRef second) =>
            first is null ? (second is null ? 0 : -1) : second is null ? 1 : first.CompareTo(second);

        // A document without the field has ordinal −1 and sorts first, as the empty value does.
        private static int[] Load(AtomicReader reader, string field)
        {
            var ordinals = new int[reader.MaxDoc];
            var values = reader.GetSortedDocValues(field);
            for (var doc = 0; doc < ordinals.Length; doc++)
            {
                ordinals[doc] = values?.GetOrd(doc) ?? -1;
            }

            return ordinals;
        }

        private long PositionInSegment(int slot)
        {
            if (_segments[slot] is null && _values[slot] is null)
            {
                return 0;
            }

            return ReferenceEquals(_segments[slot], _reader) ? 2L * _ordinals[slot] : PositionOf(Value(slot));
        }

        private long PositionOf(BytesRef value)
        {
            if (_segment is null)
            {
                return value.Length == 0 ? -2 : 1;
            }

            var ordinal = _segment.LookupTerm(value);
            return ordinal >= 0 ? 2L * ordinal : (2L * (-ordinal - 1)) - 1;
        }

        private BytesRef Value(int slot)
        {
            if (_values[slot] is { } known)
            {
                return known;
            }

            var value = new BytesRef();
            if (_ordinals[slot] >= 0 && _segments[slot]?.GetSortedDocValues(field) is { } values)
            {
                values.LookupOrd(_ordinals[slot], value);
            }

            return _values[slot] = BytesRef.DeepCopyOf(value);
        }
    }
}
