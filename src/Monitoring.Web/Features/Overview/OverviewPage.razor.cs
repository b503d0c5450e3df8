using System.Globalization;
using Microsoft.AspNetCore.Components;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Web.Features.Trends;

namespace Monitoring.Web.Features.Overview;

/// <summary>
/// The landing view for a busy reader: the day's most tense stories and the region's countries coloured by
/// this week's tension against their baseline. The day (<c>?day=</c>) and time zone (<c>?tz=</c>) live in the URL;
/// by default the latest day with articles.
/// </summary>
public sealed partial class OverviewPage
{
    private const int TopStories = 8;

    private bool _loading = true;
    private DateOnly? _day;
    private bool _latestDay;
    private bool _latestWeek;
    private DateOnly _weekStart;
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

    private string TimeZone => !string.IsNullOrWhiteSpace(Tz) && TimeZoneChoices.IsKnown(Tz) ? Tz : ArticleQuery.DefaultTimeZone;

    private string DayHref => Link(null, _day!.Value, _day.Value);

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        var zone = ZonedDates.Find(TimeZone);
        var chosen = DateOnly.TryParseExact(Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : (DateOnly?)null;
        _latestDay = chosen is null;
        _latestWeek = chosen is null;
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

            _weekStart = DateInterval.Week.BucketStart(day);
            var weekly = await Search.GetCoverageAsync(new CoverageQuery(
                new ArticleQuery
                {
                    Countries = [.. TensionTiles.Layout.Select(tile => tile.Code)],
                    From = _weekStart.AddDays(-7 * TensionTiles.BaselineWeeks),
                    To = _weekStart.AddDays(6),
                    TimeZone = TimeZone,
                },
                DateInterval.Week,
                MaxCountries: int.MaxValue));
            _tiles = TensionTiles.Compute(weekly, _weekStart);
        }

        _loading = false;
    }

    private string TileHref(string code) => Link(code, _weekStart, _weekStart.AddDays(6));

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
