using System.Globalization;
using System.Text;
using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Trends;

/// <summary>
/// Each chart's data as CSV: comment lines saying what was counted and how (query, interval, time zone, time
/// basis, country sense, range, and for the tension index its base period), then one row per bucket with one
/// column per series, exactly the values the chart draws (empty where it draws nothing).
/// </summary>
public static class TrendsCsv
{
    public static string Coverage(TrendsData data, Func<string, string> countryName, DateTimeOffset exportedAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        var csv = Header(data, data.State.Measure == TrendMeasure.Share ? "share of all coverage per bucket" : "articles per bucket", exportedAt);
        csv.Append("# undated articles (charted by ingest date): ").AppendLine(data.Coverage.UndatedCount.ToString(CultureInfo.InvariantCulture));
        var series = TrendCharts.Coverage(data, countryName);
        var total = data.Coverage.Total.Select(bucket => (double)bucket.Count).ToList();
        return Table(csv, data, [new ChartSeriesData(data.State.Comparing ? "all articles" : "total", null, total, ""), .. series], countryKeys: !data.State.Comparing);
    }

    public static string Tension(TrendsData data, Func<string, string> countryName, DateTimeOffset exportedAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        var csv = Header(data, "tension index (docs/tension.md): share of tense articles, 100 = the base period's average", exportedAt);
        if (!data.IsEmpty)
        {
            var (baseFrom, baseTo) = TrendCharts.BasePeriod(data);
            csv.Append("# base period: ").Append(TrendState.Day(baseFrom)).Append(" to ").AppendLine(TrendState.Day(baseTo));
        }

        return Table(csv, data, data.IsEmpty ? [] : TrendCharts.Tension(data, countryName), countryKeys: !data.State.Comparing);
    }

    public static string Topics(TrendsData data, Func<string, string> topicLabel, DateTimeOffset exportedAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        var csv = Header(data, $"topic mix: each topic's share of the bucket's topic tags; the {TrendCharts.MixTopics} largest topics, the rest as other", exportedAt);
        return Table(csv, data, data.IsEmpty ? [] : TrendCharts.TopicMix(data, topicLabel), countryKeys: false);
    }

    private static StringBuilder Header(TrendsData data, string measure, DateTimeOffset exportedAt)
    {
        var state = data.State;
        var csv = new StringBuilder();
        csv.Append("# query: ").AppendLine(state.Comparing
            ? "compared: " + string.Join(" | ", state.Compare.Select(text => text.ReplaceLineEndings(" ")))
            : string.IsNullOrWhiteSpace(state.Text) ? "(all articles)" : state.Text.ReplaceLineEndings(" "));
        csv.Append("# measure: ").AppendLine(measure);
        csv.Append("# interval: ").AppendLine(TrendState.Lower(data.Interval));
        csv.Append("# time zone: ").AppendLine(state.TimeZone);
        csv.Append("# time basis: ").AppendLine(state.Basis == DateBasis.Published
            ? "publication date (undated articles by ingest date)" : "ingest date");
        csv.Append("# countries: ").AppendLine(state.CountryMode == CountryMode.About ? "the article is about the country" : "the article mentions the country");
        if (state.FiltersOutlets)
        {
            csv.Append("# outlets: ").AppendLine(string.Join("; ", new[]
            {
                state.GroupFilter.Count == 0 ? null : "groups " + string.Join(' ', state.GroupFilter),
                state.OutletCountries.Count == 0 ? null : "based in " + string.Join(' ', state.OutletCountries),
                state.OutletKinds.Count == 0 ? null : "kinds " + string.Join(' ', state.OutletKinds),
            }.Where(part => part is not null)));
        }

        csv.Append("# range: ").Append(TrendState.Day(state.From) ?? "first article").Append(" to ").AppendLine(TrendState.Day(state.To) ?? "last article");
        csv.Append("# view: ").AppendLine(string.IsNullOrEmpty(state.ToQueryString()) ? "/trends" : "/trends?" + state.ToQueryString());
        csv.Append("# exported: ").AppendLine(exportedAt.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
        return csv;
    }

    private static string Table(StringBuilder csv, TrendsData data, IReadOnlyList<ChartSeriesData> series, bool countryKeys)
    {
        csv.Append("bucket_start");
        foreach (var column in series)
        {
            var name = countryKeys && column.Key is { } code ? $"{column.Name} ({code})" : column.Name;
            csv.Append(',').Append(Escape(name));
        }

        csv.AppendLine();
        for (var i = 0; i < data.BucketStarts.Count; i++)
        {
            csv.Append(TrendState.Day(data.BucketStarts[i]));
            foreach (var column in series)
            {
                var value = column.Values[i];
                csv.Append(',').Append(double.IsNaN(value) ? "" : value.ToString("0.######", CultureInfo.InvariantCulture));
            }

            csv.AppendLine();
        }

        return csv.ToString();
    }

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
