using Monitoring.Benchmarks;

// Benchmarks print their figures with the machine's load and write them into docs/performance.md (--record).
var options = new Options(args.Skip(1));
return args.FirstOrDefault() switch
{
    "alerts" => await AlertMatchingBenchmark.RunAsync(options),
    "enrich" => EnrichmentBenchmark.Run(options),
    "extract" => ExtractionBenchmark.Run(options),
    "ingest" => await IngestBenchmark.RunAsync(options),
    "search" => await SearchLatencyBenchmark.RunAsync(options),
    "trends" => await TrendsLatencyBenchmark.RunAsync(options),
    "web" => await WebBenchmark.RunAsync(options),
    "latency" => await LatencyBenchmark.RunAsync(options),
    "index" => await BuildIndexAsync(options),
    _ => Usage(),
};

static async Task<int> BuildIndexAsync(Options options)
{
    Machine.Start("Replayed Reuters index");
    using var index = await ReplayedIndex.OpenAsync(options.IndexRoot, options.Int("articles", 1_000_000));
    Machine.End();
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project tests/Monitoring.Benchmarks -- <benchmark> [options]
        (docs/performance.md gives each figure with the command that measured it)

          --record <path | no>         where a benchmark writes its figures: its own block in the "Latest figures"
                                       section of docs/performance.md by default, another file, or nowhere (no)

          alerts [ALERTS] [ARTICLES]   percolate ARTICLES new articles (default 1000) against ALERTS saved alerts
                                       (default 1000) with the embedded percolator
          enrich [--micro no]          enrichment on one thread over the Reuters bodies: a loop over all of them, then
                                       BenchmarkDotNet's per-article cost (skipped with --micro no)
          extract [--rounds 5]         article extraction in-process, per page, over the readability development pages
                                       and the regional test pages (warm-up round first)
          ingest [--rounds 2] [--only VARIANT]
                                       parse → enrich → index into an empty Lucene index, against bare Lucene.Net
                                       (--only "full pipeline": that variant alone, for a profiler; not recorded)
          search [--articles 100000] [--rounds 10] [--query NAME]
                                       search latency p50/p95 on the cached replayed index of that size
                                       (--query: one query of the mix alone, to profile it; not recorded)
          trends [--articles 1000000] [--rounds 20] [--year 2020] [--compare yes|1,3,4,11]
                                       trends aggregation latency (a year of days, ten countries) on that index;
                                       --compare: also the outlet group comparison of four groups (ids, or yes)
          web [--articles 1000000] [--searches 30]
                                       the real app (build it first: dotnet build src/Monitoring.Web -c Release) on
                                       that index in headless Chromium: search round trips, a trends view, and the
                                       app's working set and GC heap after start, searches and trends
          latency [--items 30] [--every 6] [--poll-minutes 1]
                                       publication → webhook delivery through the real app (Release build, as for web):
                                       a local feed publishing an item every few seconds, an alert matching all of them
          index [--articles N]         build (or find) the cached index of N replayed Reuters articles (default
                                       1,000,000) under --index-root (default /tmp/monitoring-bench)
        """);
    return 2;
}
