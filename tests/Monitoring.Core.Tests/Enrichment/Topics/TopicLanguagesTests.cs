namespace Monitoring.Core.Tests.Enrichment.Topics;

/// <summary>
/// The topics of <c>topics.json</c> on what the region's press writes about now, in each language, both Serbian
/// scripts, and the ordinary words that must not make a topic alone. Sentences written for these tests in the style
/// of the region's outlets; each expectation was read off the sentence.
/// </summary>
public sealed class TopicLanguagesTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    private IReadOnlyList<string> Topics(string headline, string language) =>
        fixture.EnrichText(headline, "", language).Tags.Topics.Select(topic => topic.Id).ToList();

    [Theory]
    // The Serbian protest wave.
    [InlineData("sr", "Studenti u blokadi najavili veliki skup u Kragujevcu", "protests")]
    [InlineData("sr", "Zborovi građana u Novom Sadu, plenumi na fakultetima", "protests")]
    [InlineData("sr", "Blokada raskrsnice kod Vlade Srbije, studenti traže odgovornost za pad nadstrešnice", "protests")]
    [InlineData("sr", "Kontramiting ispred Skupštine, šetnja studenata do RTS-a", "protests")]
    [InlineData("sr", "Prosvetni radnici stupili u štrajk, generalni štrajk u više gradova", "protests")]
    [InlineData("hr", "Prosvjed studenata u Zagrebu zbog zakona o visokom obrazovanju", "protests")]
    [InlineData("sr", "Blokaderi ispred opštine u Čačku, saobraćaj preusmeren", "protests")]
    [InlineData("sr", "Вучић: Обојена револуција није успела", "protests")]
    [InlineData("sr", "Građani na zboru ispred škole traže smenu direktora", "protests")]
    [InlineData("hr", "Seljaci traktorima blokirali prilaz Osijeku", "protests")]
    [InlineData("sq", "Opozita mbajti protestë para Kryeministrisë, policia përdori gaz lotsjellës", "protests")]
    [InlineData("mk", "Демонстрации во Скопје против францускиот предлог", "protests")]
    // The north of Kosovo.
    [InlineData("sr", "Barikade na severu Kosova posle hapšenja Srba, specijalne jedinice na Jarinju", "ethnic-tensions")]
    [InlineData("sr", "Suđenje za napad u Banjskoj, ROSU u Zvečanu", "ethnic-tensions")]
    [InlineData("sr", "Lajčak: Formiranje Zajednice srpskih opština uslov za nastavak dijaloga", "kosovo-serbia-dialogue")]
    [InlineData("sq", "Kurti: Asociacioni nuk do të formohet pa njohje, dialogu në Bruksel", "kosovo-serbia-dialogue")]
    // Republika Srpska and the state.
    [InlineData("bs", "Visoki predstavnik poništio zakon o neprimjenjivanju odluka Ustavnog suda", "secession")]
    [InlineData("sr", "Dodik: Republika Srpska će proglasiti nezavisnost ako se nastavi nametanje", "secession")]
    // Montenegro's church and census disputes.
    [InlineData("sr", "Litije u Podgorici protiv Zakona o slobodi vjeroispovijesti, crkvena imovina u fokusu", "ethnic-tensions")]
    // North Macedonia and Bulgaria.
    [InlineData("mk", "Уставните измени за бугарското малцинство и францускиот предлог пред Собранието", "eu-accession")]
    [InlineData("mk", "Бугарија го задржува ветото, преговарачката рамка не е усвоена", "eu-accession")]
    // Albania's elections.
    [InlineData("sq", "Zgjedhjet parlamentare: opozita kërkon rinumërimin e votave", "elections")]
    public void ARegionalStory_GetsItsTopic(string language, string headline, string topic)
    {
        Assert.Contains(topic, Topics(headline, language));
    }

    [Theory]
    [InlineData("Studenti u blokadi najavili veliki skup u Kragujevcu")]
    [InlineData("Zborovi građana u Novom Sadu, plenumi na fakultetima")]
    [InlineData("Barikade na severu Kosova posle hapšenja Srba, specijalne jedinice na Jarinju")]
    [InlineData("Visoki predstavnik poništio zakon o neprimenjivanju odluka Ustavnog suda")]
    [InlineData("Blokaderi na zboru ispred opštine, studenti u blokadi najavili štrajk")]
    public void TheSameSerbianHeadline_GetsTheSameTopics_InLatinAndCyrillic(string latin)
    {
        var fromLatin = Topics(latin, "sr-Latn");

        Assert.NotEmpty(fromLatin);
        Assert.Equal(fromLatin, Topics(SerbianScripts.ToCyrillic(latin), "sr-Cyrl"));
    }

    [Theory]
    [InlineData("hr", "Pjevački zbor nastupio na Božićnom koncertu")]
    [InlineData("sr", "Saobraćajna blokada na auto-putu zbog radova")]
    [InlineData("sr", "Ostavke u upravnom odboru kluba")]
    [InlineData("sr", "Vučić sa Dodikom o saradnji Srbije i Republike Srpske")]
    [InlineData("sr", "Skupština raspravlja o kandidatima za sudije Ustavnog suda")]
    public void AnOrdinaryWord_DoesNotMakeAProtestOrSecessionStory(string language, string headline)
    {
        var topics = Topics(headline, language);

        Assert.DoesNotContain("protests", topics);
        Assert.DoesNotContain("secession", topics);
        Assert.DoesNotContain("elections", topics);
    }
}
