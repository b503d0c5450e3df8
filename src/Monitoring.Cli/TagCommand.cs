using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;

namespace Monitoring.Cli;

/// <summary>
/// <c>tag INPUT… [--out FILE] [--Enrichment:SourceCountryPrior false]</c>: enriches articles from text files (with
/// their sidecars), JSONL corpora and Reuters SGML (a reut2-*.sgm file or a folder of them) and writes one JSON
/// object per article with every tag and its evidence. The outlet's country comes from the sidecar's or the
/// record's <c>sourceCountry</c>. Writes to standard output without --out; the rate goes to standard error.
/// </summary>
internal static class TagCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static int Run(IReadOnlyList<string> args)
    {
        var inputs = CliOptions.Positional(args);
        if (inputs.Count == 0)
        {
            Console.Error.WriteLine("tag: name at least one .txt, .jsonl, .sgm file or folder of reut2-*.sgm.");
            return 2;
        }

        foreach (var input in inputs)
        {
            if (Directory.Exists(input) ? !Directory.EnumerateFiles(input, "reut2-*.sgm").Any() : !File.Exists(input))
            {
                Console.Error.WriteLine(Directory.Exists(input)
                    ? $"tag: the folder {input} holds no reut2-*.sgm files."
                    : $"tag: no such file {input}");
                return 2;
            }

            if (!Directory.Exists(input) && Path.GetExtension(input).ToLowerInvariant() is not (".txt" or ".jsonl" or ".sgm"))
            {
                Console.Error.WriteLine($"tag: cannot read {input} (expected .txt, .jsonl, .sgm or a folder of reut2-*.sgm).");
                return 2;
            }
        }

        var enricher = new ArticleEnricher(EnrichmentModel.LoadFrom(CliOptions.Value(args, "--seeds") ?? "seeds"), CliOptions.Enrichment(args));
        var output = CliOptions.Value(args, "--out");
        using var writer = output is null ? Console.Out : new StreamWriter(output);
        var watch = Stopwatch.StartNew();
        var count = 0;
        foreach (var article in inputs.SelectMany(Read))
        {
            var enriched = enricher.Enrich(article);
            writer.WriteLine(JsonSerializer.Serialize(new TaggedArticle(enriched), Json));
            count++;
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} articles tagged in {watch.Elapsed.TotalSeconds:0.0} s ({count / Math.Max(watch.Elapsed.TotalSeconds, 0.001):0} articles/s)."));
        return 0;
    }

    private static IEnumerable<Article> Read(string input)
    {
        var now = DateTimeOffset.UtcNow;
        if (Directory.Exists(input))
        {
            return ReutersSgmlReader.ReadFolder(input).Select(story => story.ToArticle(now));
        }

        return Path.GetExtension(input).ToLowerInvariant() switch
        {
            ".txt" => [TextArticleReader.Read(input, now)],
            ".jsonl" => JsonlCorpusReader.Read(input, now),
            ".sgm" => ReutersSgmlReader.ReadFile(input).Select(story => story.ToArticle(now)),
            _ => throw new UnreachableException($"{input} was checked before reading."),
        };
    }

    private sealed record TaggedArticle(string Id, string Title, string Source, string? SourceCountry, string Language, DateTimeOffset? Published, ArticleTags Tags)
    {
        public TaggedArticle(EnrichedArticle enriched)
            : this(enriched.Id.Value, enriched.Article.Title, enriched.Article.Source, enriched.Article.SourceCountry, enriched.Article.Language, enriched.Article.Published, enriched.Tags)
        {
        }
    }
}
