using Monitoring.Benchmarks;

// Benchmarks print their figures; docs/performance.md records them with the machine's load at the time.
return args.FirstOrDefault() switch
{
    "alerts" => await AlertMatchingBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project tests/Monitoring.Benchmarks -- <benchmark> [options]

          alerts [ALERTS] [ARTICLES]   percolate ARTICLES new articles (default 1000) against ALERTS saved alerts
                                       (default 1000) with the embedded percolator
        """);
    return 2;
}
