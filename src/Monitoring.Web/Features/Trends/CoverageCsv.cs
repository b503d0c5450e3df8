using System.Globalization;
using System.Text;
using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Trends;

/// <summary>
/// Coverage as CSV: comment lines saying what was counted (query, interval, time basis, export time), then
/// one row per bucket with the total and one column per country.
/// </summary>
public static class CoverageCsv
{
    public static string Write(CoverageTrend trend, string? query, Func<string, string> countryName, DateTimeOffset exportedAt)
    {
        var csv = new StringBuilder();
        csv.Append("# query: ").AppendLine(string.IsNullOrWhiteSpace(query) ? "(all articles)" : query.ReplaceLineEndings(" "));
        csv.Append("# interval: ").AppendLine(trend.Interval.ToString().ToLowerInvariant());
        csv.AppendLine("# time basis: publication date; undated articles by ingest date");
        csv.Append("# undated articles: ").AppendLine(trend.UndatedCount.ToString(CultureInfo.InvariantCulture));
        csv.Append("# exported: ").AppendLine(exportedAt.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));

        csv.Append("bucket_start,total");
        foreach (var series in trend.Countries)
        {
            csv.Append(',').Append(Escape($"{countryName(series.CountryCode)} ({series.CountryCode})"));
        }

        csv.AppendLine();
        var byCountry = trend.Countries
            .Select(series => series.Buckets.ToDictionary(bucket => bucket.Start, bucket => bucket.Count))
            .ToList();
        foreach (var bucket in trend.Total)
        {
            csv.Append(bucket.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Append(',').Append(bucket.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var counts in byCountry)
            {
                csv.Append(',').Append(counts.GetValueOrDefault(bucket.Start).ToString(CultureInfo.InvariantCulture));
            }

            csv.AppendLine();
        }

        return csv.ToString();
    }

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
