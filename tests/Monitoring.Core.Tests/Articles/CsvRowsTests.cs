using Monitoring.Core.Articles;

namespace Monitoring.Core.Tests.Articles;

public sealed class CsvRowsTests
{
    [Fact]
    public void QuotedFields_KeepTheirCommasDoubledQuotesAndLineBreaks()
    {
        var rows = CsvRows.Read("headline,url\r\n\"Vučić: \"\"Nije lako\"\", kaže\",https://a\r\n\"Two\nlines\",https://b\nlast,\n").ToList();

        Assert.Equal(4, rows.Count);
        Assert.Equal(["headline", "url"], rows[0]);
        Assert.Equal(["Vučić: \"Nije lako\", kaže", "https://a"], rows[1]);
        Assert.Equal(["Two\nlines", "https://b"], rows[2]);
        Assert.Equal(["last", ""], rows[3]);
    }

    [Fact]
    public void ALastRowWithoutALineBreak_IsStillARow()
    {
        Assert.Equal([["a", "b"], ["c", "d"]], CsvRows.Read("a,b\nc,d"));
    }
}
