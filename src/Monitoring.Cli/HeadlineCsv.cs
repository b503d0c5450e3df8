using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Monitoring.Core.Articles;

namespace Monitoring.Cli;

/// <summary>A headline of a CSV file with the date it was published on, in the outlet's own calendar.</summary>
internal sealed record DatedHeadline(string Headline, DateOnly Date, Uri? Url);

/// <summary>
/// Reads a CSV of headlines with a header row naming <c>headline</c> and <c>datePublished</c> (and optionally
/// <c>url</c>), as ../shared/data/balkans/rts.csv and rts_latin.csv (<see cref="CsvRows"/>). Dates are ISO 8601
/// or RTS's own "петак, 16. јан 2026, 13:45 -> 14:12" (Latin "petak, 16. jan 2026, …"); the date is the outlet's
/// local calendar date, which is what a weekly chart buckets.
/// </summary>
internal static partial class HeadlineCsv
{
    // RTS abbreviates months to three letters, in the script of the file.
    private static readonly string[] CyrillicMonths = ["јан", "феб", "мар", "апр", "мај", "јун", "јул", "авг", "сеп", "окт", "нов", "дец"];
    private static readonly string[] LatinMonths = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "avg", "sep", "okt", "nov", "dec"];
    private static readonly Dictionary<string, int> Months = CyrillicMonths.Select((name, i) => (Name: name, Number: i + 1))
        .Concat(LatinMonths.Select((name, i) => (Name: name, Number: i + 1)))
        .ToDictionary(month => month.Name, month => month.Number, StringComparer.OrdinalIgnoreCase);

    /// <summary>The headlines in file order, and how many rows had no headline or no date that could be read.</summary>
    /// <exception cref="CommandLineException">The header lacks a <c>headline</c> or <c>datePublished</c> column.</exception>
    public static (List<DatedHeadline> Headlines, int Unreadable) Read(string path)
    {
        var rows = CsvRows.Read(File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF')).ToList();
        var header = rows.Count > 0 ? rows[0].Select(name => name.Trim()).ToList() : [];
        var headline = header.FindIndex(name => name.Equals("headline", StringComparison.OrdinalIgnoreCase));
        var date = header.FindIndex(name => name.Equals("datePublished", StringComparison.OrdinalIgnoreCase));
        var url = header.FindIndex(name => name.Equals("url", StringComparison.OrdinalIgnoreCase));
        if (headline < 0 || date < 0)
        {
            throw new CommandLineException($"eval series: {path} has no header row with the columns headline and datePublished (as ../shared/data/balkans/rts.csv: headline,url,datePublished).");
        }

        var headlines = new List<DatedHeadline>();
        var unreadable = 0;
        foreach (var row in rows.Skip(1).Where(row => row.Any(field => field.Length > 0)))
        {
            var text = row.ElementAtOrDefault(headline)?.Trim();
            if (string.IsNullOrEmpty(text) || ParseDate(row.ElementAtOrDefault(date)) is not { } published)
            {
                unreadable++;
                continue;
            }

            Uri.TryCreate(row.ElementAtOrDefault(url), UriKind.Absolute, out var link);
            headlines.Add(new DatedHeadline(text, published, url < 0 ? null : link));
        }

        return (headlines, unreadable);
    }

    /// <summary>"16. јан 2026" or "16. jan 2026" anywhere in the field, else an ISO 8601 date or timestamp; null otherwise.</summary>
    public static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var match = DayMonthYear().Match(value);
        if (match.Success && Months.TryGetValue(match.Groups["month"].Value, out var month)
            && int.TryParse(match.Groups["day"].Value, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(match.Groups["year"].Value, CultureInfo.InvariantCulture, out var year)
            && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        return DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp)
            ? DateOnly.FromDateTime(timestamp.DateTime)
            : null;
    }

    [GeneratedRegex(@"(?<day>\d{1,2})\.\s*(?<month>\p{L}{3})\p{L}*\.?\s+(?<year>\d{4})")]
    private static partial Regex DayMonthYear();
}
