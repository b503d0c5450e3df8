using System.Diagnostics;
using System.Globalization;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Stories;

namespace Monitoring.Cli;

/// <summary>
/// <c>eval stories --reuters DIR [--sample N] [--examples FILE]</c>: how story clustering behaves on
/// Reuters-21578. Over the first N distinct stories it compares every pair exactly (Jaccard of 3-word
/// shingles) and reports, per similarity band, how many pairs there are and how many the LSH bands find
/// and the estimate accepts; --examples writes sample pairs per band for reading by hand.
/// </summary>
internal static class EvalStoriesCommand
{
    private static readonly double[] Edges = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];

    public static int Run(IReadOnlyList<string> args)
    {
        var folder = CliOptions.ReutersFolder(CliOptions.Value(args, "--reuters") ?? Path.Combine("..", "shared", "data", "reuters21578"), "eval stories");
        var sample = CliOptions.PositiveNumber(args, "--sample", 3000);
        var examples = CliOptions.Value(args, "--examples");
        var watch = Stopwatch.StartNew();
        var articles = ReutersSgmlReader.ReadFolder(folder)
            .Select(story => story.ToArticle(DateTimeOffset.UnixEpoch))
            .Where(article => article.Body.Length > 0)
            .DistinctBy(article => article.Id)
            .Take(sample)
            .ToList();
        var texts = articles.Select(article => article.Title + "\n" + article.Body).ToList();
        var shingles = texts.Select(StorySignature.Shingles).ToList();
        var signatures = articles.Select(article => StorySignature.Of(article.Title, article.Body)).ToList();
        var bands = signatures.Select(signature => signature.BandKeys().ToHashSet()).ToList();

        var pairs = new long[Edges.Length];
        var candidates = new long[Edges.Length];
        var accepted = new long[Edges.Length];
        long acceptedBelow = 0;
        var samples = Edges.Select(_ => new List<(int A, int B, double Exact, double Estimate)>()).ToList();
        for (var a = 0; a < articles.Count; a++)
        {
            if (!signatures[a].IsComparable)
            {
                continue;
            }

            for (var b = a + 1; b < articles.Count; b++)
            {
                if (!signatures[b].IsComparable)
                {
                    continue;
                }

                var common = shingles[a].Count(shingles[b].Contains);
                var exact = (double)common / (shingles[a].Count + shingles[b].Count - common);
                var isCandidate = bands[a].Overlaps(bands[b]);
                var estimate = signatures[a].Similarity(signatures[b]);
                var isAccepted = isCandidate && estimate >= StoryClustering.SimilarityThreshold;
                var band = Array.FindIndex(Edges, edge => exact < edge) - 1;
                if (band < 0)
                {
                    acceptedBelow += isAccepted ? 1 : 0;
                    continue;
                }

                pairs[band]++;
                candidates[band] += isCandidate ? 1 : 0;
                accepted[band] += isAccepted ? 1 : 0;
                if (samples[band].Count < 15)
                {
                    samples[band].Add((a, b, exact, estimate));
                }
            }
        }

        var output = Console.Out;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{articles.Count} distinct Reuters stories with a body, every pair compared ({watch.Elapsed.TotalSeconds:0} s)."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threshold {StoryClustering.SimilarityThreshold:0.00} on the estimate; {StorySignature.Bands} bands x {StorySignature.RowsPerBand} rows"));
        output.WriteLine("exact Jaccard   pairs   LSH candidates   clustered (estimate >= threshold)");
        for (var band = 0; band < Edges.Length - 1; band++)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{Edges[band]:0.0}, {Math.Min(Edges[band + 1], 1):0.0}{(band == Edges.Length - 2 ? "]" : ")")}  {pairs[band],7}  {candidates[band],14}  {accepted[band],9}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pairs below {Edges[0]:0.0} clustered: {acceptedBelow}"));
        if (examples is not null)
        {
            using var writer = new StreamWriter(examples);
            for (var band = 0; band < Edges.Length - 1; band++)
            {
                foreach (var (a, b, exact, estimate) in samples[band])
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"=== exact {exact:0.00} estimate {estimate:0.00}"));
                    writer.WriteLine("A: " + texts[a].ReplaceLineEndings(" "));
                    writer.WriteLine("B: " + texts[b].ReplaceLineEndings(" "));
                }
            }
        }

        return 0;
    }
}
