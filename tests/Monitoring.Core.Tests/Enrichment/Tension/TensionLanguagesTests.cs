using Monitoring.Core.Enrichment;

namespace Monitoring.Core.Tests.Enrichment.Tension;

/// <summary>
/// The term classes of <c>tension.json</c> in each language of the region, the same sentence in both Serbian
/// scripts, and negation per language. Sentences written for these tests in the style of the region's outlets;
/// each expectation was read off the sentence.
/// </summary>
public sealed class TensionLanguagesTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    private TensionScore Score(string headline, string language) => fixture.EnrichText(headline, "", language).Tags.Tension;

    [Theory]
    // Weapons and attacks.
    [InlineData("en", "Two hand grenades are thrown at international community buildings in Kosovska Mitrovica.", "violence", "grenade*")]
    [InlineData("sr", "Bačene ručne bombe u dvorište policijske stanice u Zvečanu", "violence", "bomb")]
    [InlineData("sr", "Demonstranti zapalili prostorije stranke i demolirali ulaz u gradsku upravu", "violence", "zapal* prostorij*")]
    [InlineData("hr", "Napadač bacio molotovljev koktel na zgradu Vlade u Zagrebu", "violence", "molotov*")]
    [InlineData("sq", "Protestuesit hodhën molotov drejt kryeministrisë", "violence", "molotov*")]
    [InlineData("sq", "Një shpërthim në kanalin Ibër-Lepenc, policia heton", "violence", "shpërthim*")]
    [InlineData("mk", "Фрлена бомба пред полициската станица во Куманово, двајца повредени", "violence", "повреден*")]
    // Secession acts and partition.
    [InlineData("en", "Former Prime Minister says the province will unilaterally declare independence within four days.", "secession-acts", "unilateral* declar*")]
    [InlineData("sr", "Skupština Republike Srpske usvojila zakon o neprimenjivanju odluka Ustavnog suda", "secession-threats", "neprimenjivanj*")]
    [InlineData("en", "Serbia formally proposes partitioning Kosovo along ethnic lines.", "secession-threats", "partition*")]
    [InlineData("sr", "Ideja o podeli Kosova ponovo u javnosti", "secession-threats", "podel* kosov*")]
    // Riots, clashes, tear gas.
    [InlineData("en", "After days of rioting in Bosnia, the Presidency Building in Sarajevo is attacked.", "protests-unrest", "riot*")]
    [InlineData("sr", "Neredi na protestu u centru Beograda, policija upotrebila suzavac", "protests-unrest", "suzavac")]
    [InlineData("hr", "Prosvjednici se sukobili s policijom, uhićeno deset osoba", "arrests-raids", "uhićen*")]
    [InlineData("sq", "Përplasje mes protestuesve dhe policisë, policia përdori gaz lotsjellës", "protests-unrest", "gaz* lotsjellës")]
    [InlineData("mk", "Судири меѓу демонстрантите и полицијата, употребен солзавец", "protests-unrest", "солзавец")]
    [InlineData("mk", "Немири во Кочани по пожарот, уапсени неколку лица", "protests-unrest", "nemiri")]
    // Occupations and storming of buildings.
    [InlineData("en", "The Macedonian Parliament is stormed by protesters.", "protests-unrest", "stormed")]
    [InlineData("en", "A small group of protesters storm the building after pushing through a police cordon.", "protests-unrest", "storm the")]
    [InlineData("sr", "Upad policije u prostorije Crvenog krsta na Gazivodama", "arrests-raids", "upad")]
    [InlineData("bs", "Demonstranti jurišali na zgradu Predsjedništva u Sarajevu", "protests-unrest", "jurisal*")]
    // A term is a stem with its language's endings: the dictionary form finds every case, in both scripts.
    [InlineData("sr", "Demonstranti napadnuti suzavcem ispred Skupštine", "protests-unrest", "suzavac")]
    [InlineData("sr", "Десеторо приведених због нереда после утакмице", "protests-unrest", "neredi")]
    [InlineData("hr", "Blokadom državne ceste prosvjednici traže ostavku župana", "protests-unrest", "blokada")]
    [InlineData("sq", "Bllokada e rrugës në Mitrovicë vazhdon për të tretën ditë", "protests-unrest", "bllokadë")]
    [InlineData("mk", "Владата ја осуди тензијата на северот", "diplomatic-ruptures", "tenzija")]
    // Riots, scuffles and blocked streets, crossings and roads; farmers' tractors.
    [InlineData("hr", "Huligani napali sudionike povorke u središtu grada", "protests-unrest", "huligan*")]
    [InlineData("sr", "Кошкање посланика и полиције испред зграде суда", "protests-unrest", "koškanj*")]
    [InlineData("hr", "Ratari traktorima blokirali cestu kod Vukovara", "protests-unrest", "traktor* blokira*")]
    [InlineData("bs", "Navijači blokirali magistralni put kod Zenice", "protests-unrest", "blokira* _ put*")]
    [InlineData("mk", "Граѓаните ја блокираа улицата пред општината во Битола", "protests-unrest", "blokira* ulic*")]
    [InlineData("sq", "Përleshje mes protestuesve dhe policisë në Prishtinë", "protests-unrest", "përleshj*")]
    // Occupations of buildings.
    [InlineData("sr", "Студенти окупирали зграду Ректората у Крагујевцу", "protests-unrest", "okupira* zgrad*")]
    [InlineData("mk", "Активисти го окупираа ректоратот во Битола", "protests-unrest", "okupira* rektorat*")]
    [InlineData("sr", "Nepoznati zapalili srpsku zastavu ispred crkve", "violence", "zapal* _ zastav*")]
    // Weapons and attacks: terror, detonations, snipers, kidnapping.
    [InlineData("sr", "Петковић: Курти наставља терор над Србима на северу", "violence", "teror")]
    [InlineData("sr", "Detonacija kod opštinske zgrade u Zvečanu", "violence", "detonacija")]
    [InlineData("sr", "Pokušaj otmice deteta u Gračanici, policija traga za osumnjičenim", "violence", "otmica")]
    [InlineData("en", "A Serb man is kidnapped near Zubin Potok, police say.", "violence", "kidnap*")]
    [InlineData("hr", "Snajperist pucao na policijsku postaju", "violence", "snajper*")]
    // Partition and border change.
    [InlineData("sr", "Vučić o razgraničenju sa Albancima kao kompromisu", "secession-threats", "razgraničenje")]
    [InlineData("sq", "Analistët: Ndryshimi i kufijve mes Kosovës dhe Serbisë rrezikon rajonin", "secession-threats", "ndryshim* i kufij*")]
    [InlineData("en", "Leaders discuss a land swap between Kosovo and Serbia.", "secession-threats", "land swap*")]
    // A strike or a movement named by its demands or by stopped classes.
    [InlineData("sr", "Vučević: Postignut dogovor oko ključnih zahteva prosvetara", "protests-unrest", "zahtev* prosvetar*")]
    [InlineData("sr", "Мацут: Политички захтеви студената у дефанзиви", "protests-unrest", "zahtev* =studenata")]
    [InlineData("hr", "Vlada odbila zahtjeve sindikata učitelja", "protests-unrest", "zahtjev* sindikat*")]
    [InlineData("sq", "Qeveria pranoi kërkesat e studentëve", "protests-unrest", "kërkes* _ studentë*")]
    [InlineData("mk", "Владата ги прифати барањата на студентите", "protests-unrest", "барањ* на студент*")]
    [InlineData("sr", "Obustava nastave u školama širom Srbije", "protests-unrest", "obustav* nastav*")]
    // Gatherings in front of a building, attacks on the police, entries blocked.
    [InlineData("sr", "Okupljanje ispred stana ministra, policija obezbeđuje zgradu", "protests-unrest", "okuplj* ispred")]
    [InlineData("sr", "Два скупа испред седишта странке на Новом Београду", "protests-unrest", "skup ispred")]
    [InlineData("hr", "Napad na policiju u Splitu nakon utakmice", "protests-unrest", "napad* na policij*")]
    [InlineData("sq", "Tubim para Kuvendit kundër ligjit të ri", "protests-unrest", "tubim* para")]
    [InlineData("mk", "Собир пред Собранието против новиот закон", "protests-unrest", "собир* пред")]
    [InlineData("sr", "Studenti sprečili ulazak zaposlenih u rektorat", "protests-unrest", "spreč* ulaz*")]
    // Killings and deadly disasters that become political: blame, resignations, condolences.
    [InlineData("sr", "Vučić: Odgovornost za tragediju u Novom Sadu mora da bude jasna", "deadly-disasters", "odgovornost* za tragedij*")]
    [InlineData("sr", "Još dve ostavke zbog tragedije u Novom Sadu", "deadly-disasters", "ostavk* zbog tragedij*")]
    [InlineData("sr", "Zvaničnici Srbije uputili saučešća povodom zločina na Cetinju", "deadly-disasters", "saučešć*")]
    [InlineData("hr", "Pokolj u školi, ubijeno devetero djece", "deadly-disasters", "pokolj*")]
    [InlineData("sq", "Masakër në shkollë, vriten nëntë fëmijë", "deadly-disasters", "masakër*")]
    [InlineData("sq", "Përgjegjësia për tragjedinë në Koçan", "deadly-disasters", "përgjegjësi* për tragjedi*")]
    [InlineData("mk", "Одговорност за несреќата во Кочани", "deadly-disasters", "одговорност* за несреќ*")]
    public void ATermOfEachClass_IsFound_InItsLanguage(string language, string headline, string category, string term)
    {
        var tension = Score(headline, language);

        var evidence = Assert.Single(tension.Evidence, item => item.Term == term);
        Assert.Equal(category, evidence.Category);
        Assert.Empty(tension.Negated);
    }

    [Theory]
    [InlineData("Studenti u blokadi: policija upotrebila suzavac, privedeno dvadeset studenata")]
    [InlineData("Demonstranti zapalili prostorije SNS-a u Valjevu, neredi i povređeni policajci")]
    [InlineData("Bačene ručne bombe na policijsku stanicu u Zvečanu, ranjen policajac")]
    [InlineData("Pucnjava ispred Skupštine, muškarac uhapšen, kamenovan autobus")]
    [InlineData("Studenti okupirali zgradu fakulteta, neredi i suzavac ispred ulaza")]
    [InlineData("Blokaderi blokirali ulicu kod Skupštine, koškanje sa policijom")]
    public void TheSameSerbianHeadline_ScoresTheSame_InLatinAndCyrillic(string latin)
    {
        var cyrillic = SerbianScripts.ToCyrillic(latin);

        var fromLatin = Score(latin, "sr-Latn");
        var fromCyrillic = Score(cyrillic, "sr-Cyrl");

        Assert.NotEqual(latin, cyrillic);
        Assert.True(fromLatin.IsTense, latin);
        Assert.Equal(fromLatin.Value, fromCyrillic.Value);
        Assert.Equal(fromLatin.Evidence.Select(item => (item.Term, item.Count)), fromCyrillic.Evidence.Select(item => (item.Term, item.Count)));
    }

    [Theory]
    [InlineData("sr", "Dačić: Policija nije upotrebila suzavac na protestu", "suzavac")]
    [InlineData("sr", "MUP demantovao da je bilo nereda ispred fakulteta", "neredi")]
    [InlineData("sr", "Ministar odbacio tvrdnje o napadu na novinare", "napad*")]
    [InlineData("hr", "Policija demantirala da je bilo sukoba na prosvjedu", "sukob*")]
    [InlineData("bs", "Dodik: Neće biti secesije, ali ni nametanja", "secesija")]
    [InlineData("sq", "Policia nuk përdori gaz lotsjellës ndaj protestuesve", "gaz* lotsjellës")]
    [InlineData("sq", "Ministri mohoi se pati përplasje në veri", "përplasj*")]
    [InlineData("mk", "Полицијата не употреби солзавец врз демонстрантите", "солзавец")]
    [InlineData("mk", "Министерството демантира дека имало судири на протестот", "=судири")]
    public void ANegatedOrDeniedTerm_DoesNotCount_InEachLanguage(string language, string headline, string term)
    {
        var tension = Score(headline, language);

        Assert.DoesNotContain(tension.Evidence, item => item.Term == term);
        Assert.Contains(tension.Negated, item => item.Term == term);
    }

    // What must not happen is said of what happens or threatens; a denial of involvement denies the involvement, not the attack.
    [Theory]
    [InlineData("sr", "Vučević: Građani ne smeju biti taoci blokada", "blokada")]
    [InlineData("sr", "Вучевић: Грађани не смеју бити таоци блокада", "blokada")]
    [InlineData("hr", "Građani ne smiju biti taoci blokada", "blokada")]
    [InlineData("sq", "Qytetarët nuk duhet të jenë pengje të bllokadës", "bllokadë")]
    [InlineData("mk", "Граѓаните не смеат да бидат заложници на блокадите", "blokada")]
    [InlineData("en", "Serbia must not be held hostage by the blockade", "blockade")]
    [InlineData("sr", "Beograd negira umešanost u napad na kanal", "napad*")]
    [InlineData("sr", "Београд негира умешаност у напад на канал", "napad*")]
    [InlineData("en", "Belgrade denied any involvement in the attack on the canal", "attack")]
    public void AProhibitionOrADeniedInvolvement_DoesNotNegateTheEvent(string language, string headline, string term)
    {
        var tension = Score(headline, language);

        Assert.Contains(tension.Evidence, item => item.Term == term);
        Assert.DoesNotContain(tension.Negated, item => item.Term == term);
    }

    [Fact]
    public void MacedonianNo_MeansBut_AndNegatesNothing()
    {
        // "но" (but) folds to "no", the English negation; in Macedonian it is not a cue.
        var tension = Score("Протестот беше мирен, но имаше судири пред Собранието", "mk");

        Assert.Contains(tension.Evidence, item => item.Term == "=судири");
        Assert.Empty(tension.Negated);
    }

    [Theory]
    [InlineData("sr", "Zbor crkvenog hora nastupio u Sabornoj crkvi")]
    [InlineData("sr", "Saobraćajna nesreća na auto-putu, kolona vozila")]
    [InlineData("sr", "Zapalili sveće za stradale u Novom Sadu")]
    [InlineData("sr", "Srbi u selima Kosovske Kamenice bez struje")]
    [InlineData("sq", "Zgjedhjet lokale do të mbahen në tetor")]
    [InlineData("mk", "Владата ги усвои измените на буџетот")]
    // Words an ending or a prefix would have read as unrest: irregular, conspicuous, earlier, a conflict of interest.
    [InlineData("sr", "Neredovno plaćanje računa za struju u Nišu")]
    [InlineData("sr", "Upadljiv pad cena nekretnina u Beogradu")]
    [InlineData("hr", "Vlada je ranije najavila nove mjere za umirovljenike")]
    [InlineData("mk", "Судир на интереси кај градоначалникот на Битола")]
    public void OrdinaryNews_IsNotTense(string language, string headline)
    {
        Assert.False(Score(headline, language).IsTense, headline);
    }
}
