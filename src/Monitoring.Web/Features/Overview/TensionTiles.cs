using Monitoring.Core.Enrichment.Tension;
using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Overview;

/// <summary>How a country's tension index over the period compares with its baseline (100).</summary>
public enum TileBand
{
    /// <summary>No article about the country in the period.</summary>
    NoCoverage,

    /// <summary>Articles in the period, but no tense article in the baseline periods to compare with.</summary>
    NoBaseline,

    /// <summary>Index below 80: a smaller share of tense coverage than usual.</summary>
    Calmer,

    /// <summary>Index 80 to below 125.</summary>
    Usual,

    /// <summary>Index 125 to below 200.</summary>
    Elevated,

    /// <summary>Index 200 or more: at least twice the usual share of tense coverage.</summary>
    High,
}

/// <summary>One tile of the Balkan grid, at its place on a rough map (column, row).</summary>
public sealed record TileSpec(string Code, int Column, int Row);

/// <summary>A tile's figures for the period.</summary>
/// <param name="Index">This week's tension index against the baseline (100 = the baseline's average share); null when there is none.</param>
public sealed record TileValue(string Code, long Count, long TenseCount, double? Index, TileBand Band);

/// <summary>
/// The Balkan tile grid: countries placed roughly as on a map, each coloured by its tension index over a period
/// (a week by default) against its own baseline, the periods before it (docs/trends.md).
/// </summary>
public static class TensionTiles
{

    /// <summary>The region's countries, laid out north-west to south-east on a four-column grid.</summary>
    public static IReadOnlyList<TileSpec> Layout { get; } =
    [
        new("SI", 1, 1), new("HR", 2, 1), new("HU", 3, 1), new("RO", 4, 1),
        new("BA", 2, 2), new("RS", 3, 2), new("BG", 4, 2),
        new("ME", 2, 3), new("XK", 3, 3), new("MK", 4, 3),
        new("AL", 2, 4), new("GR", 4, 4),
    ];

    /// <summary>The band of an index; thresholds are the index points where the colour changes.</summary>
    public static TileBand Classify(long count, double? index) => (count, index) switch
    {
        (0, _) => TileBand.NoCoverage,
        (_, null) => TileBand.NoBaseline,
        (_, < 80) => TileBand.Calmer,
        (_, < 125) => TileBand.Usual,
        (_, < 200) => TileBand.Elevated,
        _ => TileBand.High,
    };

    /// <summary>Fill colours, all light enough for the dark tile text (#1a1a1a) in light and dark mode.</summary>
    public static string Color(TileBand band) => band switch
    {
        TileBand.NoCoverage => "#e0e0e0",
        TileBand.NoBaseline => "#cfd8dc",
        TileBand.Calmer => "#a5d6a7",
        TileBand.Usual => "#fff59d",
        TileBand.Elevated => "#ffb74d",
        _ => "#ef5350",
    };

    /// <summary>The band of an indexed tile in a word or two, shown on the tile; none where its figure says it.</summary>
    public static string? Word(TileBand band) => band switch
    {
        TileBand.NoCoverage or TileBand.NoBaseline => null,
        TileBand.Calmer => "calmer",
        TileBand.Usual => "as usual",
        TileBand.Elevated => "elevated",
        _ => "high",
    };

    public static string Describe(TileBand band) => band switch
    {
        TileBand.NoCoverage => "no articles in the period",
        TileBand.NoBaseline => "no baseline to compare with",
        TileBand.Calmer => "calmer than usual (index below 80)",
        TileBand.Usual => "as usual (80–125)",
        TileBand.Elevated => "elevated (125–200)",
        _ => "high (200 or more)",
    };

    /// <summary>
    /// Each tile's value for the period of <paramref name="period"/> that starts on <paramref name="start"/>,
    /// from buckets of that period per country that cover the baseline periods and the period itself.
    /// </summary>
    public static IReadOnlyList<TileValue> Compute(CoverageTrend trend, OverviewPeriod period, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(trend);
        ArgumentNullException.ThrowIfNull(period);
        var baseFrom = period.BaselineStart(start);
        var baseTo = start.AddDays(-1);
        return
        [
            .. Layout.Select(tile =>
            {
                var series = trend.Countries.FirstOrDefault(country => string.Equals(country.CountryCode, tile.Code, StringComparison.OrdinalIgnoreCase));
                var point = series is null ? null : TensionIndex.Compute(series.Buckets, baseFrom, baseTo).FirstOrDefault(p => p.Start == start);
                var count = point?.Count ?? 0;
                return new TileValue(tile.Code, count, point?.TenseCount ?? 0, point?.Index, Classify(count, point?.Index));
            }),
        ];
    }
}
