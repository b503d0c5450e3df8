namespace Monitoring.Core.Enrichment;

/// <summary>The tab-separated seed files: one row a line, blank lines and lines starting with # skipped.</summary>
internal static class SeedTsv
{
    /// <summary>The rows of <paramref name="path"/>, each with "file, line N" for error messages.</summary>
    /// <exception cref="InvalidDataException">A row has fewer than <paramref name="minimumFields"/> non-blank fields.</exception>
    public static IEnumerable<(string[] Fields, string Origin)> ReadRows(string path, int minimumFields)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            var origin = $"{path}, line {lineNumber}";
            if (fields.Length < minimumFields || fields.Take(minimumFields).Any(string.IsNullOrWhiteSpace))
            {
                throw new InvalidDataException($"{origin}: expected {minimumFields} tab-separated fields.");
            }

            yield return (fields, origin);
        }
    }
}
