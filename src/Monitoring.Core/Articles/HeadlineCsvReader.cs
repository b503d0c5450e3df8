using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Monitoring.Core.Articles;

/// <summary>A headline of a CSV file with the date it was published on, in the outlet's own calendar.</summary>
public sealed record DatedHeadline(string Headline, DateOnly Date, Uri? Url);

/// <summary>
/// Reads a scraped headline list with a header row naming <c>headline</c> and <c>datePublished</c> (and optionally
/// <c>url</c>), as the RTS politics headlines of ../shared/data/balkans (rts.csv, rts_latin.csv: quoted fields as
/// <see cref="CsvRows"/> reads them). Dates are RTS's own "петак, 16. јан 2026, 13:45 -> 14:12" (Latin "petak, 16.
/// jan 2026, …") or ISO 8601; the date kept is the outlet's local calendar day, which is what a weekly chart buckets.
/// Rows without a headline or a readable date are skipped and counted.
/// </summary>
public static partial class HeadlineCsvReader
{
    // RTS abbreviates months to three letters, in the script of the file.
    private static readonly string[] CyrillicMonths = ["јан", "феб", "мар", "апр", "мај", "јун", "јул", "авг", "сеп", "окт", "нов", "дец"];
    private static readonly string[] LatinMonths = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "avg", "sep", "okt", "nov", "dec"];
    private static readonly Dictionary<string, int> Months = CyrillicMonths.Select((name, i) => (Name: name, Number: i + 1))
        .Concat(LatinMonths.Select((name, i) => (Name: name, Number: i + 1)))
        .ToDictionary(month => month.Name, month => month.Number, StringComparer.OrdinalIgnoreCase);

    /// <summary>The headlines in file order, and how many rows had no headline or no date that could be read.</summary>
    /// <exception cref="InvalidDataException">The header lacks a <c>headline</c> or <c>datePublished</c> column.</exception>
    public static (List<DatedHeadline> Headlines, int Unreadable) ReadHeadlines(string path)
    {
        var rows = CsvRows.Read(File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF')).ToList();
        var header = rows.Count > 0 ? rows[0].Select(name => name.Trim()).ToList() : [];
        var headline = header.FindIndex(name => name.Equals("headline", StringComparison.OrdinalIgnoreCase));
        var date = header.FindIndex(name => name.Equals("datePublished", StringComparison.OrdinalIgnoreCase));
        var url = header.FindIndex(name => name.Equals("url", StringComparison.OrdinalIgnoreCase));
        if (headline < 0 || date < 0)
        {
            throw new InvalidDataException($"{path} has no header row with the columns headline and datePublished (as ../shared/data/balkans/rts.csv: headline,url,datePublished).");
        }

        var headlines = new List<DatedHeadline>();
        var unreadable = 0;
        foreach (var row in rows.Skip(1).Where(row => row.Any(field => field.Length > 0)))
        {
            var text = row.ElementAtOrDefault(headline)?.Trim();
            if (string.IsNullOrEmpty(text) || ParseDay(row.ElementAtOrDefault(date)) is not { } published)
            {
                unreadable++;
                continue;
            }

            Uri.TryCreate(row.ElementAtOrDefault(url), UriKind.Absolute, out var link);
            headlines.Add(new DatedHeadline(text, published, url < 0 ? null : link));
        }

        return (headlines, unreadable);
    }

    /// <summary>Each headline as an article (<see cref="ToArticle"/>).</summary>
    /// <exception cref="InvalidDataException">The header lacks a <c>headline</c> or <c>datePublished</c> column.</exception>
    public static IEnumerable<Article> Read(string path, string source, string language, DateTimeOffset ingestedAt) =>
        ReadHeadlines(path).Headlines.Select(headline => ToArticle(headline, source, language, ingestedAt));

    /// <summary>One headline as an article: the headline is its title, the body is empty, published at the start of its day (UTC).</summary>
    public static Article ToArticle(DatedHeadline headline, string source, string language, DateTimeOffset ingestedAt)
    {
        ArgumentNullException.ThrowIfNull(headline);
        return new Article
        {
            Id = headline.Url is { } url ? ArticleId.ForUrl(url) : ArticleId.ForContent(source, headline.Headline, string.Empty),
            Title = headline.Headline,
            Paragraphs = [],
            Source = source,
            Language = language,
            Url = headline.Url,
            Published = new DateTimeOffset(headline.Date, TimeOnly.MinValue, TimeSpan.Zero),
            IngestedAt = ingestedAt,
        };
    }

    /// <summary>"16. јан 2026" or "16. jan 2026" anywhere in the field (times are dropped), else an ISO 8601 date or timestamp; null otherwise.</summary>
    public static DateOnly? ParseDay(string? value)
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

        return !match.Success && DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp)
            ? DateOnly.FromDateTime(timestamp.DateTime)
            : null;
    }

    /// <summary>The start (UTC) of the day <see cref="ParseDay"/> reads; null when unreadable.</summary>
    public static DateTimeOffset? ParseDate(string? value) =>
        ParseDay(value) is { } day ? new DateTimeOffset(day, TimeOnly.MinValue, TimeSpan.Zero) : null;

    [GeneratedRegex(@"(?<day>\d{1,2})\.\s*(?<month>\p{L}{3})\p{L}*\.?\s+(?<year>\d{4})")]
    private static partial Regex DayMonthYear();
}
