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

        return Link(state, text, country, topic, state.GroupFilter, bucketStart);
    }

    /// <summary>
    /// The view's search within one compared outlet group (<see cref="TrendState.CompareGroups"/>): its articles in one
    /// bucket when <paramref name="bucketStart"/> is given (clipped to the charted range), else over the charted range;
    /// with <paramref name="topic"/> when given.
    /// </summary>
    public static string GroupSearch(TrendState state, string groupId, DateOnly? bucketStart, string? topic = null)
    {
        var search = GroupSearchState(state, groupId, bucketStart);
        return "/search" + (topic is null ? search : search with { Topics = [topic] }).ToQueryString();
    }

    /// <summary>The search page's state for one compared outlet group of the view (see <see cref="GroupSearch"/>).</summary>
    public static SearchState GroupSearchState(TrendState state, string groupId, DateOnly? bucketStart = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        var (from, to) = Period(state, bucketStart);
        return new SearchState
        {
            Text = string.IsNullOrWhiteSpace(state.Text) ? null : state.Text,
            OutletGroups = [groupId],
            OutletCountries = state.OutletCountries,
            OutletKinds = state.OutletKinds,
            CountryMode = state.CountryMode,
            From = from,
            To = to,
            TimeZone = state.TimeZone,
            DateBasis = state.Basis,
        };
    }

    /// <summary>The bucket starting at <paramref name="bucketStart"/> clipped to the charted range, or the range.</summary>
    private static (DateOnly? From, DateOnly? To) Period(TrendState state, DateOnly? bucketStart)
    {
        if (bucketStart is not { } start)
        {
            return (state.From, state.To);
        }

        var end = TrendsFormat.BucketEnd(start, state.IntervalOrDefault);
        return (state.From is { } rangeFrom && rangeFrom > start ? rangeFrom : start, state.To is { } rangeTo && rangeTo < end ? rangeTo : end);
    }

    private static string Link(TrendState state, string? text, string? country, string? topic, IReadOnlyList<string> groups, DateOnly? bucketStart)
    {
        var (from, to) = Period(state, bucketStart);

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
        parameters.AddRange(groups.Select(group => (SearchState.Keys.OutletGroup, (string?)group)));
        parameters.AddRange(state.OutletCountries.Select(code => (SearchState.Keys.OutletCountry, (string?)code)));
        parameters.AddRange(state.OutletKinds.Select(kind => (SearchState.Keys.OutletKind, (string?)kind)));
        var query = string.Join('&', parameters.Where(p => p.Value is not null).Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value!)));
        return query.Length == 0 ? "/search" : "/search?" + query;
    }
}
