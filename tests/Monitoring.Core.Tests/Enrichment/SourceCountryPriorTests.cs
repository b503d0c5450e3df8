using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;

namespace Monitoring.Core.Tests.Enrichment;

/// <summary>The outlet's country as a prior: an article that names no country is about its outlet's country.</summary>
public sealed class SourceCountryPriorTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    [Theory]
    [InlineData("Скупштина усвојила буџет за наредну годину", "sr")]
    [InlineData("Skupština usvojila budžet za narednu godinu", "sr")]
    [InlineData("Parliament adopts next year's budget", "en")]
    public void AnArticleThatNamesNoCountry_IsAboutItsOutletsCountry_MarkedInferred(string headline, string language)
    {
        var tags = Enrich(headline, language, sourceCountry: "RS");

        var serbia = Assert.Single(tags.Countries);
        Assert.Equal("RS", serbia.Code);
        Assert.Equal("Serbia", serbia.Name);
        Assert.True(serbia.IsInferred);
        Assert.True(serbia.IsAbout);
        Assert.Equal(0, serbia.Mentions);
        Assert.Empty(serbia.Positions);
        Assert.Equal(["from RTS (Serbia)"], serbia.Evidence);
    }

    [Theory]
    [InlineData("Премијер у Загребу разговарао о сарадњи", "HR")]
    [InlineData("Talks in Pristina on Monday", "XK")]
    public void AnArticleThatNamesAnotherCountry_GetsThatCountryOnly(string headline, string named)
    {
        var tags = Enrich(headline, headline.Any(char.IsAsciiLetter) ? "en" : "sr", sourceCountry: "RS");

        Assert.Contains(tags.Countries, country => country.Code == named);
        Assert.DoesNotContain(tags.Countries, country => country.Code == "RS");
        Assert.DoesNotContain(tags.Countries, country => country.IsInferred);
    }

    [Fact]
    public void ACuratedPersonOfAnotherCountry_CountsAsNamingIt()
    {
        var tags = Enrich("Курти поново одбио разговоре", "sr", sourceCountry: "RS");

        Assert.Contains(tags.People, person => person.CountryCode == "XK");
        var kosovo = Assert.Single(tags.Countries);
        Assert.Equal("XK", kosovo.Code);
        Assert.False(kosovo.IsInferred);
        Assert.Equal(["Albin Kurti"], kosovo.Actors);
    }

    [Fact]
    public void TheOutletsOwnCountry_NamedInTheText_IsAMention_NotAnInference()
    {
        var tags = Enrich("Протест у Новом Саду", "sr", sourceCountry: "RS");

        var serbia = Assert.Single(tags.Countries);
        Assert.Equal("RS", serbia.Code);
        Assert.False(serbia.IsInferred);
        Assert.True(serbia.Mentions > 0);
    }

    [Fact]
    public void WithThePriorOff_AnArticleThatNamesNoCountry_HasNone()
    {
        var enricher = new ArticleEnricher(fixture.Model, new EnrichmentOptions { SourceCountryPrior = false });

        var tags = enricher.Enrich(Headline("Скупштина усвојила буџет за наредну годину", "sr", "RS")).Tags;

        Assert.Empty(tags.Countries);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ZZ")]
    public void WithoutAKnownSourceCountry_NothingIsInferred(string? sourceCountry)
    {
        var tags = Enrich("Скупштина усвојила буџет за наредну годину", "sr", sourceCountry);

        Assert.Empty(tags.Countries);
    }

    private ArticleTags Enrich(string headline, string language, string? sourceCountry) =>
        fixture.Enricher.Enrich(Headline(headline, language, sourceCountry)).Tags;

    private static Article Headline(string headline, string language, string? sourceCountry) => new()
    {
        Id = ArticleId.ForContent("RTS", headline, headline),
        Title = headline,
        Paragraphs = [headline],
        Source = "RTS",
        SourceCountry = sourceCountry,
        Language = language,
        IngestedAt = DateTimeOffset.UnixEpoch,
    };
}
