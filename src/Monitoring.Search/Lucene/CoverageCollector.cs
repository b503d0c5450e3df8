using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Monitoring.Core.Search;

namespace Monitoring.Search.Lucene;

/// <summary>Tallies matching documents per date bucket, overall and per country, from doc values.</summary>
internal sealed class CoverageCollector(DateInterval interval) : ICollector
{
    private readonly Dictionary<DateOnly, Tally> _total = [];
    private readonly Dictionary<string, Dictionary<DateOnly, Tally>> _byCountry = new(StringComparer.Ordinal);
    private readonly BytesRef _scratch = new();
    private long _undated;

    private NumericDocValues? _dates;
    private NumericDocValues? _tensions;
    private NumericDocValues? _undatedFlags;
    private SortedSetDocValues? _countries;
    private string?[] _countryNames = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        _dates = reader.GetNumericDocValues(ArticleFields.Date);
        _tensions = reader.GetNumericDocValues(ArticleFields.Tension);
        _undatedFlags = reader.GetNumericDocValues(ArticleFields.Undated);
        _countries = reader.GetSortedSetDocValues(ArticleFields.Country);
        _countryNames = new string?[_countries?.ValueCount ?? 0];
    }

    public void Collect(int doc)
    {
        if (_dates is null)
        {
            return;
        }

        var bucket = interval.BucketStart(DateOnly.FromDayNumber((int)_dates.Get(doc)));
        var tension = _tensions is null ? 0 : BitConverter.Int64BitsToDouble(_tensions.Get(doc));
        Add(_total, bucket, tension);
        _undated += _undatedFlags?.Get(doc) ?? 0;

        if (_countries is null)
        {
            return;
        }

        _countries.SetDocument(doc);
        for (var ord = _countries.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _countries.NextOrd())
        {
            var country = _countryNames[ord] ??= LookupCountry(ord);
            if (!_byCountry.TryGetValue(country, out var buckets))
            {
                buckets = [];
                _byCountry[country] = buckets;
            }

            Add(buckets, bucket, tension);
        }
    }

    /// <summary>Continuous buckets from the first to the last match; empty ones count zero.</summary>
    public CoverageTrend ToTrend(int maxCountries)
    {
        if (_total.Count == 0)
        {
            return CoverageTrend.Empty(interval) with { UndatedCount = _undated };
        }

        var axis = new List<DateOnly>();
        var last = _total.Keys.Max();
        for (var start = _total.Keys.Min(); start <= last; start = interval.NextBucket(start))
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

        return new CoverageTrend(interval, Series(axis, _total), countries, _undated);
    }

    private static List<DateBucket> Series(List<DateOnly> axis, Dictionary<DateOnly, Tally> tallies) =>
        [.. axis.Select(start => tallies.TryGetValue(start, out var tally)
            ? new DateBucket(start, tally.Count, tally.TensionSum / tally.Count)
            : new DateBucket(start, 0, null))];

    private static void Add(Dictionary<DateOnly, Tally> tallies, DateOnly bucket, double tension)
    {
        if (!tallies.TryGetValue(bucket, out var tally))
        {
            tally = new Tally();
            tallies[bucket] = tally;
        }

        tally.Count++;
        tally.TensionSum += tension;
    }

    private string LookupCountry(long ord)
    {
        _countries!.LookupOrd(ord, _scratch);
        return _scratch.Utf8ToString();
    }

    private sealed class Tally
    {
        public long Count { get; set; }

        public double TensionSum { get; set; }
    }
}
