namespace Monitoring.Core.Tests.Enrichment.Countries;

/// <summary>
/// The countries-about classes of issue 18's last round, in each language and both Serbian scripts: leaders of the
/// countries the region's press writes about (current and 2000s heads of state and government), acronyms written as
/// words, possessive adjectives of a leader's name, a leader's son, the city where others meet, an age in brackets,
/// an ordinary word GeoNames spells as a town, Kosovo's villages of the news and continents named with a country's word. Sentences written for these tests in
/// the style of the region's outlets and wire copy; each expectation was read off the sentence by hand.
/// </summary>
public sealed class LeadersAndVenuesTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    private string About(string headline, string language) =>
        string.Join(",", fixture.EnrichText(headline, headline, language).Tags.Countries.Where(country => country.IsAbout).Select(country => country.Code).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("Basesku se sastao sa Sakašvilijem u okviru dvodnevne posete", "sr", "GE,RO")]
    [InlineData("Басеску се састао са Саакашвилијем у оквиру дводневне посете", "sr", "GE,RO")]
    [InlineData("Basescu i Geoana u nedjelju u drugom krugu predsjedničkih izbora", "hr", "RO")]
    [InlineData("Šutanovac se u ponedjeljak sastao s predsjednikom Ivom Josipovićem", "hr", "HR,RS")]
    [InlineData("Iohannis dhe Rama nënshkruan marrëveshjen për energjinë", "sq", "AL,RO")]
    [InlineData("Јоханис и Мицкоски разговараа за енергетиката", "mk", "MK,RO")]
    [InlineData("Mitsotakis and Erdogan meet on the Aegean dispute", "en", "GR,TR")]
    [InlineData("Vučić se sastao sa Bin Zajedom o Ekspu", "sr", "AE,RS")]
    [InlineData("Вучић угостио Бин Заједа у Београду", "sr", "AE,RS")]
    [InlineData("Plenković i Merz o suradnji u energetici", "hr", "DE,HR")]
    [InlineData("Kurti dhe Starmer diskutuan për sigurinë", "sq", "GB,XK")]
    [InlineData("Мицкоски и Фицо за енергетиката", "mk", "MK,SK")]
    public void ALeaderOfTheCountriesThePressWritesAbout_StandsForTheirCountry(string headline, string language, string expected)
    {
        Assert.Equal(expected, About(headline, language));
    }

    [Theory]
    [InlineData("Kfor pojačao patrole na severu", "sr")]
    [InlineData("Кфор: Завршено распоређивање додатних резервних снага", "sr")]
    [InlineData("Euleks preuzeo istragu o napadu", "hr")]
    [InlineData("Unmik upozorio na krhko stanje na severu", "sr")]
    public void AnAcronymOfFourLetters_WrittenAsAWord_IsStillTheMission(string headline, string language)
    {
        Assert.Equal("XK", About(headline, language));
    }

    [Theory]
    [InlineData("Eu je važna tema", "sr")]
    public void AShortAcronymWrittenAsAWord_IsNot(string headline, string language)
    {
        Assert.Empty(About(headline, language));
    }

    [Theory]
    [InlineData("Milović: Srbi ne žele Kurtijeve mostove", "sr", "XK")]
    [InlineData("Миловић: Срби не желе Куртијеве мостове", "sr", "XK")]
    [InlineData("Simić: Od nove Trampove administracije očekujemo razumevanje", "sr", "US")]
    [InlineData("Vučićeva vlada najavila nove mjere", "hr", "RS")]
    public void APossessiveAdjectiveOfALeader_StandsForTheLeadersCountry(string headline, string language, string expected)
    {
        Assert.Equal(expected, About(headline, language));
    }

    [Theory]
    [InlineData("Tramp Mlađi ponovo u Beogradu", "sr")]
    [InlineData("Трамп Млађи поново у Београду", "sr")]
    [InlineData("Trump Jr. visits Belgrade again", "en")]
    public void ALeadersSon_IsAnotherPerson(string headline, string language)
    {
        var tags = fixture.EnrichText(headline, headline, language).Tags;

        Assert.Equal("RS", About(headline, language));
        Assert.DoesNotContain(tags.People, person => person.Name == "Donald Trump");
    }

    [Theory]
    [InlineData("Sastanak Lavrova i Vulina na marginama konferencije u Minsku", "sr", "RS,RU")]
    [InlineData("Састанак Лаврова и Вулина на маргинама конференције у Минску", "sr", "RS,RU")]
    [InlineData("Samit u Bakuu – Vučić: Veliki uvek prave velike probleme", "sr", "RS")]
    [InlineData("Vučić posle razgovora u Briselu: nastavljamo evropski put", "sr", "RS")]
    [InlineData("Plenković i Vučić na summitu u Tirani", "hr", "HR,RS")]
    [InlineData("Kurti dhe Rama në samitin në Berlin", "sq", "AL,XK")]
    [InlineData("Мицкоски и Рама на самитот во Берлин", "mk", "AL,MK")]
    public void TheCityWhereOthersMeet_IsTheVenue_NotWhatTheStoryIsAbout(string headline, string language, string expected)
    {
        Assert.Equal(expected, About(headline, language));
    }

    [Theory]
    [InlineData("Macut: U Rimu susreti sa brojnim zvaničnicima", "sr", "IT,RS")]
    [InlineData("Мацут: У Риму сусрети са бројним званичницима", "sr", "IT,RS")]
    [InlineData("Vučić u Atini: Grčka podržava proširenje", "sr", "GR,RS")]
    [InlineData("Protest u Briselu protiv novih pravila", "sr", "BE")]
    public void AVisitToItsHosts_OrACityNamedWithoutOthers_StaysAbout(string headline, string language, string expected)
    {
        Assert.Equal(expected, About(headline, language));
    }

    [Theory]
    [InlineData("Santos (55) je bio trener tri momčadi u Grčkoj", "hr", "GR")]
    [InlineData("Santos (55) je bio trener tri tima u Grčkoj", "sr", "GR")]
    public void ANameWithAnAgeInBrackets_IsAPerson_NotATown(string headline, string language, string expected)
    {
        Assert.Equal(expected, About(headline, language));
    }

    [Theory]
    [InlineData("Декан новосадског ДИФ-а ушао на факултет", "sr", "RS")]
    [InlineData("Dekan novosadskog DIF-a ušao na fakultet", "sr", "RS")]
    [InlineData("Dekan Filozofskog fakulteta podnio ostavku", "hr", "")]
    public void AnOrdinaryWordThatGeoNamesSpellsAsATown_IsNoTown(string headline, string language, string expected)
    {
        Assert.Equal(expected, About(headline, language));
    }

    [Theory]
    [InlineData("Srpskoj porodici u Osojanu ukraden automobil iz dvorišta", "sr")]
    [InlineData("Српској породици у Осојану украден аутомобил из дворишта", "sr")]
    [InlineData("Pritvor uhapšenom na Merdaru", "sr")]
    [InlineData("Qytetarët e Gorazhdecit protestojnë", "sq")]
    public void AKosovoVillageOfTheNews_IsKosovo(string headline, string language)
    {
        Assert.Equal("XK", About(headline, language));
    }

    [Theory]
    [InlineData("Pad demokratije u Latinskoj Americi i na Bliskom istoku", "sr")]
    [InlineData("Пад демократије у Латинској Америци", "sr")]
    [InlineData("Izbori u Južnoj Americi", "hr")]
    public void AContinentNamedWithACountrysWord_IsNoCountry(string headline, string language)
    {
        Assert.DoesNotContain("US", About(headline, language));
    }
}
