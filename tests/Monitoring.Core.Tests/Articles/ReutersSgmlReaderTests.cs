using Monitoring.Core.Articles;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Articles;

public sealed class ReutersSgmlReaderTests
{
    private const string Sample = """
        <!DOCTYPE lewis SYSTEM "lewis.dtd">
        <REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="7">
        <DATE>26-FEB-1987 15:01:01.79</DATE>
        <TOPICS><D>cocoa</D><D>trade</D></TOPICS>
        <PLACES><D>el-salvador</D><D>usa</D></PLACES>
        <TEXT>&#2;
        <TITLE>BAHIA COCOA &lt;REVIEW&gt;</TITLE>
        <DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued in
        the Bahia cocoa zone, Smith &amp; Co said.
            The dry period means the temporao will be late.
         Reuter
        &#3;</BODY></TEXT>
        </REUTERS>
        <REUTERS TOPICS="NO" NEWID="8">
        <DATE>26-FEB-1987 15:02:20.00</DATE>
        <TOPICS></TOPICS>
        <PLACES></PLACES>
        <TEXT TYPE="BRIEF">&#2;
        <TITLE>BRIEF ONLY</TITLE>
        </TEXT>
        </REUTERS>
        """;

    [Fact]
    public void Reads_DateTitleDatelineBodyPlacesAndTopics_DecodingEntities()
    {
        var story = ReutersSgmlReader.Parse(Sample).First();

        Assert.Equal(7, story.NewId);
        Assert.Equal(new DateTimeOffset(1987, 2, 26, 15, 1, 1, TimeSpan.Zero), story.Date);
        Assert.Equal("BAHIA COCOA <REVIEW>", story.Title);
        Assert.Equal("SALVADOR, Feb 26 -", story.Dateline);
        Assert.Equal("Showers continued in the Bahia cocoa zone, Smith & Co said.\n\nThe dry period means the temporao will be late.", story.Body);
        Assert.Equal(["el-salvador", "usa"], story.Places);
        Assert.Equal(["cocoa", "trade"], story.Topics);
    }

    [Fact]
    public void Reads_ABriefStory_WithoutBody()
    {
        var brief = ReutersSgmlReader.Parse(Sample).Last();

        Assert.Equal("BRIEF ONLY", brief.Title);
        Assert.Equal("", brief.Body);
        Assert.Empty(brief.Places);
    }

    [Fact]
    public void ToArticle_OpensTheFirstParagraphWithTheDateline()
    {
        var article = ReutersSgmlReader.Parse(Sample).First().ToArticle(DateTimeOffset.UnixEpoch);

        Assert.Equal("SALVADOR, Feb 26 - Showers continued in the Bahia cocoa zone, Smith & Co said.", article.Paragraphs[0]);
        Assert.Equal("Reuters", article.Source);
        Assert.Equal(new DateTimeOffset(1987, 2, 26, 15, 1, 1, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void Reads_TheWholeCollection_AsTheJsonlCopyHasIt()
    {
        var folder = Path.Combine(RepositoryPaths.Corpora, "reuters21578");
        if (!Directory.Exists(folder))
        {
            Assert.Skip($"The Reuters corpus is not at {folder} (set MONITORING_CORPORA).");
        }

        var stories = ReutersSgmlReader.ReadFile(Path.Combine(folder, "reut2-000.sgm")).ToList();

        // reut2-000.sgm holds NEWID 1..1000; story 1 is the Bahia cocoa review (checked in the file by hand).
        Assert.Equal(1000, stories.Count);
        Assert.Equal(Enumerable.Range(1, 1000), stories.Select(story => story.NewId));
        Assert.Equal(["el-salvador", "usa", "uruguay"], stories[0].Places);
        Assert.StartsWith("Showers continued throughout the week in the Bahia cocoa zone", stories[0].Body, StringComparison.Ordinal);
    }
}
