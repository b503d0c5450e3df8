using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Trends;

/// <summary>Which chart a point was clicked on: it decides what the point's series key filters.</summary>
public enum TrendChart
{
    Coverage,
    Tension,
    Topics,
}

/// <summary>Links from the trends to the search page, filtered to what a point or a row shows.</summary>
public static class TrendLinks
{
    /// <summary>
    /// The search for one series of <paramref name="chart"/> (a country, a compared query or a topic), within
    /// one bucket when <paramref name="bucketStart"/> is given (clipped to the charted range), in the view's time
    /// zone, time basis and country sense so that the search counts what the point counted.
    /// </summary>
    public static string Search(TrendState state, TrendChart chart, string? seriesKey, DateOnly? bucketStart)
    {
        ArgumentNullException.ThrowIfNull(state);
        var compared = state.Comparing && chart != TrendChart.Topics;
        var text = compared ? seriesKey : (state.Comparing ? null : state.Text);
        var country = !compared && chart != TrendChart.Topics ? seriesKey : null;
        var topic = chart == TrendChart.Topics ? seriesKey : null;

        DateOnly? from = state.From;
        DateOnly? to = state.To;
        if (bucketStart is { } start)
        {
            var end = TrendsFormat.BucketEnd(start, state.IntervalOrDefault);
            from = state.From is { } rangeFrom && rangeFrom > start ? rangeFrom : start;
            to = state.To is { } rangeTo && rangeTo < end ? rangeTo : end;
        }

        var parameters = new List<(string Key, string? Value)>
        {
            ("q", string.IsNullOrWhiteSpace(text) ? null : text),
            ("country", country),
            ("topic", topic),
            ("from", TrendState.Day(from)),
            ("to", TrendState.Day(to)),
            // The search page names it "countries" (SearchState); the trends page keeps "mode" for its own URL.
            ("countries", state.CountryMode == CountryMode.Mentioned ? null : TrendState.Lower(state.CountryMode)),
            ("basis", state.Basis == DateBasis.Published ? null : TrendState.Lower(state.Basis)),
            ("tz", state.TimeZone == ArticleQuery.DefaultTimeZone ? null : state.TimeZone),
        };
        var query = string.Join('&', parameters.Where(p => p.Value is not null).Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value!)));
        return query.Length == 0 ? "/search" : "/search?" + query;
    }
}
