using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace Monitoring.Ingestion.Pages;

/// <summary>
/// Measures <see cref="ArticlePageExtractor"/> on a folder laid out like the article-extraction benchmark:
/// <c>ground-truth.json</c> (<c>{"id": {"articleBody": "…", "url": "…"}}</c>) beside the pages, named
/// <c>id.html.gz</c> or <c>id.html</c>, in the folder itself or in its <c>html/</c> subfolder. Pages are read
/// as bytes, so their own charset declarations apply. A page of the ground truth with no file is an error,
/// not a silent skip: the benchmark's figures are over every page.
/// </summary>
public static class ScrapinghubEvaluation
{
    public const string GroundTruthFile = "ground-truth.json";

    public static ScrapinghubReport Run(string folder, ArticlePageExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var truth = ReadGroundTruth(Path.Combine(folder, GroundTruthFile));
        var pages = truth
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .AsParallel().AsOrdered()
            .Select(entry => Evaluate(folder, entry.Key, entry.Value, extractor))
            .ToList();
        return new ScrapinghubReport(pages, ShingleScore.Of(pages.Select(page => page.Overlap).ToList()));
    }

    /// <summary>The expected article bodies and addresses by page id.</summary>
    public static Dictionary<string, (string Body, Uri? Url)> ReadGroundTruth(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path}: expected an object of {{id: {{articleBody, url}}}}");
        }

        var truth = new Dictionary<string, (string, Uri?)>(StringComparer.Ordinal);
        foreach (var page in document.RootElement.EnumerateObject())
        {
            var body = page.Value.TryGetProperty("articleBody", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() ?? string.Empty : string.Empty;
            var url = page.Value.TryGetProperty("url", out var address) && address.ValueKind == JsonValueKind.String
                && Uri.TryCreate(address.GetString(), UriKind.Absolute, out var parsed) ? parsed : null;
            truth[page.Name] = (body, url);
        }

        return truth;
    }

    private static ScrapinghubPage Evaluate(string folder, string id, (string Body, Uri? Url) truth, ArticlePageExtractor extractor)
    {
        var html = ReadPage(folder, id) ?? throw new FileNotFoundException($"no page {id}.html.gz or {id}.html in {folder} or its html/ folder");
        var watch = Stopwatch.StartNew();
        var extracted = extractor.Extract(html, truth.Url);
        watch.Stop();
        return new ScrapinghubPage(id, extracted, ShingleOverlap.Compare(extracted.Text, truth.Body), watch.Elapsed);
    }

    private static byte[]? ReadPage(string folder, string id)
    {
        foreach (var place in new[] { folder, Path.Combine(folder, "html") })
        {
            var compressed = Path.Combine(place, id + ".html.gz");
            if (File.Exists(compressed))
            {
                using var file = File.OpenRead(compressed);
                using var gzip = new GZipStream(file, CompressionMode.Decompress);
                using var bytes = new MemoryStream();
                gzip.CopyTo(bytes);
                return bytes.ToArray();
            }

            var plain = Path.Combine(place, id + ".html");
            if (File.Exists(plain))
            {
                return File.ReadAllBytes(plain);
            }
        }

        return null;
    }
}

/// <summary>One benchmark page: what was extracted and its shingle overlap with the expected body.</summary>
public sealed record ScrapinghubPage(string Id, ExtractedPage Extracted, ShingleOverlap Overlap, TimeSpan Elapsed);

/// <summary>All pages of a benchmark run and the benchmark's figures over them.</summary>
public sealed record ScrapinghubReport(IReadOnlyList<ScrapinghubPage> Pages, ShingleScore Score);
