using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
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

    [Parameter]
    public EventCallback<ChartPoint> OnPointClick { get; set; }

    [Parameter]
    public string AriaLabel { get; set; } = "Chart";

    [Parameter]
    public string SvgId { get; set; } = "coverage-svg";

    // The scale, worked out once per change rather than per point (a daily chart has thousands of points).
    private double _niceStep = 1;
    private double _niceMax = 1;

    private IEnumerable<ChartSeriesData> VisibleSeries => Series.Where(series => !_hidden.Contains(series.Name));

    protected override void OnParametersSet() => Rescale();

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
            var max = Stacked
                ? Enumerable.Range(0, BucketStarts.Count).Select(i => VisibleSeries.Sum(series => ValueOrZero(series, i))).DefaultIfEmpty(0).Max()
                : VisibleSeries.SelectMany(series => series.Values).Where(value => !double.IsNaN(value)).DefaultIfEmpty(0).Max();
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

        Rescale();
    }

    private async Task OnPointKeyAsync(KeyboardEventArgs args, ChartPoint point)
    {
        if (args.Key is "Enter" or " ")
        {
            await OnPointClick.InvokeAsync(point);
        }
    }

    private double X(double index) =>
        BucketStarts.Count <= 1 ? Left : Left + ((Width - Left - Right) * index / (BucketStarts.Count - 1));

    private double Y(double value) => Top + ((Height - Top - Bottom) * (1 - (value / _niceMax)));

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

    /// <summary>Runs of consecutive buckets that have a value: lines break over gaps rather than invent zeros.</summary>
    private static IEnumerable<List<int>> Segments(ChartSeriesData series)
    {
        var run = new List<int>();
        for (var i = 0; i < series.Values.Count; i++)
        {
            if (double.IsNaN(series.Values[i]))
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
        string.Join(' ', segment.Select(index => $"{F(X(index))},{F(Y(series.Values[index]))}"));

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

    private string AreaPoints(double[] lower, double[] upper) =>
        string.Join(' ', upper.Select((value, index) => $"{F(X(index))},{F(Y(value))}")
            .Concat(lower.Select((value, index) => $"{F(X(index))},{F(Y(value))}").Reverse()));

    /// <summary>Points with a value worth drilling into (counts above zero, any index), at their drawn height.</summary>
    private IEnumerable<(ChartSeriesData Series, int Index, double Y)> HitPoints()
    {
        if (Stacked)
        {
            foreach (var (series, _, upper) in StackedLayers())
            {
                for (var i = 0; i < upper.Length; i++)
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
            for (var i = 0; i < series.Values.Count; i++)
            {
                var value = series.Values[i];
                if (!double.IsNaN(value) && (value > 0 || Format == ChartValueFormat.Index))
                {
                    yield return (series, i, Y(value));
                }
            }
        }
    }

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
