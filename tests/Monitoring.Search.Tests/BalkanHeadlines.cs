using System.Text;
using Monitoring.Core.Articles;
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
        CsvRows.Read(File.ReadAllText(Path.Combine(Folder, fileName), Encoding.UTF8).TrimStart('\uFEFF'))
            .Skip(1)
            .Where(row => row.Count >= 2)
            .GroupBy(row => row[1], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First()[0].Trim(), StringComparer.Ordinal);

    /// <summary>An article whose title and body are the headline.</summary>
    public static EnrichedArticle ToArticle(string url, string headline, string source) =>
        DemoCorpus.Headline(headline, source, language: "sr", url: new Uri(url));
}
