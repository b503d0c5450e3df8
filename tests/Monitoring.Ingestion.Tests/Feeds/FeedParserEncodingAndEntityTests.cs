using System.Text;
using Monitoring.Ingestion.Feeds;

namespace Monitoring.Ingestion.Tests.Feeds;

/// <summary>
/// Feeds XmlReader alone refuses although they are legal or common: UTF-16 with or without a byte order
/// mark, UTF-8 that declares UTF-16, entities declared in the DOCTYPE; and the hostile ones that must stay
/// refused beside them.
/// </summary>
public sealed class FeedParserEncodingAndEntityTests
{
    private const string Title = "Vučić i Kurti: Београд – Priština";

    private static readonly string Rss =
        $"""<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Kanal</title><item><title>{Title}</title><link>https://news.example.org/a</link><description>Tekst vijesti.</description></item></channel></rss>""";

    public static TheoryData<string> Utf16Forms() => ["UTF-16LE with BOM", "UTF-16BE with BOM", "UTF-16LE without BOM", "UTF-16BE without BOM", "UTF-8 declaring UTF-16", "UTF-8 with BOM declaring UTF-16"];

    [Theory]
    [MemberData(nameof(Utf16Forms))]
    public void AFeedInUtf16_OrDeclaringIt_IsRead(string form)
    {
        byte[] bytes = form switch
        {
            "UTF-16LE with BOM" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Rss)],
            "UTF-16BE with BOM" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Rss)],
            "UTF-16LE without BOM" => Encoding.Unicode.GetBytes(Rss),
            "UTF-16BE without BOM" => Encoding.BigEndianUnicode.GetBytes(Rss),
            "UTF-8 declaring UTF-16" => Encoding.UTF8.GetBytes(Rss),
            _ => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Rss)],
        };

        var feed = FeedParser.Parse(bytes);

        Assert.Equal("Kanal", feed.Title);
        Assert.Equal(Title, Assert.Single(feed.Items).Title);
        Assert.Null(feed.Error);
    }

    [Fact]
    public void EntitiesDeclaredInTheDoctype_AreExpanded()
    {
        const string Feed = """
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE rss [
              <!ENTITY nbsp "&#160;">
              <!ENTITY outlet "Balkan Wire">
              <!ENTITY signature "&outlet;, Belgrade">
            ]>
            <rss version="2.0"><channel><title>&outlet;</title>
            <item><title>Talks&nbsp;resume</title><link>https://news.example.org/talks</link>
            <description>Negotiators met again. (&signature;)</description></item>
            </channel></rss>
            """;

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(Feed));

        Assert.Equal("Balkan Wire", feed.Title);
        var item = Assert.Single(feed.Items);
        Assert.Equal("Talks\u00A0resume", item.Title);
        Assert.Equal("Negotiators met again. (Balkan Wire, Belgrade)", item.Summary);
        Assert.Null(feed.Error);
    }

    [Fact]
    public void ADoctypeNamingAnExternalDtd_IsReadWithoutFetchingIt()
    {
        const string Feed = """
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old</title><item><title>Headline</title><link>https://news.example.org/h</link></item></channel></rss>
            """;

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(Feed));

        Assert.Equal("Headline", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void AnEntityThatRefersToItself_IsRefusedAsABomb()
    {
        const string Feed = """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "x&b;"><!ENTITY b "y&a;">]><rss><channel><title>&a;</title></channel></rss>""";

        var failure = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(Feed)));

        Assert.Contains("expands endlessly", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExternalParameterEntity_IsNeverRead()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "<!ENTITY leak \"SECRET\">");
        try
        {
            var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(
                $"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % remote SYSTEM "file://{secret}"> %remote;]><rss><channel><title>t</title><item><title>&leak;</title></item></channel></rss>"""));

            Assert.Empty(feed.Items);
            Assert.Contains("'leak'", feed.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", feed.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void MediaDescription_IsReadFromTheItemsMediaGroup_AsItsText()
    {
        const string Feed = """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
              <title>Channel</title>
              <entry><id>yt:video:1</id><title>Press conference</title><link rel="alternate" href="https://video.example.org/watch?v=1"/>
                <media:group><media:title>Press conference</media:title><media:description>The prime minister answered questions on the border.</media:description></media:group>
              </entry>
              <entry><id>yt:video:2</id><link rel="alternate" href="https://video.example.org/watch?v=2"/>
                <media:group><media:title>Only a media title</media:title></media:group>
              </entry>
            </feed>
            """;

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(Feed));

        Assert.Equal("The prime minister answered questions on the border.", feed.Items[0].MediaDescription);
        Assert.Null(feed.Items[0].Summary);
        Assert.Equal("Only a media title", feed.Items[1].Title);
    }
}
