using System.Globalization;
using System.Net;
using System.Text;
using Monitoring.Core.Enrichment.Tension;

namespace Monitoring.Cli;

/// <summary>
/// Draws a weekly tension series as a self-contained SVG (no scripts, no web fonts) that rsvg-convert or a browser
/// turns into PNG: the tension index above, the protest share below, events as dashed red lines across both.
/// </summary>
internal static class SeriesChart
{
    private const double Width = 1200;
    private const double Left = 70;
    private const double Right = 30;
    private const double PanelHeight = 210;
    private const double TopPanel = 110;
    private const double Gap = 70;
    private const double BottomPanel = TopPanel + PanelHeight + Gap;
    private const double Height = BottomPanel + PanelHeight + 95;

    public static string Svg(string title, string caption, IReadOnlyList<TensionSeriesWeek> weeks, IReadOnlyList<SeriesEvent> events)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"28\" font-size=\"18\" font-weight=\"bold\">{Escape(title)}</text>\n"));
        if (weeks.Count == 0)
        {
            return svg.Append("</svg>\n").ToString();
        }

        var first = weeks[0].Start;
        var last = weeks[^1].Start.AddDays(7);
        double X(DateOnly date) => Left + ((Width - Left - Right) * (date.DayNumber - first.DayNumber) / (last.DayNumber - first.DayNumber));

        var maxIndex = NiceCeiling(weeks.Max(week => week.TensionIndex ?? 0));
        var maxShare = NiceCeiling(100 * weeks.Max(week => week.ProtestShare ?? 0));
        Panel(svg, TopPanel, "Tension index (100 = average week)", maxIndex, "");
        Panel(svg, BottomPanel, "Protest share of the week's headlines", maxShare, "%");
        Reference(svg, TopPanel, 100, maxIndex, "#555555");
        MonthTicks(svg, first, last, X);
        Line(svg, weeks, week => week.TensionIndex, TopPanel, maxIndex, X, "#c0392b");
        Line(svg, weeks, week => week.ProtestShare * 100, BottomPanel, maxShare, X, "#1f5fa8");
        Events(svg, events.Where(happened => happened.Date >= first && happened.Date < last).ToList(), X);
        Wrapped(svg, caption, Left, Height - 34, 170);
        return svg.Append("</svg>\n").ToString();
    }

    private static void Panel(StringBuilder svg, double top, string label, double max, string unit)
    {
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"{top - 10}\" font-size=\"13\" font-weight=\"bold\">{Escape(label)}</text>\n"));
        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{top}\" width=\"{Width - Left - Right}\" height=\"{PanelHeight}\" fill=\"none\" stroke=\"#999999\"/>\n"));
        for (var step = 0; step <= 4; step++)
        {
            var value = max * step / 4;
            var y = top + PanelHeight - (PanelHeight * step / 4);
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#e5e5e5\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" fill=\"#444444\">{value:0.#}{unit}</text>\n"));
        }
    }

    private static void Reference(StringBuilder svg, double top, double value, double max, string colour)
    {
        var y = top + PanelHeight - (PanelHeight * value / max);
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"{colour}\" stroke-dasharray=\"2 3\"/>\n"));
    }

    private static void MonthTicks(StringBuilder svg, DateOnly first, DateOnly last, Func<DateOnly, double> x)
    {
        for (var month = new DateOnly(first.Year, first.Month, 1).AddMonths(1); month < last; month = month.AddMonths(1))
        {
            var at = x(month);
            foreach (var top in new[] { TopPanel, BottomPanel })
            {
                svg.Append(Invariant($"<line x1=\"{at:0.#}\" y1=\"{top + PanelHeight}\" x2=\"{at:0.#}\" y2=\"{top + PanelHeight + 5}\" stroke=\"#444444\"/>\n"));
                var label = month.Month == 1 || month == new DateOnly(first.Year, first.Month, 1).AddMonths(1) ? month.ToString("MMM yyyy", CultureInfo.InvariantCulture) : month.ToString("MMM", CultureInfo.InvariantCulture);
                svg.Append(Invariant($"<text x=\"{at:0.#}\" y=\"{top + PanelHeight + 18}\" text-anchor=\"middle\" fill=\"#444444\">{label}</text>\n"));
            }
        }
    }

    // A gap in the line where a week has no value, rather than a line drawn across it.
    private static void Line(StringBuilder svg, IReadOnlyList<TensionSeriesWeek> weeks, Func<TensionSeriesWeek, double?> value, double top, double max, Func<DateOnly, double> x, string colour)
    {
        var path = new StringBuilder();
        var pen = 'M';
        foreach (var week in weeks)
        {
            if (value(week) is not { } y)
            {
                pen = 'M';
                continue;
            }

            path.Append(Invariant($"{pen}{x(week.Start.AddDays(3)):0.#},{top + PanelHeight - (PanelHeight * Math.Min(y, max) / max):0.#} "));
            pen = 'L';
        }

        svg.Append(Invariant($"<path d=\"{path.ToString().TrimEnd()}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" stroke-linejoin=\"round\"/>\n"));
    }

    // Labels are staggered on two rows above the top panel, so events a few weeks apart do not overwrite each other.
    private static void Events(StringBuilder svg, List<SeriesEvent> events, Func<DateOnly, double> x)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var at = x(events[i].Date);
            var labelY = TopPanel - 48 + (i % 2 * 16);
            svg.Append(Invariant($"<line x1=\"{at:0.#}\" y1=\"{labelY + 4}\" x2=\"{at:0.#}\" y2=\"{BottomPanel + PanelHeight}\" stroke=\"#d62728\" stroke-dasharray=\"5 4\"/>\n"));
            var anchor = at > Width - 220 ? "end" : "start";
            var dx = anchor == "end" ? -4 : 4;
            svg.Append(Invariant($"<text x=\"{at + dx:0.#}\" y=\"{labelY}\" text-anchor=\"{anchor}\" fill=\"#d62728\">{events[i].Date:d MMM yyyy}: {Escape(events[i].Label)}</text>\n"));
        }
    }

    private static void Wrapped(StringBuilder svg, string text, double x, double y, int width)
    {
        var line = new StringBuilder();
        var row = 0;
        foreach (var word in text.Split(' '))
        {
            if (line.Length + word.Length + 1 > width)
            {
                svg.Append(Invariant($"<text x=\"{x}\" y=\"{y + (row * 15)}\" fill=\"#444444\">{Escape(line.ToString())}</text>\n"));
                line.Clear();
                row++;
            }

            line.Append(line.Length == 0 ? "" : " ").Append(word);
        }

        svg.Append(Invariant($"<text x=\"{x}\" y=\"{y + (row * 15)}\" fill=\"#444444\">{Escape(line.ToString())}</text>\n"));
    }

    /// <summary>The smallest of 1, 2, 2.5 or 5 × a power of ten at or above the value (at least 1).</summary>
    internal static double NiceCeiling(double value)
    {
        if (value <= 1)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(step => step * power).First(candidate => candidate >= value);
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
