using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Monitoring.Core.Search;

namespace Monitoring.Search.Lucene;

/// <summary>
/// Tallies matching documents per date bucket, overall and per country, from doc values. Each
/// document's instant becomes a calendar date in the query's time zone, then a bucket start by
/// <see cref="DateIntervalExtensions.BucketStart"/>. Split by outlet groups when asked: per group, the same
/// tallies and its topic counts (counted per segment by ordinal, named once per segment).
/// </summary>
internal sealed class CoverageCollector(DateInterval interval, TimeZoneInfo zone, string dateField, string countryField, IReadOnlyList<string> splitGroups) : ICollector
{
    private readonly Dictionary<DateOnly, Tally>[] _byGroup = [.. splitGroups.Select(_ => new Dictionary<DateOnly, Tally>())];
    private readonly Dictionary<string, long>[] _groupTopics = [.. splitGroups.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
    private readonly Dictionary<DateOnly, Tally> _total = [];
    private readonly Dictionary<string, Dictionary<DateOnly, Tally>> _byCountry = new(StringComparer.Ordinal);
    private long _undated;
    private long _implausible;

    // The segment's values (SegmentValues, SegmentOrdinals): read once per segment, not per match from the file.
    private long[]? _dates;
    private long[] _tensions = [];
    private bool[] _tenseFlags = [];
    private bool[] _undatedFlags = [];
    private bool[] _implausibleFlags = [];
    private SegmentOrdinals? _countries;

    // The split: per ordinal of the segment's outlet groups, the index of the split group it is (−1 for none);
    // per split group, the segment's counts per topic ordinal.
    private SegmentOrdinals? _groups;
    private int[] _splitIndexOfGroup = [];
    private SegmentOrdinals? _topics;
    private int[][] _segmentTopicCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        _dates = reader.GetNumericDocValues(dateField) is null ? null : SegmentValues.Numbers(reader, dateField);
        _tensions = SegmentValues.Numbers(reader, ArticleFields.Tension);
        _tenseFlags = SegmentValues.Flags(reader, ArticleFields.Tense);
        _undatedFlags = SegmentValues.Flags(reader, ArticleFields.Undated);

        // Absent from segments written before the field existed: none of their articles is flagged.
        _implausibleFlags = SegmentValues.Flags(reader, ArticleFields.ImplausibleDate);
        _countries = SegmentOrdinals.For(reader, countryField);
        if (splitGroups.Count > 0)
        {
            FlushTopics();
            _groups = SegmentOrdinals.For(reader, ArticleFields.OutletGroup);
            _splitIndexOfGroup = _groups is null ? [] : new int[_groups.ValueCount];
            for (var ord = 0; ord < _splitIndexOfGroup.Length; ord++)
            {
                _splitIndexOfGroup[ord] = IndexOf(splitGroups, _groups!.Term(ord));
            }

            _topics = SegmentOrdinals.For(reader, ArticleFields.Topic);
            _segmentTopicCounts = [.. splitGroups.Select(_ => new int[_topics?.ValueCount ?? 0])];
        }
    }

    public void Collect(int doc)
    {
        if (_dates is null)
        {
            return;
        }

        if (_implausibleFlags[doc])
        {
            // Charted on no date: counted apart, so the chart can say how many it leaves out.
            _implausible++;
            return;
        }

        var day = ZonedDates.LocalDate(DateTimeOffset.FromUnixTimeMilliseconds(_dates[doc]), zone);
        var bucket = interval.BucketStart(day);
        var tension = BitConverter.Int64BitsToDouble(_tensions[doc]);
        var tense = _tenseFlags[doc];
        Add(_total, bucket, tension, tense);
        _undated += _undatedFlags[doc] ? 1 : 0;

        if (_groups is not null)
        {
            CollectGroups(doc, bucket, tension, tense);
        }

        if (_countries is null)
        {
            return;
        }

        foreach (var ord in _countries.Of(doc))
        {
            var country = _countries.Term(ord);
            if (!_byCountry.TryGetValue(country, out var buckets))
            {
                buckets = [];
                _byCountry[country] = buckets;
            }

            Add(buckets, bucket, tension, tense);
        }
    }

    private void CollectGroups(int doc, DateOnly bucket, double tension, bool tense)
    {
        foreach (var ord in _groups!.Of(doc))
        {
            var split = _splitIndexOfGroup[ord];
            if (split < 0)
            {
                continue;
            }

            Add(_byGroup[split], bucket, tension, tense);
            if (_topics is null)
            {
                continue;
            }

            var topicCounts = _segmentTopicCounts[split];
            foreach (var topic in _topics.Of(doc))
            {
                topicCounts[topic]++;
            }
        }
    }

    /// <summary>The current segment's topic counts per split group, added to the totals by topic name.</summary>
    private void FlushTopics()
    {
        if (_topics is null)
        {
            return;
        }

        for (var split = 0; split < _segmentTopicCounts.Length; split++)
        {
            var counts = _segmentTopicCounts[split];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    var topic = _topics.Term(ord);
                    _groupTopics[split][topic] = _groupTopics[split].GetValueOrDefault(topic) + counts[ord];
                }
            }
        }

        _topics = null;
    }

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Continuous buckets from <paramref name="from"/> (else the first match) to <paramref name="to"/>
    /// (else the last match); empty ones count zero.
    /// </summary>
    public CoverageTrend ToTrend(int maxCountries, DateOnly? from, DateOnly? to)
    {
        FlushTopics();
        DateOnly? first = from is { } f ? interval.BucketStart(f) : _total.Count > 0 ? _total.Keys.Min() : null;
        DateOnly? last = to is { } t ? interval.BucketStart(t) : _total.Count > 0 ? _total.Keys.Max() : null;
        if (first is null || last is null)
        {
            return CoverageTrend.Empty(interval) with
            {
                UndatedCount = _undated,
                ImplausibleDateCount = _implausible,
                OutletGroups = [.. splitGroups.Select(group => new OutletGroupSeries(group, [], []))],
            };
        }

        var axis = new List<DateOnly>();
        for (var start = first.Value; start <= last.Value; start = interval.NextBucket(start))
        {
            axis.Add(start);
        }

        var countries = _byCountry
            .Select(pair => (Code: pair.Key, Buckets: pair.Value, Count: pair.Value.Values.Sum(tally => tally.Count)))
            .OrderByDescending(country => country.Count)
            .ThenBy(country => country.Code, StringComparer.Ordinal)
            .Take(Math.Max(0, maxCountries))
            .Select(country => new CountrySeries(country.Code, Series(axis, country.Buckets)))
            .ToList();

        var groups = splitGroups.Select((group, i) => new OutletGroupSeries(
            group,
            Series(axis, _byGroup[i]),
            [.. _groupTopics[i]
                .OrderByDescending(pair => pair.Value)
                .ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .Take(LuceneArticleIndex.FacetLimit)
                .Select(pair => new FacetCount(pair.Key, pair.Value))]));
        return new CoverageTrend(interval, Series(axis, _total), countries, _undated) { ImplausibleDateCount = _implausible, OutletGroups = [.. groups] };
    }

    private static List<DateBucket> Series(List<DateOnly> axis, Dictionary<DateOnly, Tally> tallies) =>
        [.. axis.Select(start => tallies.TryGetValue(start, out var tally)
            ? new DateBucket(start, tally.Count, tally.TensionSum / tally.Count) { TenseCount = tally.TenseCount }
            : new DateBucket(start, 0, null))];

    private static void Add(Dictionary<DateOnly, Tally> tallies, DateOnly bucket, double tension, bool tense)
    {
        if (!tallies.TryGetValue(bucket, out var tally))
        {
            tally = new Tally();
            tallies[bucket] = tally;
        }

        tally.Count++;
        tally.TensionSum += tension;
        tally.TenseCount += tense ? 1 : 0;
    }

    private sealed class Tally
    {
        public long Count { get; set; }

        public long TenseCount { get; set; }

        public double TensionSum { get; set; }
    }
}
