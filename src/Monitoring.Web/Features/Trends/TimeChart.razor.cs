using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Trends;

/// <summary>Lines or stacked areas over date buckets, with event markers; every point drills down.</summary>
public sealed partial class TimeChart
{
    private const int Width = 1000;
    private const int Height = 340;
    private const int Left = 56;
    private const int Right = 24;
    private const int Top = 12;
    private const int Bottom = 28;
    private const int MaxXLabels = 12;

    /// <summary>
    /// Most buckets a line or area draws one by one (one per 2 pixels of the plot). Denser charts (weeks or days
    /// over years) draw each group of neighbouring buckets by its lowest and highest value: the shape and every
    /// peak stay, the markup stays small enough to redraw quickly.
    /// </summary>
    internal const int MaxPoints = (Width - Left - Right) / 2;

    /// <summary>
    /// Most hit targets (links with a tooltip) per series: one per 8 pixels of the plot, about as close as a pointer
    /// can tell them apart. On denser charts each group of neighbouring buckets gets one, at its highest value.
    /// Hit targets are most of a chart's markup: a month chart over 24 years had 6,800 of them.
    /// </summary>
    internal const int MaxHitTargets = (Width - Left - Right) / 8;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    // Solid first (a single series stays plain), then patterns that stay apart at a glance and in a thin legend line.
    private static readonly string[] DashPatterns = ["", "8 4", "2 3", "12 3 2 3", "4 4", "1 5", "12 6", "6 2 2 2 2 2"];

    private readonly HashSet<string> _hidden = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<ChartSeriesData> Series { get; set; } = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<DateOnly> BucketStarts { get; set; } = [];

    [Parameter, EditorRequired]
    public DateInterval Interval { get; set; }

    [Parameter]
    public ChartValueFormat Format { get; set; } = ChartValueFormat.Count;

    /// <summary>Stack the series as areas instead of drawing lines.</summary>
    [Parameter]
    public bool Stacked { get; set; }

    /// <summary>A dashed horizontal line, e.g. 100 on an index.</summary>
    [Parameter]
    public double? ReferenceValue { get; set; }

    /// <summary>Events to mark; those outside the charted buckets are left out.</summary>
    [Parameter]
    public IReadOnlyList<ChartAnnotation> Annotations { get; set; } = [];

    /// <summary>
    /// Where a point leads (the search for its series and bucket); null draws points without links. Not compared
    /// when deciding whether to redraw: the link must follow from the other parameters.
    /// </summary>
    [Parameter]
    public Func<ChartPoint, string>? PointHref { get; set; }

    /// <summary>
    /// Articles a value must rest on (<see cref="ChartSeriesData.Support"/>) to be drawn on the line; one resting on
    /// fewer is drawn faded, off the line and within the axis, with its count in its tooltip. 0 draws every value.
    /// </summary>
    [Parameter]
    public int MinSupport { get; set; }

    /// <summary>The top of the value axis, shared by the small multiples of one view; null scales to this chart's values.</summary>
    [Parameter]
    public double? ScaleMax { get; set; }

    /// <summary>Drawn small (one of several side by side): larger axis text, so that it stays legible scaled down.</summary>
    [Parameter]
    public bool Compact { get; set; }

    [Parameter]
    public string AriaLabel { get; set; } = "Chart";

    /// <summary>
    /// How a percentage or index value is said in a point's name, "{0}" standing for the value: "tension index {0}",
    /// "{0} of the coverage". A count is always said as articles ("41 articles").
    /// </summary>
    [Parameter]
    public string ValueTemplate { get; set; } = "{0}";

    [Parameter]
    public string SvgId { get; set; } = "coverage-svg";

    // The scale, worked out once per change rather than per point (a daily chart has thousands of points).
    private double _niceStep = 1;
    private double _niceMax = 1;

    // Buckets per group when the chart is denser than MaxPoints or MaxHitTargets (else 1).
    private int _groupSize = 1;
    private int _hitGroupSize = 1;

    // What the chart should show and what it last drew: the page re-renders while it loads the next view, and
    // the chart need not redraw the same data (every point of it would be diffed and sent again).
    private object? _wanted;
    private object? _drawn;
    private int _hiddenVersion;
    private bool _showTable;

    private IEnumerable<ChartSeriesData> VisibleSeries => Series.Where(series => !_hidden.Contains(series.Name));

    protected override void OnParametersSet()
    {
        _groupSize = Math.Max(1, (int)Math.Ceiling(BucketStarts.Count / (double)MaxPoints));
        _hitGroupSize = Math.Max(1, (int)Math.Ceiling(BucketStarts.Count / (double)MaxHitTargets));
        Rescale();
        _wanted = Drawing();
        // The first render happens without asking ShouldRender.
        _drawn ??= _wanted;
    }

    protected override bool ShouldRender()
    {
        if (Equals(_wanted, _drawn))
        {
            return false;
        }

        _drawn = _wanted;
        return true;
    }

    private object Drawing() => (Series, BucketStarts, Interval, Format, Stacked, ReferenceValue, Annotations, AriaLabel, SvgId, _hiddenVersion, MinSupport, ScaleMax, Compact, (ValueTemplate, _showTable));

    private void Rescale()
    {
        // Rounded so that float noise (a stack of shares summing to 1.0000000000000002) does not add a step.
        var max = Math.Round(MaxValue, 9);
        _niceStep = NiceStep(max);
        _niceMax = Math.Ceiling(max / _niceStep) * _niceStep;
    }

    private double MaxValue
    {
        get
        {
            if (ScaleMax is > 0 and var shared)
            {
                return shared;
            }

            var max = Stacked
                ? Enumerable.Range(0, BucketStarts.Count).Select(i => VisibleSeries.Sum(series => ValueOrZero(series, i))).DefaultIfEmpty(0).Max()
                : VisibleSeries.SelectMany(series => series.Values.Where((value, index) => !double.IsNaN(value) && !series.IsUncertain(index, MinSupport)))
                    .DefaultIfEmpty(0).Max();
            if (ReferenceValue is { } reference)
            {
                max = Math.Max(max, reference);
            }

            return max <= 0 ? 1 : max;
        }
    }

    private static double ValueOrZero(ChartSeriesData series, int index) =>
        index < series.Values.Count && !double.IsNaN(series.Values[index]) ? series.Values[index] : 0;

    private void Toggle(string name)
    {
        if (!_hidden.Remove(name))
        {
            _hidden.Add(name);
        }

        _hiddenVersion++;
        _wanted = Drawing();
        Rescale();
    }

    private void ToggleTable()
    {
        _showTable = !_showTable;
        _wanted = Drawing();
    }

    /// <summary>
    /// A series' dash pattern, by its place among all the series (hiding one does not restyle the others): with its
    /// colour and its name in the legend, so that colour is never the only thing telling two lines apart.
    /// </summary>
    private string DashOf(ChartSeriesData series)
    {
        var index = 0;
        while (index < Series.Count && !ReferenceEquals(Series[index], series))
        {
            index++;
        }

        return DashPatterns[index % DashPatterns.Length];
    }

    /// <summary>A short description of the chart for assistive technology: what it spans and where its values are as text.</summary>
    private string Summary()
    {
        if (BucketStarts.Count == 0)
        {
            return "No values.";
        }

        var series = Series.Count == 1 ? "1 series" : $"{Series.Count} series";
        return $"{series} ({string.Join(", ", Series.Select(s => s.Name))}) from {BucketLabel(BucketStarts[0])} to {BucketLabel(BucketStarts[^1])}. " +
            "Every value is also in the table of this chart (the button below it).";
    }

    /// <summary>
    /// The chart's values as a table, its text alternative: a row per bucket, a column per visible series. Built as
    /// one block of markup, like the hit targets, since a daily chart has thousands of cells; every value is encoded.
    /// </summary>
    private MarkupString TableMarkup()
    {
        var visible = VisibleSeries.ToList();
        var html = new StringBuilder();
        html.Append("<table class=\"chart-table\" id=\"").Append(Encoder.Encode(SvgId)).Append("-table\"><caption>")
            .Append(Encoder.Encode(AriaLabel)).Append("</caption><thead><tr><th scope=\"col\">Period</th>");
        foreach (var series in visible)
        {
            html.Append("<th scope=\"col\">").Append(Encoder.Encode(series.Name)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        for (var i = 0; i < BucketStarts.Count; i++)
        {
            html.Append("<tr><th scope=\"row\">").Append(Encoder.Encode(BucketLabel(BucketStarts[i]))).Append("</th>");
            foreach (var series in visible)
            {
                var value = i < series.Values.Count ? series.Values[i] : double.NaN;
                html.Append("<td>");
                if (!double.IsNaN(value))
                {
                    var uncertain = !Stacked && series.IsUncertain(i, MinSupport);
                    html.Append(Encoder.Encode(FormatValue(value) + SupportNote(series, i, uncertain)));
                }
                else
                {
                    html.Append('–');
                }

                html.Append("</td>");
            }

            html.Append("</tr>");
        }

        return new MarkupString(html.Append("</tbody></table>").ToString());
    }

    private double X(double index) =>
        BucketStarts.Count <= 1 ? Left : Left + ((Width - Left - Right) * index / (BucketStarts.Count - 1));

    private double Y(double value) => Top + ((Height - Top - Bottom) * (1 - (value / _niceMax)));

    /// <summary>The height of a value, kept within the plot: uncertain values are left out of the scale.</summary>
    private double ClampedY(double value) => Math.Max(Top, Y(value));

    private double NiceStep(double maxValue)
    {
        var rough = maxValue / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var normalised = Math.Round(rough / magnitude, 6);
        var nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;
        var step = nice * magnitude;
        return Format == ChartValueFormat.Percent ? step : Math.Max(1, step);
    }

    private IEnumerable<double> YTicks()
    {
        var step = _niceStep;
        for (var tick = 0.0; tick <= _niceMax + (step / 2); tick += step)
        {
            yield return tick;
        }
    }

    private IEnumerable<(int Index, string Label)> XLabels()
    {
        if (BucketStarts.Count == 0)
        {
            yield break;
        }

        if (Interval is DateInterval.Month or DateInterval.Week or DateInterval.Day
            && (BucketStarts[^1].DayNumber - BucketStarts[0].DayNumber) > 3 * 365)
        {
            // Long ranges read best labelled by year.
            var years = BucketStarts.Select(start => start.Year).Distinct().ToList();
            var everyYears = Math.Max(1, (int)Math.Ceiling(years.Count / (double)MaxXLabels));
            for (var i = 0; i < BucketStarts.Count; i++)
            {
                var start = BucketStarts[i];
                var firstOfYear = i == 0 ? start.Month == 1 && start.Day <= 7 : start.Year != BucketStarts[i - 1].Year;
                if (firstOfYear && start.Year % everyYears == 0)
                {
                    yield return (i, start.Year.ToString(CultureInfo.InvariantCulture));
                }
            }

            yield break;
        }

        var every = Math.Max(1, (int)Math.Ceiling(BucketStarts.Count / (double)MaxXLabels));
        for (var i = 0; i < BucketStarts.Count; i += every)
        {
            yield return (i, BucketLabel(BucketStarts[i]));
        }
    }

    /// <summary>
    /// Runs of consecutive buckets that have a value worth a line: lines break over gaps rather than invent zeros,
    /// and over values resting on too few articles rather than spike through them.
    /// </summary>
    private IEnumerable<List<int>> Segments(ChartSeriesData series)
    {
        var run = new List<int>();
        for (var i = 0; i < series.Values.Count; i++)
        {
            if (double.IsNaN(series.Values[i]) || series.IsUncertain(i, MinSupport))
            {
                if (run.Count > 0)
                {
                    yield return run;
                    run = [];
                }
            }
            else
            {
                run.Add(i);
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private string LinePoints(ChartSeriesData series, List<int> segment) =>
        string.Join(' ', Thin(segment, index => series.Values[index]).Select(index => $"{F(X(index))},{F(Y(series.Values[index]))}"));

    /// <summary>
    /// The indices worth drawing of a run of consecutive indices: all of them, or on a dense chart the lowest and
    /// the highest of each group (in order), which keeps every peak and trough a pixel could show.
    /// </summary>
    private IEnumerable<int> Thin(IReadOnlyList<int> run, Func<int, double> value)
    {
        if (_groupSize == 1)
        {
            return run;
        }

        var kept = new List<int>();
        foreach (var group in run.GroupBy(index => index / _groupSize))
        {
            var low = group.MinBy(value);
            var high = group.MaxBy(value);
            kept.Add(Math.Min(low, high));
            if (low != high)
            {
                kept.Add(Math.Max(low, high));
            }
        }

        return kept;
    }

    /// <summary>Per group of buckets, the one where <paramref name="value"/> is highest (every bucket when not dense).</summary>
    private IEnumerable<int> Peaks(int count, Func<int, double> value) =>
        _hitGroupSize == 1
            ? Enumerable.Range(0, count)
            : Enumerable.Range(0, count).GroupBy(index => index / _hitGroupSize).Select(group => group.MaxBy(value));

    /// <summary>Each visible series with its lower and upper edge per bucket, stacked in series order.</summary>
    private List<(ChartSeriesData Series, double[] Lower, double[] Upper)> StackedLayers()
    {
        var layers = new List<(ChartSeriesData, double[], double[])>();
        var lower = new double[BucketStarts.Count];
        foreach (var series in VisibleSeries)
        {
            var upper = lower.Select((value, index) => value + ValueOrZero(series, index)).ToArray();
            layers.Add((series, lower, upper));
            lower = upper;
        }

        return layers;
    }

    /// <summary>The outline of a stacked layer; on a dense chart every layer keeps the same buckets (the top's lows and highs) so that layers never cross.</summary>
    private string AreaPoints(double[] lower, double[] upper, double[] top)
    {
        var kept = Thin([.. Enumerable.Range(0, upper.Length)], index => top[index]).ToList();
        return string.Join(' ', kept.Select(index => $"{F(X(index))},{F(Y(upper[index]))}")
            .Concat(kept.AsEnumerable().Reverse().Select(index => $"{F(X(index))},{F(Y(lower[index]))}")));
    }

    /// <summary>Points with a value worth drilling into (counts above zero, any index), at their drawn height.</summary>
    private IEnumerable<(ChartSeriesData Series, int Index, double Y)> HitPoints()
    {
        if (Stacked)
        {
            foreach (var (series, _, upper) in StackedLayers())
            {
                foreach (var i in Peaks(upper.Length, index => ValueOrZero(series, index)))
                {
                    if (ValueOrZero(series, i) > 0)
                    {
                        yield return (series, i, Y(upper[i]));
                    }
                }
            }

            yield break;
        }

        foreach (var series in VisibleSeries)
        {
            foreach (var i in Peaks(series.Values.Count, index => double.IsNaN(series.Values[index]) ? double.NegativeInfinity : series.Values[index]))
            {
                var value = series.Values[i];
                if (!double.IsNaN(value) && (value > 0 || Format == ChartValueFormat.Index))
                {
                    yield return (series, i, ClampedY(value));
                }
            }
        }
    }

    /// <summary>
    /// The hit targets as one block of markup instead of render-tree elements: they are most of a chart's elements
    /// (thousands on a week chart), and as elements each was built, diffed and serialised by the circuit, which took
    /// most of a redraw. As markup they cost one string; the browser parses it (in the SVG namespace) in one go.
    /// Every value is encoded here, since Blazor does not encode markup.
    /// </summary>
    private MarkupString HitPointsMarkup()
    {
        var html = new StringBuilder();
        foreach (var (series, index, y) in HitPoints())
        {
            var bucket = BucketStarts[index];
            var uncertain = !Stacked && series.IsUncertain(index, MinSupport);
            if (uncertain)
            {
                // Off the line, faded: the value is there to be seen and opened, not read as a trend.
                html.Append("<circle class=\"uncertain\" cx=\"").Append(F(X(index))).Append("\" cy=\"").Append(F(y))
                    .Append("\" r=\"3.5\" fill=\"").Append(Encoder.Encode(series.Color)).Append("\"></circle>");
            }

            html.Append(uncertain ? "<a class=\"point uncertain-point\" tabindex=\"-1\"" : "<a class=\"point\" tabindex=\"-1\"");
            if (PointHref?.Invoke(new ChartPoint(series.Key, bucket)) is { } href)
            {
                html.Append(" href=\"").Append(Encoder.Encode(href)).Append('"');
            }

            html.Append(" data-series=\"").Append(Encoder.Encode(series.Key ?? "total"))
                .Append("\" data-bucket=\"").Append(TrendState.Day(bucket))
                .Append("\"><title>").Append(Encoder.Encode(PointName(series, index, uncertain)))
                .Append("</title><circle class=\"hit\" cx=\"").Append(F(X(index)))
                .Append("\" cy=\"").Append(F(y))
                .Append("\" r=\"6\"></circle></a>");
        }

        return new MarkupString(html.ToString());
    }

    /// <summary>
    /// A point's name (its tooltip, and what the readout says when the keyboard reaches it): series, period and value
    /// with its unit, and what it rests on, e.g. "Serbia, Mar 2008: tension index 212 (41 articles)".
    /// </summary>
    private string PointName(ChartSeriesData series, int index, bool uncertain) =>
        $"{series.Name}, {BucketLabel(BucketStarts[index])}: {ValueWithUnit(series.Values[index])}{SupportNote(series, index, uncertain)}";

    private string ValueWithUnit(double value) => Format == ChartValueFormat.Count
        ? (value == 1 ? "1 article" : FormatValue(value) + " articles")
        : string.Format(CultureInfo.InvariantCulture, ValueTemplate, FormatValue(value));

    /// <summary>What a value rests on, for its tooltip and the readout: the count, and a warning when it is too few.</summary>
    private static string SupportNote(ChartSeriesData series, int index, bool uncertain) =>
        series.Support is not { } support || index >= support.Count ? ""
        : uncertain ? $" (only {Articles(support[index])}: too few to read)"
        : $" ({Articles(support[index])})";

    private static string Articles(long count) => count == 1 ? "1 article" : count.ToString("N0", CultureInfo.InvariantCulture) + " articles";

    private IEnumerable<ChartAnnotation> VisibleAnnotations() =>
        BucketStarts.Count == 0
            ? []
            : Annotations
                .Where(annotation => annotation.Date >= BucketStarts[0] && annotation.Date < Interval.NextBucket(BucketStarts[^1]))
                .OrderBy(annotation => annotation.Date);

    /// <summary>Where a day falls: within its bucket, in proportion to the days before it.</summary>
    private double AnnotationX(DateOnly date)
    {
        var index = 0;
        while (index + 1 < BucketStarts.Count && BucketStarts[index + 1] <= date)
        {
            index++;
        }

        var start = BucketStarts[index];
        var length = Interval.NextBucket(start).DayNumber - start.DayNumber;
        var position = index + ((date.DayNumber - start.DayNumber) / (double)length);
        return X(Math.Min(position, BucketStarts.Count - 1));
    }

    private string BucketLabel(DateOnly start) => TrendsFormat.BucketLabel(start, Interval);

    private string FormatValue(double value) => Format switch
    {
        ChartValueFormat.Percent => (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%",
        ChartValueFormat.Index => value.ToString("0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.#", CultureInfo.InvariantCulture),
    };

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
