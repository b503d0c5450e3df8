using Monitoring.Core.Search;
using Monitoring.Web.Features.Trends;
using static Monitoring.Web.Tests.Features.Trends.TrendSamples;

namespace Monitoring.Web.Tests.Features.Trends;

public sealed class TrendsCsvTests
{
    private static readonly DateTimeOffset ExportedAt = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Coverage_WritesTheQueryAndParameters_ThenOneRowPerBucket()
    {
        var state = new TrendState { Text = "Kosovo AND independence", TimeZone = "UTC", Basis = DateBasis.Ingested };

        var lines = Lines(TrendsCsv.Coverage(Sample(state), code => code == "XK" ? "Kosovo" : "Serbia, Republic", ExportedAt));

        Assert.Equal("# query: Kosovo AND independence", lines[0]);
        Assert.Contains("# time zone: UTC", lines);
        Assert.Contains("# time basis: ingest date", lines);
        Assert.Contains("# view: /trends?q=Kosovo%20AND%20independence&tz=UTC&basis=ingested", lines);
        Assert.Contains("# undated articles (charted by ingest date): 3", lines);
        var header = lines.FindIndex(line => line.StartsWith("bucket_start", StringComparison.Ordinal));
        Assert.Equal("bucket_start,total,Kosovo (XK),\"Serbia, Republic (RS)\"", lines[header]);
        Assert.Equal(["2008-01-01,10,4,5", "2008-02-01,20,10,0", "2008-03-01,0,0,0"], lines.Skip(header + 1));
    }

    [Fact]
    public void Tension_StatesItsBasePeriod_AndLeavesEmptyPeriodsBlank()
    {
        var lines = Lines(TrendsCsv.Tension(Sample(), Name, ExportedAt));

        Assert.Contains("# base period: 2008-01-01 to 2008-03-31", lines);
        var header = lines.FindIndex(line => line.StartsWith("bucket_start", StringComparison.Ordinal));
        Assert.Equal("bucket_start,All coverage,Kosovo (XK),Serbia (RS)", lines[header]);
        Assert.Equal(["2008-01-01,57.1,66.7,", "2008-02-01,142.9,133.3,", "2008-03-01,,,"], lines.Skip(header + 1));
    }

    [Fact]
    public void Topics_WritesOneColumnPerTopicOfTheMix()
    {
        var lines = Lines(TrendsCsv.Topics(Sample(), id => "Topic " + id, ExportedAt));

        var header = lines.FindIndex(line => line.StartsWith("bucket_start", StringComparison.Ordinal));
        Assert.Equal("bucket_start,Topic a,Topic b,Topic c,Topic e,Topic d,Topic f,Other topics", lines[header]);
        Assert.Equal("2008-02-01,0,0,0,0.5,0,0.25,0.25", lines[header + 2]);
    }

    private static List<string> Lines(string csv) =>
        [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r'))];
}
