using Monitoring.Core.Search;
using Monitoring.Web.Features.Trends;

namespace Monitoring.Web.Tests.Features.Trends;

public sealed class CoverageCsvTests
{
    private static readonly CoverageTrend Trend = new(
        DateInterval.Month,
        [new DateBucket(new DateOnly(2008, 1, 1), 5, null), new DateBucket(new DateOnly(2008, 2, 1), 16, null)],
        [
            new CountrySeries("XK", [new DateBucket(new DateOnly(2008, 1, 1), 1, null), new DateBucket(new DateOnly(2008, 2, 1), 11, null)]),
            new CountrySeries("BA", [new DateBucket(new DateOnly(2008, 2, 1), 2, null)]),
        ],
        UndatedCount: 3);

    [Fact]
    public void WritesTheQueryAndTimeBasis_ThenOneRowPerBucket()
    {
        var csv = CoverageCsv.Write(Trend, "Kosovo AND independence", Name, new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();
        Assert.Equal("# query: Kosovo AND independence", lines[0]);
        Assert.Contains("# undated articles: 3", lines);
        Assert.Equal("bucket_start,total,Kosovo (XK),\"Bosnia, Herzegovina (BA)\"", lines[5]);
        Assert.Equal("2008-01-01,5,1,0", lines[6]);
        Assert.Equal("2008-02-01,16,11,2", lines[7]);
        Assert.Equal(8, lines.Count);
    }

    private static string Name(string code) => code == "XK" ? "Kosovo" : "Bosnia, Herzegovina";
}
