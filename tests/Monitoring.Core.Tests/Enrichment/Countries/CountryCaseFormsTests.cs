using Monitoring.Core.Enrichment;

namespace Monitoring.Core.Tests.Enrichment.Countries;

/// <summary>
/// Places of the region in every case form, script and language of its press, through the shipped gazetteer and
/// inflection rules; sentences and expected countries written by hand.
/// </summary>
public sealed class CountryCaseFormsTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    private IReadOnlyList<string> Codes(string body, string language) =>
        fixture.EnrichText("Vesti", body, language).Tags.Countries.Select(country => country.Code).Order(StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData("Protest je održan u Nišu.", "RS")]
    [InlineData("Autobus je krenuo iz Novog Pazara.", "RS")]
    [InlineData("Nesreća se dogodila kod Šapca.", "RS")]
    [InlineData("Radnici iz Kragujevca štrajkuju.", "RS")]
    [InlineData("U Čačku je održan zbor.", "RS")]
    [InlineData("Studenti su stigli u Novi Sad, a zatim su u Novom Sadu blokirali most.", "RS")]
    [InlineData("Napetost raste na jugu Kosova.", "XK")]
    [InlineData("Delegacija je došla iz Beograda.", "RS")]
    [InlineData("Sednica je zakazana u Podgorici.", "ME")]
    [InlineData("Konferencija se održava u Sarajevu.", "BA")]
    public void Serbian_FindsThePlace_InEveryCase(string sentence, string code)
    {
        Assert.Contains(code, Codes(sentence, "sr"));
    }

    [Theory]
    [InlineData("Protest je održan u Nišu.", "Протест је одржан у Нишу.")]
    [InlineData("Nesreća se dogodila kod Šapca.", "Несрећа се догодила код Шапца.")]
    [InlineData("Radnici iz Kragujevca štrajkuju.", "Радници из Крагујевца штрајкују.")]
    [InlineData("Srbi i Albanci na severu Kosova.", "Срби и Албанци на северу Косова.")]
    [InlineData("Policija je ušla u Zvečan i Leposavić.", "Полиција је ушла у Звечан и Лепосавић.")]
    [InlineData("Novosadski studenti su blokirali fakultet.", "Новосадски студенти су блокирали факултет.")]
    public void Serbian_CyrillicAndLatin_GetTheSameCountries(string latin, string cyrillic)
    {
        var fromLatin = Codes(latin, "sr");

        Assert.NotEmpty(fromLatin);
        Assert.Equal(fromLatin, Codes(cyrillic, "sr"));
    }

    [Theory]
    [InlineData("Hrvatska vlada je odlučila.", "HR")]
    [InlineData("Ministar je boravio u Americi.", "US")]
    [InlineData("Festival je održan u Banjoj Luci.", "BA")]
    [InlineData("Razgovori na Cipru su nastavljeni.", "CY")]
    [InlineData("Sastanak je održan u Bruxellesu.", "BE")]
    [InlineData("Prvenstvo se održava u Helsinkiju.", "FI")]
    [InlineData("Izbori u Floridi su završeni.", "US")]
    public void Croatian_FindsThePlace_WithItsAlternationsAndForeignEndings(string sentence, string code)
    {
        Assert.Contains(code, Codes(sentence, "hr"));
    }

    [Theory]
    [InlineData("Srbin je uhapšen na prelazu.", "RS")]
    [InlineData("Hrvat je izabran za predsednika.", "HR")]
    [InlineData("Bošnjaci su bojkotovali sednicu.", "BA")]
    [InlineData("Crnogorci su glasali na referendumu.", "ME")]
    [InlineData("Predstavnici Albanaca napustili su salu.", "AL")]
    [InlineData("Razgovarao je sa Srbima sa severa.", "RS")]
    public void Bosnian_FindsDemonyms_InEveryCase(string sentence, string code)
    {
        Assert.Contains(code, Codes(sentence, "bs"));
    }

    [Theory]
    [InlineData("Odluka beogradskog suda je poništena.", "RS")]
    [InlineData("Kosovske vlasti su uhapsile dvojicu.", "XK")]
    [InlineData("Srpskoj delegaciji je uskraćen ulaz.", "RS")]
    [InlineData("Novosadskoj policiji je podneta prijava.", "RS")]
    public void Montenegrin_FindsPlaceAdjectives_InEveryCaseAndGender(string sentence, string code)
    {
        Assert.Contains(code, Codes(sentence, "cnr"));
    }

    [Theory]
    [InlineData("Qeveria e Kosovës mbajti mbledhje.", "XK")]
    [InlineData("Policia hyri në Kosovën veriore.", "XK")]
    [InlineData("Qeveria e Serbisë reagoi ashpër.", "RS")]
    [InlineData("Kryeministri i Shqipërisë vizitoi Prishtinën.", "AL")]
    [InlineData("Protesta u mbajt në Mitrovicë.", "XK")]
    [InlineData("Protesta u mbajt në Mitrovica e Veriut.", "XK")]
    [InlineData("Kuvendi i Gjilanit u mblodh sot.", "XK")]
    public void Albanian_FindsDefiniteAndCaseForms(string sentence, string code)
    {
        Assert.Contains(code, Codes(sentence, "sq"));
    }

    [Theory]
    [InlineData("Gnjilane", "Gjilan")]
    [InlineData("Uroševac", "Ferizaj")]
    [InlineData("Đakovica", "Gjakova")]
    [InlineData("Peć", "Peja")]
    [InlineData("Kosovska Mitrovica", "Mitrovicë")]
    [InlineData("Podujevo", "Podujevë")]
    [InlineData("Vučitrn", "Vushtrri")]
    [InlineData("Orahovac", "Rahovec")]
    [InlineData("Dečani", "Deçan")]
    [InlineData("Štrpce", "Shtërpcë")]
    public void KosovoTowns_AreKosovo_ByTheirSerbianAndAlbanianNames(string serbian, string albanian)
    {
        Assert.Equal(["XK"], Codes($"Incident se dogodio u mestu {serbian}.", "sr"));
        Assert.Equal(["XK"], Codes($"Incidenti ndodhi në {albanian} mbrëmë.", "sq"));
    }

    [Fact]
    public void KosovoTowns_AreFound_InSerbianCaseForms()
    {
        Assert.Equal(["XK"], Codes("Protest u Gnjilanu, hapšenja u Uroševcu i Đakovici, policija u Zubinom Potoku.", "sr"));
    }

    [Theory]
    [InlineData("Македонската влада донесе одлука.", "MK")]
    [InlineData("Српската делегација пристигна во Скопје.", "RS")]
    [InlineData("Македонија и Бугарија разговараат.", "BG")]
    public void Macedonian_FindsPlaces_WithTheDefiniteArticle(string sentence, string code)
    {
        Assert.Contains(code, Codes(sentence, "mk"));
    }

    [Theory]
    [InlineData("Predsednik je obiskal Srbijo.", "RS")]
    [InlineData("Seja je potekala v Ljubljani.", "SI")]
    [InlineData("Na Hrvaškem so volitve.", "HR")]
    [InlineData("V Kopru je bil protest.", "SI")]
    public void Slovenian_FindsPlaces_InEveryCase(string sentence, string code)
    {
        Assert.Contains(code, Codes(sentence, "sl"));
    }

    [Theory]
    [InlineData("Policija je blokirala Zvečan i Leposavić.", "XK")]
    [InlineData("Sednica opštine u Kolašinu je prekinuta.", "ME")]
    [InlineData("Poplave su pogodile Jastrebarsko i okolinu.", "HR")]
    public void SmallTownsOfTheRegion_AreFound(string sentence, string code)
    {
        Assert.Contains(code, Codes(sentence, "sr"));
    }

    [Theory]
    [InlineData("Most na Drini je zatvoren, a polje je poplavljeno.")]
    [InlineData("Luka je puna brodova, a brod je isplovio.")]
    [InlineData("Bar na papiru, to izgleda kao odlična ideja.")]
    [InlineData("Polje je poplavljeno, a reka se izlila.")]
    [InlineData("Visoki predstavnik je odbio zahtev.")]
    [InlineData("Istok i zapad se ne slažu.")]
    public void TownsNamedByOrdinaryWords_DoNotFire(string sentence)
    {
        Assert.Empty(Codes(sentence, "sr"));
    }

    [Theory]
    [InlineData("Trener Slaven Bilić je zadovoljan.")]
    [InlineData("Milica je rekla da se ne slaže.")]
    public void AVillageNamedLikeAPerson_DoesNotFire_BesideAnotherNameOrAtTheStart(string sentence)
    {
        Assert.Empty(Codes(sentence, "hr"));
    }

    [Fact]
    public void ATownOfTheRegionNamedByAnEnglishWord_IsFoundInItsLanguageOnly()
    {
        Assert.Equal(["HR"], Codes("Utakmica je odigrana u Splitu.", "hr"));
        Assert.Empty(Codes("Talks will split the coalition. Split decisions are common.", "en"));
    }
}
