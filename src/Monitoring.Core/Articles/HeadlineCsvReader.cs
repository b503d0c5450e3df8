using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Monitoring.Core.Articles;

/// <summary>
/// Reads a scraped headline list with the columns <c>headline,url,datePublished</c> (the RTS politics headlines
/// of ../shared/data/balkans), where the date is written the Serbian way in either script:
/// "петак, 16. јан 2026, 13:45 -> 14:12" or "petak, 16. jan 2026, 13:45 -> 14:12". Each row is an article whose
/// title is the headline and whose body is empty; rows without a headline or a readable date are skipped.
/// </summary>
public static partial class HeadlineCsvReader
{
    // Month abbreviations as the outlet writes them, both scripts.
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1,
        ["feb"] = 2,
        ["mar"] = 3,
        ["apr"] = 4,
        ["maj"] = 5,
        ["jun"] = 6,
        ["jul"] = 7,
        ["avg"] = 8,
        ["sep"] = 9,
        ["okt"] = 10,
        ["nov"] = 11,
        ["dec"] = 12,
        ["јан"] = 1,
        ["феб"] = 2,
        ["мар"] = 3,
        ["апр"] = 4,
        ["мај"] = 5,
        ["јун"] = 6,
        ["јул"] = 7,
        ["авг"] = 8,
        ["сеп"] = 9,
        ["окт"] = 10,
        ["нов"] = 11,
        ["дец"] = 12,
    };

    public static IEnumerable<Article> Read(string path, string source, string language, DateTimeOffset ingestedAt)
    {
        foreach (var fields in CsvRows.Read(File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF')).Skip(1))
        {
            if (fields.Count < 3 || string.IsNullOrWhiteSpace(fields[0]) || ParseDate(fields[2]) is not { } published)
            {
                continue;
            }

            var title = fields[0].Trim();
            yield return new Article
            {
                Id = Uri.TryCreate(fields[1], UriKind.Absolute, out var url) ? ArticleId.ForUrl(url) : ArticleId.ForContent(source, title, string.Empty),
                Title = title,
                Paragraphs = [],
                Source = source,
                Language = language,
                Url = url,
                Published = published,
                IngestedAt = ingestedAt,
            };
        }
    }

    /// <summary>The day of "петак, 16. јан 2026, 13:45 -> 14:12" (times are dropped); null when unreadable.</summary>
    public static DateTimeOffset? ParseDate(string text)
    {
        var match = DatePattern().Match(text ?? string.Empty);
        if (!match.Success || !Months.TryGetValue(match.Groups["month"].Value, out var month))
        {
            return null;
        }

        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        return day <= DateTime.DaysInMonth(year, month) ? new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero) : null;
    }

    [GeneratedRegex(@"(?<day>\d{1,2})\.\s*(?<month>\p{L}{3})\p{L}*\s+(?<year>\d{4})")]
    private static partial Regex DatePattern();
}
