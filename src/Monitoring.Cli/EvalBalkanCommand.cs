using System.Diagnostics;
using System.Globalization;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Enrichment.Evaluation;

namespace Monitoring.Cli;

/// <summary>
/// <c>eval balkan [--set FILE] [--corpora DIR] [--seeds DIR] [--errors FILE] [--Enrichment:SourceCountryPrior false]</c>:
/// the enricher, as <c>tag</c> runs it, on the hand-labelled Balkan-language development set (Serbian in both
/// scripts, Croatian, Albanian, Macedonian). Each item is one headline or sentence, given as an article's title in
/// the item's language with its outlet as the source and the outlet's home country as the source's country. Prints precision, recall and F1 per language and per label (countries the item is
/// about, unrest/protest, tense, each labelled topic) on the development half, the held-out half and all.
/// </summary>
internal static class EvalBalkanCommand
{
    /// <summary>The taxonomy's protest topic and the tension lexicon's unrest category: either one is "unrest" said by the tagger.</summary>
    public const string ProtestTopic = "protests";

    public const string UnrestCategory = "protests-unrest";

    private static readonly string[] Halves = ["development", "held out", "all"];

    public static int Run(IReadOnlyList<string> args)
    {
        var setPath = CliOptions.ExistingFile(CliOptions.Value(args, "--set") ?? Path.Combine("seeds", "evaluation", "balkan-dev-set.tsv"), "eval balkan");
        var corpora = CliOptions.Value(args, "--corpora") ?? DefaultCorpora();
        var seeds = CliOptions.ExistingFolder(CliOptions.Value(args, "--seeds") ?? "seeds", "eval balkan");
        var errors = CliOptions.Value(args, "--errors");

        var model = EnrichmentModel.LoadFrom(seeds);
        var (items, topics) = BalkanDevSet.Read(setPath, corpora, model.Topics.Select(topic => topic.Id).ToHashSet(StringComparer.Ordinal));
        if (items.Count == 0)
        {
            throw new CommandLineException($"eval balkan: {setPath} holds no items.");
        }

        var enricher = new ArticleEnricher(model, CliOptions.Enrichment(args));
        var watch = Stopwatch.StartNew();
        var results = items.Select(item => (Item: item, Tags: enricher.Enrich(ToArticle(item)).Tags)).ToList();
        watch.Stop();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Balkan-language development set {setPath}: {items.Count} items ({string.Join(", ", BalkanDevSet.Variants.Select(variant => $"{variant} {items.Count(item => item.Variant == variant)}"))}), enriched in {watch.Elapsed.TotalSeconds:0.00} s."));
        Console.WriteLine("Predicted: countries with IsAbout; unrest = the topic 'protests' or the tension category 'protests-unrest'; tense = IsTense; topics as tagged.");
        Console.WriteLine();
        Console.WriteLine("| half | language | items | countries gold | countries P | countries R | countries F1 | unrest gold | unrest P | unrest R | unrest F1 | tense gold | tense P | tense R | tense F1 |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var half in Halves)
        {
            foreach (var variant in BalkanDevSet.Variants.Append("all"))
            {
                var scores = Score(results.Where(result => InHalf(result.Item, half) && (variant == "all" || result.Item.Variant == variant)), topics);
                if (scores.Items == 0)
                {
                    continue;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {half} | {variant} | {scores.Items} | {Cells(scores.Countries.Micro)} | {Cells(scores.Unrest)} | {Cells(scores.Tense)} |"));
            }
        }

        // The same on all items, per source: RTS headlines, UD sentences and our own sentences are different kinds of text.
        Console.WriteLine();
        Console.WriteLine("| source | language | items | countries gold | countries P | countries R | countries F1 | unrest gold | unrest P | unrest R | unrest F1 | tense gold | tense P | tense R | tense F1 |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(result => (result.Item.Source, result.Item.Variant)).OrderBy(group => group.Key.Source, StringComparer.Ordinal).ThenBy(group => BalkanDevSet.Variants.ToList().IndexOf(group.Key.Variant)))
        {
            var scores = Score(group, topics);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key.Source} | {group.Key.Variant} | {scores.Items} | {Cells(scores.Countries.Micro)} | {Cells(scores.Unrest)} | {Cells(scores.Tense)} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| half | label | gold | predicted | P | R | F1 | " + string.Join(" | ", BalkanDevSet.Variants.Select(variant => $"F1 {variant} (gold)")) + " |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|" + string.Concat(BalkanDevSet.Variants.Select(_ => "---:|")));
        foreach (var half in Halves)
        {
            var inHalf = results.Where(result => InHalf(result.Item, half)).ToList();
            var byVariant = BalkanDevSet.Variants.Select(variant => Score(inHalf.Where(result => result.Item.Variant == variant), topics)).ToList();
            var pooled = Score(inHalf, topics);
            LabelRow(half, "countries-about (micro)", pooled.Countries.Micro, byVariant.Select(scores => scores.Countries.Micro));
            LabelRow(half, "unrest", pooled.Unrest, byVariant.Select(scores => scores.Unrest));
            LabelRow(half, "tense", pooled.Tense, byVariant.Select(scores => scores.Tense));
            foreach (var topic in topics)
            {
                LabelRow(half, $"topic {topic}", pooled.Topic(topic), byVariant.Select(scores => scores.Topic(topic)));
            }
        }

        var all = Score(results, topics);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"countries-about F1: {all.Countries.Micro.F1:0.000}; unrest P {all.Unrest.Precision:0.000} R {all.Unrest.Recall:0.000}; tense P {all.Tense.Precision:0.000} R {all.Tense.Recall:0.000}"));

        if (errors is not null)
        {
            WriteErrors(errors, results, topics);
        }

        return 0;
    }

    /// <summary>Gold against predicted labels over some items; country sets are multi-label, the rest yes/no.</summary>
    internal sealed class Scores
    {
        private readonly Dictionary<string, LabelScores> _topics = new(StringComparer.Ordinal);

        public int Items { get; private set; }

        public LabelScores Countries { get; } = new();

        public LabelCounts Unrest { get; private set; } = new("unrest", 0, 0, 0);

        public LabelCounts Tense { get; private set; } = new("tense", 0, 0, 0);

        public LabelCounts Topic(string id) =>
            _topics.TryGetValue(id, out var scores) ? scores.Labels.SingleOrDefault(label => label.Label == id) ?? Empty(id) : Empty(id);

        public void Add(BalkanDevItem item, Predicted predicted, IEnumerable<string> topics)
        {
            Items++;
            Countries.Add(item.Countries, predicted.Countries);
            Unrest = Count(Unrest, item.Unrest, predicted.Unrest);
            Tense = Count(Tense, item.Tense, predicted.Tense);
            foreach (var topic in topics)
            {
                if (!_topics.TryGetValue(topic, out var scores))
                {
                    _topics[topic] = scores = new LabelScores();
                }

                scores.Add(item.Topics.Where(id => id == topic), predicted.Topics.Where(id => id == topic));
            }
        }

        private static LabelCounts Empty(string id) => new(id, 0, 0, 0);

        private static LabelCounts Count(LabelCounts counts, bool gold, bool predicted) => counts with
        {
            TruePositives = counts.TruePositives + (gold && predicted ? 1 : 0),
            FalsePositives = counts.FalsePositives + (!gold && predicted ? 1 : 0),
            FalseNegatives = counts.FalseNegatives + (gold && !predicted ? 1 : 0),
        };
    }

    /// <summary>What the tagger said of one item, in the set's terms.</summary>
    internal sealed record Predicted(IReadOnlySet<string> Countries, bool Unrest, bool Tense, IReadOnlySet<string> Topics)
    {
        public static Predicted From(ArticleTags tags) => new(
            tags.Countries.Where(country => country.IsAbout).Select(country => country.Code).ToHashSet(StringComparer.Ordinal),
            tags.Topics.Any(topic => topic.Id == ProtestTopic) || tags.Tension.Categories.Any(category => category.Id == UnrestCategory),
            tags.Tension.IsTense,
            tags.Topics.Select(topic => topic.Id).ToHashSet(StringComparer.Ordinal));
    }

    internal static Scores Score(IEnumerable<(BalkanDevItem Item, ArticleTags Tags)> results, IReadOnlyList<string> topics)
    {
        var scores = new Scores();
        foreach (var (item, tags) in results)
        {
            scores.Add(item, Predicted.From(tags), topics);
        }

        return scores;
    }

    private static Article ToArticle(BalkanDevItem item) => new()
    {
        Id = ArticleId.ForContent(item.Outlet, item.Id, item.Text),
        Title = item.Text,
        Paragraphs = [],
        Source = item.Outlet,
        SourceCountry = item.OutletCountry,
        Language = item.Language,
        IngestedAt = DateTimeOffset.UnixEpoch,
    };

    private static bool InHalf(BalkanDevItem item, string half) => half switch
    {
        "development" => item.IsDevelopment,
        "held out" => !item.IsDevelopment,
        _ => true,
    };

    private static string Cells(LabelCounts counts) =>
        string.Create(CultureInfo.InvariantCulture, $"{counts.Support} | {counts.Precision:0.000} | {counts.Recall:0.000} | {counts.F1:0.000}");

    private static void LabelRow(string half, string label, LabelCounts pooled, IEnumerable<LabelCounts> byVariant) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {half} | {label} | {pooled.Support} | {pooled.TruePositives + pooled.FalsePositives} | {pooled.Precision:0.000} | {pooled.Recall:0.000} | {pooled.F1:0.000} | ") +
            string.Join(" | ", byVariant.Select(counts => string.Create(CultureInfo.InvariantCulture, $"{counts.F1:0.000} ({counts.Support})"))) + " |");

    // One line per item where the tagger and the label differ: what differs, the tagger's evidence, the text.
    private static void WriteErrors(string path, IEnumerable<(BalkanDevItem Item, ArticleTags Tags)> results, IReadOnlyList<string> topics)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("id\tlanguage\thalf\tmisses\tevidence\ttext");
        foreach (var (item, tags) in results)
        {
            var predicted = Predicted.From(tags);
            var misses = new List<string>();
            if (!item.Countries.SetEquals(predicted.Countries))
            {
                misses.Add($"countries gold={Codes(item.Countries)} about={Codes(predicted.Countries)}");
            }

            if (item.Unrest != predicted.Unrest)
            {
                misses.Add(item.Unrest ? "unrest FN" : "unrest FP");
            }

            if (item.Tense != predicted.Tense)
            {
                misses.Add(item.Tense ? "tense FN" : "tense FP");
            }

            misses.AddRange(topics
                .Where(topic => item.Topics.Contains(topic) != predicted.Topics.Contains(topic))
                .Select(topic => $"topic {topic} {(item.Topics.Contains(topic) ? "FN" : "FP")}"));
            if (misses.Count == 0)
            {
                continue;
            }

            var evidence = string.Join("; ", new[]
            {
                "countries " + string.Join(' ', tags.Countries.Select(country => string.Create(CultureInfo.InvariantCulture, $"{country.Code}:{country.AboutWeight}[{string.Join('|', country.Evidence)}]"))),
                "topics " + string.Join(' ', tags.Topics.Select(topic => $"{topic.Id}[{string.Join('|', topic.Evidence)}]")),
                "people " + string.Join('|', tags.People.Select(person => person.Name)),
                string.Create(CultureInfo.InvariantCulture, $"tension {tags.Tension.Value:0}[{string.Join('|', tags.Tension.Evidence.Select(term => $"{term.Category}:{term.Term}"))}]"),
            });
            writer.WriteLine($"{item.Id}\t{item.Variant}\t{(item.IsDevelopment ? "development" : "held out")}\t{string.Join("; ", misses)}\t{evidence}\t{item.Text}");
        }
    }

    private static string Codes(IEnumerable<string> codes) => codes.Any() ? string.Join(',', codes.Order(StringComparer.Ordinal)) : "-";

    // MONITORING_CORPORA, as the tests read it, else ../shared/data from the repository root.
    private static string DefaultCorpora()
    {
        var configured = Environment.GetEnvironmentVariable("MONITORING_CORPORA");
        return string.IsNullOrWhiteSpace(configured) ? Path.Combine("..", "shared", "data") : configured;
    }
}
