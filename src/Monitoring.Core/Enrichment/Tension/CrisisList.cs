using System.Globalization;

namespace Monitoring.Core.Enrichment.Tension;

/// <summary>A known crisis of the region: when, which country, what happened and where that is written.</summary>
/// <param name="DemoItem">The day of the demo-corpus item that reports the crisis, read by hand; null when none does.</param>
/// <param name="RtsArticle">The article number of an RTS headline that reports it, read by hand; null when none does.</param>
public sealed record Crisis(DateOnly Date, string Country, string Event, string Source, DateOnly? DemoItem = null, string? RtsArticle = null);

/// <summary>
/// Reads <c>seeds/enrichment/crises.tsv</c>: date (yyyy-MM-dd), ISO country code, event, source URL, and optionally
/// the day of the demo-corpus item and the RTS article number that report the crisis ("-" for none).
/// </summary>
public static class CrisisList
{
    public const string FileName = "crises.tsv";

    /// <exception cref="InvalidDataException">A row lacks a field or its date is not yyyy-MM-dd.</exception>
    public static IReadOnlyList<Crisis> Read(string path) =>
        SeedTsv.ReadRows(path, 4)
            .Select(row => new Crisis(
                Day(row.Fields[0], row.Origin),
                row.Fields[1].Trim(),
                row.Fields[2].Trim(),
                row.Fields[3].Trim(),
                Optional(row.Fields, 4) is { } demo ? Day(demo, row.Origin) : null,
                Optional(row.Fields, 5)))
            .ToList();

    private static DateOnly Day(string text, string origin) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidDataException($"{origin}: '{text}' is not a yyyy-MM-dd date.");

    private static string? Optional(string[] fields, int index) =>
        fields.Length > index && fields[index].Trim() is { Length: > 0 } value && value != "-" ? value : null;
}
