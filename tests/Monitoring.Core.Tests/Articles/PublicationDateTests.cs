using Monitoring.Core.Articles;

namespace Monitoring.Core.Tests.Articles;

public sealed class PublicationDateTests
{
    [Theory]
    [InlineData("Mon, 01 Jun 2015 21:49:41 +0000", "2015-06-01T21:49:41Z")]
    [InlineData("Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z")]
    [InlineData("Tue, 10 Jun 2003 04:00:00 EDT", "2003-06-10T08:00:00Z")]
    [InlineData("Sat, 7 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01Z")]
    [InlineData("Wed, 02 Oct 2002 15:00:00 +0200", "2002-10-02T13:00:00Z")]
    [InlineData("03 Apr 02 1500 GMT", "2002-04-03T15:00:00Z")]
    [InlineData("2015-06-01T21:49:41Z", "2015-06-01T21:49:41Z")]
    [InlineData("2020-02-17T12:30:00+01:00", "2020-02-17T11:30:00Z")]
    [InlineData("2020-02-17", "2020-02-17T00:00:00Z")]
    public void Parse_ReadsTheFormatsFeedsWrite_AsUtc(string text, string expectedUtc) =>
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), PublicationDate.Parse(text));

    [Fact]
    public void Parse_TakesADateWithoutZone_InTheSourcesZone()
    {
        var belgrade = TimeSpan.FromHours(1);

        Assert.Equal(new DateTimeOffset(2024, 12, 1, 9, 0, 0, TimeSpan.Zero), PublicationDate.Parse("2024-12-01T10:00:00", belgrade));
        Assert.Equal(new DateTimeOffset(2024, 12, 1, 9, 0, 0, TimeSpan.Zero), PublicationDate.Parse("Sun, 01 Dec 2024 10:00:00", belgrade));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData("32 Foo 2020 10:00:00 GMT")]
    public void Parse_GivesNull_ForWhatIsNoDate(string text) => Assert.Null(PublicationDate.Parse(text));

    [Fact]
    public void Implausibility_FlagsTheFuture_AndBefore1900_ButNotToday()
    {
        var now = new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

        Assert.Contains("future", PublicationDate.Implausibility(now.AddDays(3), now), StringComparison.Ordinal);
        Assert.Contains("before 1900", PublicationDate.Implausibility(new DateTimeOffset(1899, 12, 31, 0, 0, 0, TimeSpan.Zero), now), StringComparison.Ordinal);
        Assert.Null(PublicationDate.Implausibility(now.AddHours(2), now));
    }
}
