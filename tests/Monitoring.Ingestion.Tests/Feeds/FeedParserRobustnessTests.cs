using System.IO.Compression;
using System.Text;
using Monitoring.Ingestion.Feeds;
using Monitoring.Tests;

namespace Monitoring.Ingestion.Tests.Feeds;

/// <summary>node-feedparser's edge cases (../shared/data/feeds/node-feedparser) and hostile documents.</summary>
public sealed class FeedParserRobustnessTests
{
    private static string Folder => Path.Combine(RepositoryPaths.Corpora, "feeds", "node-feedparser", "test", "feeds");

    public static TheoryData<string> Feeds() =>
        Directory.Exists(Folder)
            ? new(Directory.EnumerateFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!)
            : new("(corpus absent)");

    [Theory]
    [MemberData(nameof(Feeds))]
    public void EveryEdgeCase_ParsesWithItems_OrFailsWithAFeedFormatException(string name)
    {
        SkipWithoutCorpus();
        var bytes = File.ReadAllBytes(Path.Combine(Folder, name));

        var outcome = Record.Exception(() => FeedParser.Parse(bytes, new Uri("https://feeds.example.org/" + name)));

        if (name == "notafeed.html")
        {
            Assert.IsType<FeedFormatException>(outcome);
            return;
        }

        Assert.Null(outcome);
        var feed = FeedParser.Parse(bytes, new Uri("https://feeds.example.org/" + name));
        Assert.NotEmpty(feed.Items);
        Assert.All(feed.Items, item => Assert.True(item.Link is null || item.Link.IsAbsoluteUri));
    }

    [Fact]
    public void ItemScopedXmlBase_ResolvesThatItemsLink_AndTheChannelLinkTheOthers()
    {
        SkipWithoutCorpus();

        var feed = FeedParser.Parse(File.ReadAllBytes(Path.Combine(Folder, "rss-with-item-scoped-html-base.xml")));

        Assert.Equal(["https://example.com/first/first", "https://example.com/second"], feed.Items.Select(item => item.Link!.AbsoluteUri));
    }

    [Fact]
    public void ADocumentThatBreaksOff_KeepsTheItemsBeforeTheBreak_AndSaysWhere()
    {
        SkipWithoutCorpus();

        var feed = FeedParser.Parse(File.ReadAllBytes(Path.Combine(Folder, "saxerror.xml")));

        Assert.Equal("Good Item", Assert.Single(feed.Items).Title);
        Assert.Contains("line 15", feed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AGzippedFeed_IsDecompressed()
    {
        SkipWithoutCorpus();
        var plain = File.ReadAllBytes(Path.Combine(Folder, "rss2sample.xml"));
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        Assert.Equal(FeedParser.Parse(plain).Items.Count, FeedParser.Parse(packed.ToArray()).Items.Count);
    }

    [Fact]
    public void ABillionLaughs_ExpandsNothing_AndFailsClearly()
    {
        var bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            bomb.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? string.Empty : i - 1)};", 10))}\">");
        }

        bomb.Append("]><rss><channel><title>&lol9;</title></channel></rss>");

        var failure = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(bomb.ToString())));

        Assert.Contains("lol9", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExternalEntity_IsNeverFetched()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "SECRET");
        try
        {
            var xxe = $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file://{secret}\">]><rss><channel><title>t</title><item><title>&x;</title></item></channel></rss>";

            var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xxe));

            // The channel before the entity is kept; the item with the entity is where the document breaks.
            Assert.Equal("t", feed.Title);
            Assert.Empty(feed.Items);
            Assert.Contains("'x'", feed.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", feed.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void ADocumentOverTheLimit_IsRefused_BeforeParsing()
    {
        var big = Encoding.UTF8.GetBytes("<rss><channel>" + new string(' ', 2_000) + "</channel></rss>");

        var failure = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(big, maxBytes: 1_024));

        Assert.Contains("over the limit of 1,024", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryContent_IsNoFeed()
    {
        var binary = Enumerable.Range(0, 4_096).Select(i => (byte)(i * 7 % 256)).ToArray();

        Assert.Throws<FeedFormatException>(() => FeedParser.Parse(binary));
    }

    private static void SkipWithoutCorpus()
    {
        if (!Directory.Exists(Folder))
        {
            Assert.Skip($"The feed corpus is absent ({Folder}); set MONITORING_CORPORA.");
        }
    }
}
