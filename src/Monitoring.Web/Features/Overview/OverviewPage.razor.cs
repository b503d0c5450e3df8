using System.Globalization;
using Microsoft.AspNetCore.Components;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Web.Features.Trends;

namespace Monitoring.Web.Features.Overview;

/// <summary>
/// The landing view for a busy reader: the day's most tense stories and the region's countries coloured by
/// the tension of the week (or month, or year) that holds the day, against their baseline. The day (<c>?day=</c>),
/// period (<c>?period=</c>) and time zone (<c>?tz=</c>) live in the URL; by default the latest day with articles and its week.
/// </summary>
public sealed partial class OverviewPage
{
    private const int TopStories = 8;

    /// <summary>Below this many articles in the region, the tiles suggest a longer period.</summary>
    private const long FewArticles = 10;

    private bool _loading = true;
    private DateOnly? _day;
    private bool _latestDay;
    private DateOnly _periodStart;
    private long _periodTotal;
    private long _dayTotal;
    private IReadOnlyList<SearchHit> _stories = [];
    private IReadOnlyList<TileValue> _tiles = [];

    [Inject]
    private IArticleSearch Search { get; set; } = default!;

    [Inject]
    private EnrichmentModel Enrichment { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "day")]
    public string? Day { get; set; }

    [SupplyParameterFromQuery(Name = "tz")]
    public string? Tz { get; set; }

    [SupplyParameterFromQuery(Name = "period")]
    public string? PeriodKey { get; set; }

    private OverviewPeriod Period => OverviewPeriod.Parse(PeriodKey);

    private DateOnly PeriodEnd => Period.End(_periodStart);

    /// <summary>The longer periods to suggest when the chosen one has few articles.</summary>
    private IEnumerable<OverviewPeriod> LongerPeriods => OverviewPeriod.All.SkipWhile(period => period != Period).Skip(1);

    private string TimeZone => !string.IsNullOrWhiteSpace(Tz) && TimeZoneChoices.IsKnown(Tz) ? Tz : ArticleQuery.DefaultTimeZone;

    private string DayHref => Link(null, _day!.Value, _day.Value);

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        var zone = ZonedDates.Find(TimeZone);
        var chosen = DateOnly.TryParseExact(Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : (DateOnly?)null;
        _latestDay = chosen is null;
        if (chosen is null)
        {
            var latest = await Search.SearchAsync(new ArticleQuery { Sort = SearchSort.Newest, Take = 1, TimeZone = TimeZone });
            chosen = latest.Hits.Count == 0 ? null : ZonedDates.LocalDate(latest.Hits[0].Article.Article.EffectiveDate, zone);
        }

        _day = chosen;
        if (_day is { } day)
        {
            var stories = await Search.SearchAsync(new ArticleQuery { From = day, To = day, TimeZone = TimeZone, Sort = SearchSort.Tension, Take = TopStories });
            _stories = stories.Hits;
            _dayTotal = stories.Total;

            _periodStart = Period.Start(day);
            var trend = await Search.GetCoverageAsync(new CoverageQuery(
                new ArticleQuery
                {
                    Countries = [.. TensionTiles.Layout.Select(tile => tile.Code)],
                    From = Period.BaselineStart(_periodStart),
                    To = PeriodEnd,
                    TimeZone = TimeZone,
                },
                Period.Interval,
                MaxCountries: int.MaxValue));
            _tiles = TensionTiles.Compute(trend, Period, _periodStart);
            _periodTotal = trend.Total.FirstOrDefault(bucket => bucket.Start == _periodStart)?.Count ?? 0;
        }

        _loading = false;
    }

    private string TileHref(string code) => Link(code, _periodStart, PeriodEnd);

    /// <summary>This overview with another period, keeping the day and time zone.</summary>
    private string PeriodHref(OverviewPeriod period) =>
        "/overview?" + string.Join('&', new[]
        {
            period == OverviewPeriod.Week ? null : "period=" + period.Key,
            _latestDay || _day is null ? null : "day=" + TrendState.Day(_day.Value),
            TimeZone == ArticleQuery.DefaultTimeZone ? null : "tz=" + Uri.EscapeDataString(TimeZone),
        }.Where(part => part is not null));

    private string PeriodLabel => Period.Interval switch
    {
        DateInterval.Week => "Week of " + TrendsFormat.DayLabel(_periodStart),
        DateInterval.Month => _periodStart.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        _ => _periodStart.ToString("yyyy", CultureInfo.InvariantCulture),
    };

    private string Link(string? country, DateOnly from, DateOnly to)
    {
        var query = (country is null ? "" : "country=" + country + "&")
            + "from=" + TrendState.Day(from) + "&to=" + TrendState.Day(to)
            + (TimeZone == ArticleQuery.DefaultTimeZone ? "" : "&tz=" + Uri.EscapeDataString(TimeZone));
        return "/search?" + query;
    }

    private static string TileFigure(TileValue tile) => tile.Band switch
    {
        TileBand.NoCoverage => "no articles",
        TileBand.NoBaseline => $"{tile.Count} art., no baseline",
        _ => $"index {tile.Index!.Value.ToString("0", CultureInfo.InvariantCulture)} · {tile.TenseCount}/{tile.Count} tense",
    };

    private static string TileText(TileValue tile) => $"{TensionTiles.Describe(tile.Band)}; {TileFigure(tile)}";
}
