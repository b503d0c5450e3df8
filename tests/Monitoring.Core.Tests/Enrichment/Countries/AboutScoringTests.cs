using Monitoring.Core.Enrichment;

namespace Monitoring.Core.Tests.Enrichment.Countries;

public sealed class AboutScoringTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    [Fact]
    public void Example_IsAboutSerbiaAndRussia_AndMerelyMentionsTheNeighbours()
    {
        // Title: "Russian Defense Minister Visits Serbia…"; the neighbours appear once or twice in the body only.
        var countries = fixture.EnrichExample().Tags.Countries;

        Assert.Equal(["RS", "RU"], countries.Where(country => country.IsAbout).Select(country => country.Code).Order(StringComparer.Ordinal));
        Assert.All(
            countries.Where(country => country.Code is "HR" or "UA" or "ME" or "XK"),
            country => Assert.False(country.IsAbout, country.Code));
    }

    [Fact]
    public void ACountryInTheTitle_IsWhatTheStoryIsAbout_NotOneNamedOnceAfterTheLead()
    {
        var countries = fixture.EnrichParagraphs("Kosovo votes", ["Voters went to the polls on Sunday.", "Observers from Germany watched."]).Tags.Countries;

        Assert.True(Assert.Single(countries, country => country.Code == "XK").IsAbout);
        Assert.False(Assert.Single(countries, country => country.Code == "DE").IsAbout);
    }

    [Fact]
    public void Positions_PointAtTheMentions()
    {
        var body = "Talks opened in Belgrade. Belgrade wants more.";
        var serbia = Assert.Single(fixture.EnrichText("Talks", body).Tags.Countries);

        Assert.Equal(2, serbia.Positions.Count);
        Assert.All(serbia.Positions, span => Assert.Equal("Belgrade", body.Substring(span.Start, span.Length)));
        Assert.All(serbia.Positions, span => Assert.Equal(TextSpan.BodyField, span.Field));
    }
}
