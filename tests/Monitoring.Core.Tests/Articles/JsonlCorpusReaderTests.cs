using Monitoring.Core.Articles;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Articles;

public sealed class JsonlCorpusReaderTests
{
    private static readonly DateTimeOffset IngestedAt = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    private static string DemoCorpus => Path.Combine(RepositoryPaths.Seeds, "corpus", "wikipedia-current-events-balkans.jsonl");

    [Fact]
    public void DemoCorpus_Has1180Articles_WithUniqueIds()
    {
        var articles = JsonlCorpusReader.Read(DemoCorpus, IngestedAt).ToList();

        Assert.Equal(1180, articles.Count);
        Assert.Equal(1180, articles.Select(article => article.Id).Distinct().Count());
    }

    [Fact]
    public void DemoCorpus_IsDatedFrom2002To2026()
    {
        var dates = JsonlCorpusReader.Read(DemoCorpus, IngestedAt).Select(article => article.Published).ToList();

        Assert.All(dates, date => Assert.NotNull(date));
        Assert.Equal(new DateTimeOffset(2002, 8, 9, 0, 0, 0, TimeSpan.Zero), dates.Min());
        Assert.Equal(new DateTimeOffset(2026, 3, 23, 0, 0, 0, TimeSpan.Zero), dates.Max());
    }

    [Fact]
    public void DemoCorpus_FirstItem_IsReadFieldByField()
    {
        var first = JsonlCorpusReader.Read(DemoCorpus, IngestedAt).First();

        Assert.Equal("Extreme weather", first.Title);
        Assert.Equal("Wikipedia Current events", first.Source);
        Assert.Null(first.Attribution);
        Assert.Equal("en", first.Language);
        Assert.Equal(new Uri("https://en.wikipedia.org/wiki/Portal:Current_events/2002_August_9"), first.Url);
        var paragraph = Assert.Single(first.Paragraphs);
        Assert.StartsWith("Dozens are killed by floods caused by torrential rains in Europe", paragraph, StringComparison.Ordinal);
    }

    [Fact]
    public void DemoCorpus_HasOneCleanSource_ForTheSourceFacet()
    {
        var sources = JsonlCorpusReader.Read(DemoCorpus, IngestedAt).Select(article => article.Source).Distinct();

        Assert.Equal(["Wikipedia Current events"], sources);
    }

    [Fact]
    public void SplitSource_KeepsTheCitedOutlets_AsAttribution()
    {
        var (outlet, attribution) = JsonlCorpusReader.SplitSource("Wikipedia Portal:Current events (cites: Reuters, BBC)");

        Assert.Equal("Wikipedia Current events", outlet);
        Assert.Equal("Reuters, BBC", attribution);
    }

    [Fact]
    public void ARecordsSourceCountry_IsTheOutletsCountry_AndARecordWithoutOne_HasNone()
    {
        var path = Path.Combine(Path.GetTempPath(), $"corpus-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, """
            {"title":"Skupština usvojila budžet","text":"Skupština usvojila budžet.","source":"RTS","sourceCountry":"rs"}
            {"title":"Talks","text":"Talks went on.","source":"Wire"}
            """);
        try
        {
            var articles = JsonlCorpusReader.Read(path, IngestedAt).ToList();

            Assert.Equal(["RS", null], articles.Select(article => article.SourceCountry));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BadLine_Throws_NamingFileAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"corpus-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, "{\"title\":\"A\",\"text\":\"B\",\"published\":\"2020-01-01\"}\n{\"title\": oops}\n");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => JsonlCorpusReader.Read(path, IngestedAt).ToList());

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
