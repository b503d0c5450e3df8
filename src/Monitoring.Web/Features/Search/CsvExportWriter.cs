using System.Globalization;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;

namespace Monitoring.Web.Features.Search;

/// <summary>
/// CSV export: "# key: value" lines describing the search, then a header row and one row per article.
/// Every row is one line (line breaks in values become spaces), so rows can be counted by lines. The outlet's
/// groups are written by name, as <paramref name="groups"/> names them when the export starts.
/// </summary>
internal sealed class CsvExportWriter(OutletGroupNames groups) : IExportWriter
{
    public static readonly string[] Columns =
    [
        "id", "published", "ingested", "source", "title", "url", "language", "countries", "about_countries",
        "topics", "people", "organisations", "tension", "tense", "story_id", "outlet_country", "outlet_kind", "outlet_groups",
    ];

    public string ContentType => "text/csv; charset=utf-8";

    public string Extension => "csv";

    public async Task WriteStartAsync(TextWriter writer, IReadOnlyList<(string Key, string Value)> metadata)
    {
        await writer.WriteLineAsync("# Balkan media monitor search export");
        foreach (var (key, value) in metadata)
        {
            await writer.WriteLineAsync($"# {key}: {OneLine(value)}");
        }

        await writer.WriteLineAsync(string.Join(',', Columns));
    }

    public async Task WriteArticleAsync(TextWriter writer, EnrichedArticle article, bool first)
    {
        var a = article.Article;
        var tags = article.Tags;
        string[] cells =
        [
            a.Id.Value,
            Instant(a.Published),
            Instant(a.IngestedAt),
            a.Source,
            a.Title,
            a.Url?.ToString() ?? "",
            a.Language,
            string.Join(' ', tags.Countries.Select(country => country.Code)),
            string.Join(' ', tags.Countries.Where(country => country.IsAbout).Select(country => country.Code)),
            string.Join(' ', tags.Topics.Select(topic => topic.Id)),
            string.Join("; ", tags.People.Select(person => person.Name)),
            string.Join("; ", tags.Organisations.Select(organisation => organisation.Name)),
            tags.Tension.Value.ToString("0.#", CultureInfo.InvariantCulture),
            tags.Tension.IsTense ? "true" : "false",
            a.StoryId?.Value ?? "",
            a.Outlet?.Country ?? "",
            a.Outlet?.Kind?.Key() ?? "",
            string.Join("; ", (a.Outlet?.Groups ?? []).Select(groups.Label)),
        ];
        await writer.WriteLineAsync(string.Join(',', cells.Select(Cell)));
    }

    public Task WriteEndAsync(TextWriter writer, long rows) => Task.CompletedTask;

    /// <summary>
    /// Quotes a value when needed; a value a spreadsheet would run as a formula (=, +, -, @ first) gets a
    /// leading apostrophe.
    /// </summary>
    internal static string Cell(string value)
    {
        var text = OneLine(value);
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"") >= 0 || text.StartsWith(' ') || text.EndsWith(' ')
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }

    private static string OneLine(string value) =>
        value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');

    private static string Instant(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
