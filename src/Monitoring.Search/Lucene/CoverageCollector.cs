using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Monitoring.Core.Search;

namespace Monitoring.Search.Lucene;

/// <summary>
/// Tallies matching documents per date bucket, overall and per country, from doc values. Each
/// document's instant becomes a calendar date in the query's time zone, then a bucket start by
/// <see cref="DateIntervalExtensions.BucketStart"/>.
/// </summary>
internal sealed class CoverageCollector(DateInterval interval, TimeZoneInfo zone, string dateField, string countryField) : ICollector
{
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

    /// <summary>
    /// Continuous buckets from <paramref name="from"/> (else the first match) to <paramref name="to"/>
    /// (else the last match); empty ones count zero.
    /// </summary>
    public CoverageTrend ToTrend(int maxCountries, DateOnly? from, DateOnly? to)
    {
        DateOnly? first = from is { } f ? interval.BucketStart(f) : _total.Count > 0 ? _total.Keys.Min() : null;
        DateOnly? last = to is { } t ? interval.BucketStart(t) : _total.Count > 0 ? _total.Keys.Max() : null;
        if (first is null || last is null)
        {
            return CoverageTrend.Empty(interval) with { UndatedCount = _undated, ImplausibleDateCount = _implausible };
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

        return new CoverageTrend(interval, Series(axis, _total), countries, _undated) { ImplausibleDateCount = _implausible };
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
