using System.Globalization;
using System.Text;

namespace Monitoring.Core.Enrichment.Countries;

/// <summary>
/// The shipped gazetteer: <c>gazetteer.tsv</c> (text, code, kind, language, origin) and <c>countries.tsv</c>
/// (code, English name). Tab-separated, one entry a line, lines starting with # are comments.
/// </summary>
public static class GazetteerFile
{
    public const string EntriesFileName = "gazetteer.tsv";

    public const string CountriesFileName = "countries.tsv";

    /// <exception cref="InvalidDataException">A line is malformed; the message names file and line.</exception>
    public static IReadOnlyList<GazetteerEntry> ReadEntries(string path)
    {
        var entries = new List<GazetteerEntry>();
        foreach (var (fields, origin) in SeedTsv.ReadRows(path, minimumFields: 4))
        {
            if (!Enum.TryParse<GazetteerKind>(fields[2], ignoreCase: true, out var kind))
            {
                throw new InvalidDataException($"{origin}: unknown kind '{fields[2]}'.");
            }

            entries.Add(new GazetteerEntry(fields[0], fields[1], kind, fields[3], fields.Length > 4 ? fields[4] : "curated"));
        }

        return entries;
    }

    /// <summary>Code → English display name.</summary>
    public static IReadOnlyDictionary<string, string> ReadCountries(string path) =>
        SeedTsv.ReadRows(path, minimumFields: 2).ToDictionary(row => row.Fields[0], row => row.Fields[1], StringComparer.Ordinal);

    public static void Write(string folder, IEnumerable<GazetteerEntry> entries, IReadOnlyDictionary<string, string> countries, string header)
    {
        Directory.CreateDirectory(folder);
        var text = new StringBuilder();
        text.Append("# ").AppendLine(header);
        text.AppendLine("# text\tcode\tkind\tlanguage\torigin");
        foreach (var entry in entries)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{entry.Text}\t{entry.Code}\t{entry.Kind.ToString().ToLowerInvariant()}\t{entry.Language}\t{entry.Origin}");
        }

        File.WriteAllText(Path.Combine(folder, EntriesFileName), text.ToString().ReplaceLineEndings("\n"));

        var names = new StringBuilder();
        names.Append("# ").AppendLine(header);
        names.AppendLine("# code\tname");
        foreach (var (code, name) in countries.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            names.AppendLine(CultureInfo.InvariantCulture, $"{code}\t{name}");
        }

        File.WriteAllText(Path.Combine(folder, CountriesFileName), names.ToString().ReplaceLineEndings("\n"));
    }
}
