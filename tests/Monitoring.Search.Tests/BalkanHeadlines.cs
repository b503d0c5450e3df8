using System.Text;
using Monitoring.Tests;

namespace Monitoring.Search.Tests;

/// <summary>
/// The RTS politics headlines in ../shared/data/balkans, Serbian Cyrillic (rts.csv) and Latin
/// (rts_latin.csv), joined by URL. Read at test time; never copied into the project.
/// </summary>
internal static class BalkanHeadlines
{
    public static string Folder => Path.Combine(RepositoryPaths.Corpora, "balkans");

    /// <summary>Skips the calling test when the corpus folder is absent.</summary>
    public static void SkipUnlessPresent()
    {
        if (!File.Exists(Path.Combine(Folder, "rts.csv")) || !File.Exists(Path.Combine(Folder, "rts_latin.csv")))
        {
            Assert.Skip($"The balkans corpus is not in {Folder} (set MONITORING_CORPORA).");
        }
    }

    /// <summary>Headline by URL, from one file; a URL listed twice keeps its first headline.</summary>
    public static Dictionary<string, string> Read(string fileName) =>
        ReadRows(Path.Combine(Folder, fileName))
            .Skip(1)
            .Where(row => row.Count >= 2)
            .GroupBy(row => row[1], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First()[0].Trim(), StringComparer.Ordinal);

    /// <summary>An article whose title and body are the headline.</summary>
    public static EnrichedArticle ToArticle(string url, string headline, string source) =>
        DemoCorpus.Headline(headline, source, language: "sr", url: new Uri(url));

    // RFC 4180: fields may be quoted, quotes doubled inside, line breaks allowed inside quotes.
    private static IEnumerable<List<string>> ReadRows(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF');
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            if (quoted)
            {
                if (character == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (character == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(character);
                }

                continue;
            }

            switch (character)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\n':
                    row.Add(field.ToString().TrimEnd('\r'));
                    field.Clear();
                    yield return row;
                    row = [];
                    break;
                default:
                    field.Append(character);
                    break;
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
