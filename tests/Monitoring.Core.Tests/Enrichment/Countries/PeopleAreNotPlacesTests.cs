namespace Monitoring.Core.Tests.Enrichment.Countries;

/// <summary>
/// Issue 18, point 2: surnames, first names and acronyms are no places, in headlines written the way the
/// region's press writes them. Each rule class in each language; the places on their own stay places.
/// Expected codes are read off the sentences by hand.
/// </summary>
public sealed class PeopleAreNotPlacesTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    private List<string> Codes(string headline, string language) =>
        fixture.EnrichText(headline, headline, language).Tags.Countries.Select(country => country.Code).ToList();

    [Theory]
    [InlineData("Marinika Tepić: SSP zahteva istragu protiv predsednika", "sr")]
    [InlineData("Мариника Тепић: ССП захтева истрагу против председника", "sr")]
    [InlineData("MUP demantovao tvrdnje Marinike Tepić", "sr")]
    [InlineData("Tepić: Vlast krije dokumentaciju o nadstrešnici", "sr")]
    [InlineData("Poslanica Tepić zatražila sednicu odbora", "sr")]
    [InlineData("Zastupnica Tepić traži odgovore od vlade", "hr")]
    [InlineData("Vlada krije podatke, rekla je Tepić novinarima", "sr")]
    [InlineData("Deputetja Marinika Tepić tha se qeveria fsheh dokumentet", "sq")]
    [InlineData("Opposition MP Marinika Tepić said the government hid the documents", "en")]
    public void ASurnameInIc_IsNoMexicanCity(string headline, string language)
    {
        Assert.DoesNotContain("MX", Codes(headline, language));
    }

    [Theory]
    [InlineData("Vidosavu Mitroviću iz Leška određen jednomesečni pritvor", "sr")]
    [InlineData("Policija uhapsila i pretukla Miloša Subotića", "sr")]
    [InlineData("Полиција ухапсила и претукла Милоша Суботића", "sr")]
    public void ASurnameInIc_IsNoTownItStemsLike(string headline, string language)
    {
        var codes = Codes(headline, language);

        Assert.DoesNotContain("RS", codes);
        Assert.DoesNotContain("XK", codes);
    }

    [Theory]
    [InlineData("Milan Antonijević izabran za poverenika za zaštitu ravnopravnosti", "sr", "IT")]
    [InlineData("Милан Антонијевић изабран за повереника за заштиту равноправности", "sr", "IT")]
    [InlineData("Tužilac: optužnica protiv Milana Radoičića do kraja godine", "sr", "IT")]
    [InlineData("Izglasano poverenje gradonačelniku Milanu Đuriću", "sr", "IT")]
    [InlineData("U Sočanici pretučen pa uhapšen Vladimir Đorđević", "sr", "RU")]
    [InlineData("Petar Živković, student prava: Sumnjam u navode policije", "sr", "VE")]
    [InlineData("Preminuo Dragan Marković Palma", "sr", "ES")]
    [InlineData("Sofija Kovačević predstavila novu knjigu", "hr", "BG")]
    [InlineData("Antonio Kosta doputovao u Srbiju", "sr", "SD")]
    [InlineData("Пратеникот Милан Петровски изјави дека владата лаже", "mk", "IT")]
    [InlineData("Milan Kučan je dejal, da je dialog edina pot", "sl", "IT")]
    public void AFirstNameAndTheNameAfterIt_AreAPerson(string headline, string language, string notTagged)
    {
        Assert.DoesNotContain(notTagged, Codes(headline, language));
    }

    [Theory]
    [InlineData("Vladimir Videnović novi gradonačelnik Zaječara", "sr", "RU", "RS")]
    [InlineData("Gradonačelnik Niša: Imamo stabilnu većinu", "sr", null, "RS")]
    [InlineData("Kosta za RTS: Srbiji je mesto u Uniji", "sr", "SD", "RS")]
    public void ThePlacesBesideAPerson_StayPlaces(string headline, string language, string? notTagged, string tagged)
    {
        var codes = Codes(headline, language);

        if (notTagged is not null)
        {
            Assert.DoesNotContain(notTagged, codes);
        }

        Assert.Contains(tagged, codes);
    }

    [Theory]
    [InlineData("Inspekcija naložila da se ukloni bina sa Trga kralja Milana u Nišu", "sr")]
    [InlineData("Инспекција наложила да се уклони бина са Трга краља Милана у Нишу", "sr")]
    [InlineData("Blokada u Ulici kralja Milana, saobraćaj obustavljen", "sr")]
    [InlineData("Studenti su se okupili na Trgu Kralja Milana u Nišu.", "sr")]
    public void AStreetNamedAfterAKing_IsNeitherItalyNorAPerson(string headline, string language)
    {
        var tags = fixture.EnrichText(headline, headline, language).Tags;

        Assert.DoesNotContain(tags.Countries, country => country.Code == "IT");
        Assert.DoesNotContain(tags.People, person => person.Name.Contains("Milan", StringComparison.Ordinal));
    }

    [Theory]
    // A curated party stands for its country (SNS for Serbia, SNSD and HDZ BiH for Bosnia): that is the
    // actor, not the acronym read as a place.
    [InlineData("AKS: Vlast mora da odgovori na zahteve studenata", "sr", "")]
    [InlineData("SNS i SPS potpisali koalicioni sporazum", "sr", "RS")]
    [InlineData("SNSD i HDZ BiH: dogovor o izbornom zakonu", "bs", "BA")]
    [InlineData("LDK dhe PDK kundër qeverisë", "sq", "")]
    [InlineData("ВМРО-ДПМНЕ и ДУИ во преговори", "mk", "")]
    [InlineData("Rasprava o kandidatima za sudije US", "sr", "")]
    public void AnAcronym_IsNoCountry_UnlessTheGazetteerListsIt(string headline, string language, string expected)
    {
        Assert.Equal(expected, string.Join(",", Codes(headline, language)));
    }

    [Theory]
    [InlineData("SAD uvode sankcije NIS-u", "sr", "US")]
    [InlineData("САД уводе санкције НИС-у", "sr", "US")]
    [InlineData("Vučić o situaciji u BiH: samo mirno", "sr", "BA")]
    [InlineData("Вучић о ситуацији у БиХ: само мирно", "sr", "BA")]
    [InlineData("Izbori na KiM 28. decembra", "sr", "XK")]
    [InlineData("SHBA kërkojnë dialog me Serbinë", "sq", "US")]
    [InlineData("The UK envoy visited Belgrade", "en", "GB")]
    public void AnAbbreviationTheGazetteerLists_IsItsCountry(string headline, string language, string code)
    {
        Assert.Contains(code, Codes(headline, language));
    }

    [Fact]
    public void Kim_IsAName_NotKosovoAndMetohija()
    {
        Assert.DoesNotContain("XK", Codes("Kim Džong Un posetio fabriku raketa", "sr"));
    }

    [Theory]
    [InlineData("Albanci zapalili srpsku zastavu u centru Milana", "sr", "IT")]
    [InlineData("Vučić doputovao u Sofiju, u dvodnevnu posetu", "sr", "BG")]
    [InlineData("Protest u Kosovskoj Mitrovici zbog zauzimanja hale", "sr", "XK")]
    [InlineData("Predsednici opština Zvečan, Zubin Potok i Leposavić preuzeli dužnost", "sr", "XK")]
    [InlineData("Priština tvrdi da je akcija policije zakonita", "sr", "XK")]
    [InlineData("Predsednik Srbije primio ambasadora Bugarske", "sr", "BG")]
    [InlineData("Fashion week opened in Milan on Monday", "en", "IT")]
    public void ThePlacesOnTheirOwn_AreStillPlaces(string headline, string language, string code)
    {
        Assert.Contains(code, Codes(headline, language));
    }

    [Theory]
    [InlineData("Marinika Tepić: Milan Đurić mora da podnese ostavku zbog Novog Sada", "Мариника Тепић: Милан Ђурић мора да поднесе оставку због Новог Сада")]
    [InlineData("AKS i SNS u BiH i na KiM", "АКС и СНС у БиХ и на КиМ")]
    public void LatinAndCyrillic_GetTheSameCountries(string latin, string cyrillic)
    {
        Assert.Equal(Codes(latin, "sr").Order(), Codes(cyrillic, "sr").Order());
    }
}
