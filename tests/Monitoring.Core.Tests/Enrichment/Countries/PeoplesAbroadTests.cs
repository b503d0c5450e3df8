namespace Monitoring.Core.Tests.Enrichment.Countries;

/// <summary>
/// The region's peoples live across its borders: "Srbi sa Kosova", "serbët lokalë" in Jarinje, "mađarska manjina u
/// Vojvodini", "kiparski Grci" name a people where it lives, and the story is about that place, not about the people's
/// home state. The demonym stays a mention but is no evidence of "about"; next to a noun of the state ("srpska
/// vlada", "Америчке санкције", "qeveria serbe") it is the state. Expected codes are read off the sentences by hand.
/// </summary>
public sealed class PeoplesAbroadTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    private List<string> About(string text, string language) =>
        [.. fixture.EnrichText(text, text, language).Tags.Countries.Where(country => country.IsAbout).Select(country => country.Code).Order(StringComparer.Ordinal)];

    private List<string> Mentioned(string text, string language) =>
        [.. fixture.EnrichText(text, text, language).Tags.Countries.Select(country => country.Code).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("Priveden Srbin iz Leposavića zbog spora oko stana", "sr", "XK", "RS")]
    [InlineData("Hoće li Srbi sa Kosova ostati na svojim imanjima", "sr", "XK", "RS")]
    [InlineData("Napad na srpsku obitelj u selu kraj Knina", "hr", "HR", "RS")]
    [InlineData("Pripadnici mađarske manjine u Vojvodini traže više škola", "sr", "RS", "HU")]
    [InlineData("Serbët lokalë bllokuan rrugën në Jarinjë", "sq", "XK", "RS")]
    [InlineData("Албанците во Струга бараат нов училиште", "mk", "MK", "AL")]
    public void APeopleLivingInAnotherCountry_IsNoEvidenceOfItsHomeState(string text, string language, string about, string aside)
    {
        Assert.Equal([about], About(text, language));
        Assert.Contains(aside, Mentioned(text, language));
    }

    [Theory]
    [InlineData("Priveden Srbin iz Leposavića zbog spora oko stana", "XK")]
    [InlineData("Pripadnici mađarske manjine u Vojvodini traže više škola", "RS")]
    public void TheSameSentenceInCyrillic_GetsTheSameCountries(string latin, string about)
    {
        var cyrillic = SerbianScripts.ToCyrillic(latin);

        Assert.Equal([about], About(cyrillic, "sr"));
        Assert.Equal(Mentioned(latin, "sr"), Mentioned(cyrillic, "sr"));
    }

    [Theory]
    [InlineData("Pregovori o ujedinjenju propali nakon što su ciparski Grci odbacili plan", "hr", "CY")]
    [InlineData("Predstavnici kosovskih Srba odbili su ponudu", "sr", "XK")]
    public void ADemonymAfterAnAdjectiveOfAnotherCountry_IsThatCountrysPeople(string text, string language, string about)
    {
        Assert.Equal([about], About(text, language));
    }

    [Theory]
    [InlineData("Srpska vlada osudila hapšenje u Prištini", "sr", "RS,XK")]
    [InlineData("Hrvatski ministar vanjskih poslova u Sarajevu", "hr", "BA,HR")]
    [InlineData("Америчке санкције погодиле компанију у Београду", "sr", "RS,US")]
    [InlineData("Qeveria serbe kundërshton vendimin e Prishtinës", "sq", "RS,XK")]
    [InlineData("Rumunski grad Sibiu biće prestonica kulture zajedno sa Luksemburgom", "sr", "LU,RO")]
    public void ANounOfTheStateBesideIt_MakesTheAdjectiveTheState(string text, string language, string about)
    {
        Assert.Equal(about, string.Join(",", About(text, language)));
    }

    [Theory]
    [InlineData("Hrvatski plivač osvojio zlatnu medalju", "hr", "HR")]
    [InlineData("Srbi slave Božić", "sr", "RS")]
    [InlineData("Shqiptarët festojnë Ditën e Flamurit", "sq", "AL")]
    public void APeopleWithNoOtherCountryNamed_StaysEvidence(string text, string language, string about)
    {
        Assert.Equal([about], About(text, language));
    }

    [Theory]
    [InlineData("Izvoz u Češku porastao za trećinu", "sr", "CZ")]
    [InlineData("Ambasador predao akreditive predsednici Švajcarske", "sr", "CH")]
    [InlineData("Амбасадор предао акредитиве председници Швајцарске", "sr", "CH")]
    public void ACapitalisedWordInsideASentence_IsTheCountryNotItsAdjective(string text, string language, string about)
    {
        Assert.Equal([about], About(text, language));
    }

    [Fact]
    public void InEnglish_ADemonymStaysEvidence()
    {
        Assert.Equal(["JP", "US"], About("Japanese exporters in Washington asked for talks", "en"));
    }
}
