namespace Monitoring.Core.Tests.Enrichment.Countries;

/// <summary>One test (or a few) per ambiguity class of issue 3; expected codes are checked against the sentences by hand.</summary>
public sealed class CountryAmbiguityTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    private IEnumerable<string> Codes(string body, string title = "News", string language = "en") =>
        fixture.EnrichText(title, body, language).Tags.Countries.Select(country => country.Code);

    [Fact]
    public void Georgia_IsTheUsState_WhenTheStoryIsAmerican()
    {
        var tags = fixture.EnrichText("News", "The factory in Atlanta, Georgia, will hire 500 workers, the United States company said.").Tags;

        Assert.DoesNotContain(tags.Countries, country => country.Code == "GE");
        var unitedStates = Assert.Single(tags.Countries, country => country.Code == "US");
        Assert.Contains("Georgia", unitedStates.Evidence);
    }

    [Fact]
    public void Georgia_IsTheCountry_InACaucasusStory()
    {
        Assert.Contains("GE", Codes("Protesters gathered in Tbilisi as Georgia's parliament debated the law."));
    }

    [Fact]
    public void Georgia_IsTheCountry_WhenTbilisiAlsoNamesIt_EvenInAnAmericanStory()
    {
        var codes = Codes("The United States envoy met Georgia's president in Tbilisi.").ToList();

        Assert.Contains("GE", codes);
        Assert.Contains("US", codes);
    }

    [Fact]
    public void Jordan_IsNoCountry_InAPersonsName()
    {
        Assert.DoesNotContain("JO", Codes("The crowd cheered when Michael Jordan walked onto the court."));
    }

    [Theory]
    [InlineData("Milan Knežević met officials in Podgorica.", "en", "IT", "ME")]
    [InlineData("Milan Knežević se sastao sa zvaničnicima u Podgorici.", "sr", "IT", "ME")]
    [InlineData("Sofija Kovačević je govorila u Beogradu.", "sr", "BG", "RS")]
    [InlineData("Jordan Mitrović je govorio u Nišu.", "sr", "JO", "RS")]
    public void BalkanFirstNamesAndSurnames_ThatArePlaces_AreNoPlaces_InAPersonsName(string sentence, string language, string notTagged, string tagged)
    {
        var codes = fixture.EnrichText("Vesti", sentence, language).Tags.Countries.Select(country => country.Code).ToList();

        Assert.DoesNotContain(notTagged, codes);
        Assert.Equal([tagged], codes);
    }

    [Theory]
    [InlineData("Fashion week opened in Milan on Monday.", "en", "IT")]
    [InlineData("Protest je održan u Kosovskoj Mitrovici.", "sr", "XK")]
    [InlineData("Delegacija je otputovala u Sofiju.", "sr", "BG")]
    public void ThosePlaces_OnTheirOwn_AreStillPlaces(string sentence, string language, string code)
    {
        Assert.Contains(fixture.EnrichText("Vesti", sentence, language).Tags.Countries, country => country.Code == code);
    }

    [Fact]
    public void Jordan_IsTheCountry_OnItsOwn()
    {
        Assert.Contains("JO", Codes("King Abdullah said Jordan would host the talks in Amman."));
    }

    [Fact]
    public void NigerAndNigeria_AreTwoCountries()
    {
        var codes = Codes("Troops from Niger crossed into Nigeria, and Nigerian officials protested.").ToList();

        Assert.Contains("NE", codes);
        Assert.Contains("NG", codes);
    }

    [Fact]
    public void TheNigerDelta_IsInNigeria()
    {
        Assert.Equal(["NG"], Codes("Militants attacked a pipeline in the Niger Delta."));
    }

    [Fact]
    public void CentralMacedonia_IsGreece_AndMacedonia_IsTheCountry()
    {
        Assert.Equal(["GR"], Codes("Floods hit Central Macedonia overnight."));
        Assert.Equal(["MK"], Codes("Macedonia signed the agreement."));
    }

    [Fact]
    public void Turkey_IsACountry_WhenCapitalised_AndTheBirdWhenNot()
    {
        Assert.Equal(["TR"], Codes("Turkey closed its border."));
        Assert.Equal(["TR"], Codes("Türkiye closed its border."));
        Assert.Empty(Codes("They roasted a turkey."));
    }

    [Theory]
    [InlineData("NATO and the EU agreed at the UN that the IMF will stay.")]
    [InlineData("The European Union and the Council of Europe met OSCE and NATO officials.")]
    public void Organisations_AreNoCountries_ButAreTaggedAsOrganisations(string text)
    {
        var tags = fixture.EnrichText("Summit", text).Tags;

        Assert.Empty(tags.Countries);
        Assert.True(tags.Organisations.Count >= 3, string.Join(", ", tags.Organisations.Select(organisation => organisation.Name)));
    }

    [Fact]
    public void Kfor_IsTheOrganisation_WithItsAliases()
    {
        var tags = fixture.EnrichText("Patrol", "KFOR troops patrolled; the Kosovo Force said NATO would help.").Tags;

        var kfor = Assert.Single(tags.Organisations, organisation => organisation.Name == "KFOR");
        Assert.Equal(2, kfor.Mentions);
        Assert.Contains(tags.Organisations, organisation => organisation.Name == "NATO");
    }

    [Fact]
    public void HistoricStates_KeepTheirOwnCodes()
    {
        var codes = Codes("The Soviet Union and Yugoslavia traded with Czechoslovakia and East Germany.").ToList();

        Assert.Equal(["CS", "DD", "SU", "YU"], codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NewMexico_IsTheUnitedStates_AndMexicoIsMexico()
    {
        Assert.Equal(["MX", "US"], Codes("Storms hit New Mexico and then Mexico.").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AUsDatelineAbbreviation_IsTheUnitedStates()
    {
        Assert.Equal(["US"], Codes("SANTA CRUZ, Calif., Feb 26 - Shr 34 cts vs 1.19 dlrs."));
        Assert.Equal(["US"], Codes("ROCHESTER, N.Y., Feb 26 - Champion Products Inc said."));
    }

    [Fact]
    public void ACityFollowedByAUsState_IsItsAmericanNamesake()
    {
        Assert.Equal(["US"], Codes("BIRMINGHAM, Ala., March 3 - Torchmark Corp said it would buy back stock."));
        Assert.Equal(["US"], Codes("The fair opened in Paris, Texas, on Friday."));
    }

    [Fact]
    public void American_IsTheUnitedStates_AndDutch_TheNetherlands()
    {
        Assert.Equal(["NL", "US"], Codes("An American bank bought a Dutch insurer.").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PeoplesRepublicOfChina_IsChina_NotTheRepublicOfChinaInside()
    {
        Assert.Equal(["CN"], Codes("The Ministry of Health of the People's Republic of China reported new cases."));
    }

    [Fact]
    public void ProvincesAndConstituentCountries_AreTheirCountry_NotTheNameInside()
    {
        Assert.Equal(["CA"], Codes("A cow in British Columbia tested positive."));
        Assert.Equal(["GB"], Codes("The health minister of Northern Ireland spoke."));
        Assert.Equal(["CN"], Codes("Hohhot is the capital of Inner Mongolia."));
    }

    [Fact]
    public void Us_IsTheUnitedStates_OnlyInCapitals()
    {
        Assert.Equal(["US"], Codes("Officials in the US confirmed the outbreak."));
        Assert.Empty(Codes("They told us the outbreak was over."));
    }
}
