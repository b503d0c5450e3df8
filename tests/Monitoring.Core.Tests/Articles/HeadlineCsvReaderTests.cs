using Monitoring.Core.Articles;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Articles;

public sealed class HeadlineCsvReaderTests
{
    [Theory]
    [InlineData("петак, 16. јан 2026, 13:45 -> 14:12", 2026, 1, 16)]
    [InlineData("petak, 16. jan 2026, 13:45 -> 14:12", 2026, 1, 16)]
    [InlineData("nedelja, 03. nov 2024, 08:40", 2024, 11, 3)]
    [InlineData("среда, 13. авг 2025, 11:38 -> 19:58", 2025, 8, 13)]
    [InlineData("16. jan. 2026.", 2026, 1, 16)]
    [InlineData("2025-03-15", 2025, 3, 15)]
    [InlineData("2025-03-15T21:30:00+01:00", 2025, 3, 15)]
    public void ASerbianDate_IsReadInEitherScript_AndAnIsoDateToo(string text, int year, int month, int day)
    {
        Assert.Equal(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), HeadlineCsvReader.ParseDate(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sutra")]
    [InlineData("31. feb 2025")]
    [InlineData("12. xyz 2025")]
    public void AnUnreadableDate_IsNull(string text)
    {
        Assert.Null(HeadlineCsvReader.ParseDate(text));
    }

    [Fact]
    public void QuotedHeadlines_KeepTheirCommasAndQuotes()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path,
            [
                "headline,url,datePublished",
                "\"Vučić: Nisu laki razgovori, verujem da će \"\"sve\"\" biti u redu\",https://www.rts.rs/vesti/politika/1/a.html,\"petak, 16. jan 2026, 12:10 -> 15:40\"",
                ",https://www.rts.rs/vesti/politika/2/b.html,\"petak, 16. jan 2026, 12:10\"",
                "Bez datuma,https://www.rts.rs/vesti/politika/3/c.html,",
            ]);

            var article = Assert.Single(HeadlineCsvReader.Read(path, "RTS", "sr", DateTimeOffset.UnixEpoch));

            Assert.Equal("Vučić: Nisu laki razgovori, verujem da će \"sve\" biti u redu", article.Title);
            Assert.Equal(new Uri("https://www.rts.rs/vesti/politika/1/a.html"), article.Url);
            Assert.Equal(new DateTimeOffset(2026, 1, 16, 0, 0, 0, TimeSpan.Zero), article.Published);
            Assert.Equal("sr", article.Language);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("rts.csv")]
    [InlineData("rts_latin.csv")]
    public void TheRtsHeadlines_AreAllRead_WithTheirDates(string file)
    {
        var path = Path.Combine(RepositoryPaths.Corpora, "balkans", file);
        if (!File.Exists(path))
        {
            Assert.Skip($"The RTS headlines are not at {path} (set MONITORING_CORPORA).");
        }

        var articles = HeadlineCsvReader.Read(path, "RTS", "sr", DateTimeOffset.UnixEpoch).ToList();

        // 3,367 rows in the Latin file; the Cyrillic one repeats some and has one without a headline.
        Assert.InRange(articles.Count, 3367, 3400);
        Assert.All(articles, article => Assert.InRange(article.Published!.Value, new DateTimeOffset(2024, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Columns_AreFoundByTheHeader_AndUnreadableRowsAreCounted()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path,
            [
                "url,datePublished,headline",
                "https://www.rts.rs/vesti/politika/1/a.html,\"subota, 15. mar 2025, 20:00\",Protest u Beogradu",
                "https://www.rts.rs/vesti/politika/2/b.html,sutra,Bez datuma",
                "https://www.rts.rs/vesti/politika/3/c.html,2025-03-16,",
            ]);

            var (headlines, unreadable) = HeadlineCsvReader.ReadHeadlines(path);

            var headline = Assert.Single(headlines);
            Assert.Equal(new DatedHeadline("Protest u Beogradu", new DateOnly(2025, 3, 15), new Uri("https://www.rts.rs/vesti/politika/1/a.html")), headline);
            Assert.Equal(2, unreadable);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AFileWithoutTheHeadlineAndDateColumns_IsRefusedByName()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["title,date", "A,2025-01-01"]);

            var error = Assert.Throws<InvalidDataException>(() => HeadlineCsvReader.Read(path, "RTS", "sr", DateTimeOffset.UnixEpoch).ToList());

            Assert.Contains("headline and datePublished", error.Message, StringComparison.Ordinal);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
