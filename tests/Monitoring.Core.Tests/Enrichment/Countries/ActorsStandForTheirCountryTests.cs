namespace Monitoring.Core.Tests.Enrichment.Countries;

/// <summary>
/// The region's press names politicians, not their states ("Vučić razgovarao sa Orbanom" is about Serbia and
/// Hungary): a curated actor who acts for a country stands for it in the country tags, in every language and
/// script; an international official stands for none; a mission that works in one country stands for that one.
/// Expected codes are read off the sentences by hand.
/// </summary>
public sealed class ActorsStandForTheirCountryTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    private List<string> About(string headline, string language) =>
        [.. fixture.EnrichText(headline, headline, language).Tags.Countries.Where(country => country.IsAbout).Select(country => country.Code).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("Vučić razgovarao sa Orbanom o energetici", "sr", "HU,RS")]
    [InlineData("Вучић разговарао са Орбаном о енергетици", "sr", "HU,RS")]
    [InlineData("Plenković se sastao s Vučićem na marginama summita", "hr", "HR,RS")]
    [InlineData("Kurti dhe Rama nënshkruan marrëveshjen për energjinë", "sq", "AL,XK")]
    [InlineData("Мицкоски и Рама се договорија за граничниот премин", "mk", "AL,MK")]
    [InlineData("Dodik sa Lavrovom o Dejtonskom sporazumu", "bs", "BA,RU")]
    [InlineData("Vucic and Orban discussed the pipeline", "en", "HU,RS")]
    public void APoliticianStandsForTheCountryTheyActFor(string headline, string language, string expected)
    {
        Assert.Equal(expected, string.Join(",", About(headline, language)));
    }

    [Fact]
    public void APoliticiansCountry_IsListedByName_AndIsNoPlaceMention()
    {
        var tags = fixture.EnrichText("Вучић: Нећемо увести санкције", "Вучић: Нећемо увести санкције", "sr").Tags;

        var serbia = Assert.Single(tags.Countries);
        Assert.Equal("RS", serbia.Code);
        Assert.True(serbia.IsAbout);
        Assert.False(serbia.IsInferred);
        Assert.Equal(["Aleksandar Vučić"], serbia.Actors);
        Assert.Equal(["Aleksandar Vučić"], serbia.Evidence);
        Assert.Equal(0, serbia.Mentions);
        Assert.Empty(serbia.Positions);
    }

    [Theory]
    [InlineData("Plenković u Beču: Austrija podržava proširenje", "hr", "AT,HR")]
    [InlineData("Vučić u Atini: Grčka podržava proširenje", "sr", "GR,RS")]
    [InlineData("Вучић у Атини: Грчка подржава проширење", "sr", "GR,RS")]
    public void APoliticianAndTheCountryTheyVisit_AreBothAbout(string headline, string language, string expected)
    {
        Assert.Equal(expected, string.Join(",", About(headline, language)));
    }

    [Theory]
    [InlineData("Kalas: Dijalog je jedini put napred", "sr")]
    [InlineData("Калас: Дијалог је једини пут напред", "sr")]
    [InlineData("Kallas: dialogu është e vetmja rrugë", "sq")]
    [InlineData("Kosta i Rute o proširenju", "sr")]
    public void AnInternationalOfficial_StandsForNoCountry(string headline, string language)
    {
        Assert.Empty(About(headline, language));
    }

    [Theory]
    [InlineData("KFOR pojačao patrole na severu", "sr")]
    [InlineData("КФОР појачао патроле на северу", "sr")]
    [InlineData("EULEX preuzeo istragu", "sr")]
    [InlineData("Shefi i UNMIK-ut takoi kryetarët e komunave", "sq")]
    public void AMissionThatWorksInKosovoOnly_StandsForKosovo(string headline, string language)
    {
        Assert.Equal(["XK"], About(headline, language));
    }

    [Theory]
    [InlineData("Srpska lista predala žalbu Ustavnom sudu", "sr")]
    [InlineData("Српска листа предала жалбу Уставном суду", "sr")]
    [InlineData("Lista Serbe dorëzoi ankesë në Gjykatën Kushtetuese", "sq")]
    public void TheWordsOfAPartysName_AreThePartyNotAPlace(string headline, string language)
    {
        Assert.Equal(["XK"], About(headline, language));
    }
}
