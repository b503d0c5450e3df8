using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;

namespace Monitoring.Cli;

/// <summary>
/// <c>eval mentions FILE.xml</c>: mention-level country resolution against a corpus in the LGL XML format
/// (article text, toponyms with character offsets and the GeoNames country of each). A gold toponym counts
/// as found when one of our country mentions overlaps its span, and as correct when that mention's country
/// is the gold one.
/// </summary>
internal static class EvalMentionsCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var positional = CliOptions.Positional(args);
        var file = positional.Count > 0 ? positional[0] : Path.Combine("..", "shared", "data", "geoparsing", "lgl.xml");
        var model = EnrichmentModel.LoadFrom(CliOptions.Value(args, "--seeds") ?? "seeds");
        var enricher = new ArticleEnricher(model);
        var codeByName = model.CountryNames.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

        var gold = 0;
        var found = 0;
        var correct = 0;
        var unknownCountry = 0;
        var articles = 0;
        var wrong = new Dictionary<string, int>(StringComparer.Ordinal);
        var watch = new Stopwatch();
        foreach (var element in XDocument.Load(file).Descendants("article"))
        {
            var text = element.Element("text")?.Value ?? "";
            var article = new Article
            {
                Id = ArticleId.ForContent("lgl", "", text),
                Title = "",
                Paragraphs = [text],
                Source = "lgl",
                Language = "en",
                IngestedAt = DateTimeOffset.UnixEpoch,
            };
            watch.Start();
            var countries = enricher.Enrich(article).Tags.Countries;
            watch.Stop();
            articles++;
            var spans = countries.SelectMany(country => country.Positions.Select(span => (country.Code, span.Start, End: span.Start + span.Length))).ToList();
            foreach (var toponym in element.Descendants("toponym"))
            {
                var countryName = toponym.Element("gaztag")?.Element("country")?.Value;
                if (countryName is null)
                {
                    continue;
                }

                gold++;
                if (!codeByName.TryGetValue(countryName, out var expected))
                {
                    unknownCountry++;
                    continue;
                }

                var start = int.Parse(toponym.Element("start")!.Value, CultureInfo.InvariantCulture);
                var end = int.Parse(toponym.Element("end")!.Value, CultureInfo.InvariantCulture);
                var overlapping = spans.Where(span => span.Start < end && start < span.End).Select(span => span.Code).ToList();
                if (overlapping.Count == 0)
                {
                    continue;
                }

                found++;
                if (overlapping.Contains(expected, StringComparer.Ordinal))
                {
                    correct++;
                }
                else
                {
                    var key = $"{toponym.Element("phrase")?.Value}: {expected}→{overlapping[0]}";
                    wrong[key] = wrong.GetValueOrDefault(key) + 1;
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: {articles} articles, {gold} toponyms with a country ({articles / watch.Elapsed.TotalSeconds:0} articles/s)."));
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| toponyms found (a country mention overlaps) | {found} ({(double)found / gold:0.000}) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| country correct, of those found | {correct} ({(double)correct / Math.Max(found, 1):0.000}) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| country correct, of all toponyms | {(double)correct / gold:0.000} |"));
        if (unknownCountry > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| gold country name not in countries.tsv | {unknownCountry} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"Most frequent wrong countries: {string.Join("; ", wrong.OrderByDescending(pair => pair.Value).Take(12).Select(pair => $"{pair.Key} ×{pair.Value}"))}");
        return 0;
    }
}
