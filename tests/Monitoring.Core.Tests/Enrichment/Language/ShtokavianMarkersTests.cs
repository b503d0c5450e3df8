using Monitoring.Core.Enrichment.Language;

namespace Monitoring.Core.Tests.Enrichment.Language;

/// <summary>
/// One test per marker class. The decision is called with a deliberately wrong n-gram guess, so each test shows
/// the markers overriding it. Sentences are written for these tests in the standard forms each grammar and
/// dictionary gives (ekavian vreme / ijekavian vrijeme, tisuća / hiljada…); the quotations are from the first
/// articles of the constitutions, official texts that the copyright acts of Croatia, Serbia and North Macedonia
/// leave free.
/// </summary>
public sealed class ShtokavianMarkersTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    private static string Decide(string guess, string text) => ShtokavianMarkers.Decide(guess, LanguageDetector.Normalise(text));

    [Fact]
    public void EkavianReflexes_ReadAsSerbian()
    {
        Assert.Equal("sr-Latn", Decide("hr-Latn", "Posle sednice predsednik je rekao da je vreme za odluku."));
        Assert.Equal("sr-Latn", Decide("bs-Latn", "Reka je odnela mleko i dete je ostalo gladno."));
    }

    [Fact]
    public void IjekavianReflexes_ReadAsCroatianOrBosnian_CroatianOnATie()
    {
        Assert.Equal("hr-Latn", Decide("sr-Latn", "Poslije sjednice predsjednik je rekao da je vrijeme za odluku."));
        Assert.Equal("hr-Latn", Decide("sr-Latn", "Rijeka je odnijela mlijeko i dijete je ostalo gladno."));
    }

    [Fact]
    public void CroatianVocabulary_ReadsAsCroatian()
    {
        Assert.Equal("hr-Latn", Decide("sr-Latn", "Vlak za Split polazi u siječnju, a karta stoji tisuću kuna."));
        Assert.Equal("hr-Latn", Decide("bs-Latn", "Suradnja sa sveučilištem i obitelj kao tema."));
    }

    [Fact]
    public void SerbianVocabulary_ReadsAsSerbian()
    {
        Assert.Equal("sr-Latn", Decide("hr-Latn", "Voz za Niš polazi u januaru, a opština je dala hiljadu karata."));
        Assert.Equal("sr-Latn", Decide("hr-Latn", "Bezbednost i hleb za sve."));
    }

    [Fact]
    public void BosnianVocabulary_ReadsAsBosnian()
    {
        Assert.Equal("bs-Latn", Decide("hr-Latn", "Historija općine pokazuje da je prije sedmicu dana spor lahko riješen."));
        Assert.Equal("bs-Latn", Decide("sr-Latn", "Hljeb i kahva za goste iz mahale."));
    }

    [Fact]
    public void OvatiVerbs_ReadAsSerbian_AndIratiVerbs_AsCroatian()
    {
        Assert.Equal("sr-Latn", Decide("hr-Latn", "Vlada je organizovala sastanak i reagovala na zahtev."));
        Assert.Equal("hr-Latn", Decide("sr-Latn", "Vlada je organizirala sastanak i reagirala na zahtjev."));
    }

    [Fact]
    public void DaAndThePresentAfterAModal_ReadsAsSerbian_AndTheInfinitive_AsCroatian()
    {
        Assert.Equal("sr-Latn", Decide("hr-Latn", "Ministar mora da podnese ostavku."));
        Assert.Equal("hr-Latn", Decide("sr-Latn", "Ministar mora podnijeti ostavku."));
    }

    [Fact]
    public void ACroatianFutureWrittenApart_ReadsAsCroatian()
    {
        Assert.Equal("hr-Latn", Decide("sr-Latn", "Održat će se sastanak o proračunu."));
    }

    [Theory]
    [InlineData("hr-Latn")]
    [InlineData("bs-Latn")]
    public void ATextWithNoMarker_ReadsAsSerbianLatin_TheStatedPrior(string guess)
    {
        // Correct Serbian, Croatian and Bosnian alike: nothing in it tells the standards apart.
        Assert.Equal("sr-Latn", Decide(guess, "Vlada je danas usvojila zakon o medijima."));
    }

    [Fact]
    public void SlovenianFunctionWords_ReadAsSlovenian_UnlessTheTextWritesCOrDWithAcute()
    {
        Assert.Equal("sl-Latn", Decide("hr-Latn", "Vlada je danes sprejela zakon, ki bo veljal tudi za medije."));
        Assert.Equal("sl-Latn", Decide("sl-Latn", "Mesto in reka, vreme je lepo."));
        Assert.Equal("sr-Latn", Decide("sl-Latn", "Sutra će vlada doneti odluku."));
    }

    [Fact]
    public void WordsSlovenianShares_DoNotOutvoteItsFunctionWords()
    {
        // sistem, lahko and the ekavian mesto are Slovenian as well as Serbian or Bosnian; tudi decides.
        Assert.Equal("sl-Latn", Decide("bs-Latn", "Sistem lahko deluje tudi v mestu."));
    }

    [Fact]
    public void MacedonianFunctionWords_ReadAsMacedonian_WithoutItsOwnLetters()
    {
        Assert.Equal("mk-Cyrl", Decide("sr-Cyrl", "Владата денес донесе закон и сите министри гласаа дека тоа е добро."));
    }

    [Fact]
    public void SerbianFunctionWords_ReadAsSerbian_WithoutItsOwnLetters()
    {
        Assert.Equal("sr-Cyrl", Decide("mk-Cyrl", "Влада Србије је данас усвојила закон у Београду и сви министри су гласали."));
    }

    [Fact]
    public void TheCroatianConstitution_ArticleThree_IsCroatian()
    {
        // Ustav Republike Hrvatske, članak 3 (part): čovjek is ijekavian, sustav and okoliš Croatian words.
        var guess = fixture.Model.LanguageDetector.Detect(
            "Poštivanje prava čovjeka, nepovredivost vlasništva, očuvanje prirode i čovjekova okoliša, vladavina prava i demokratski višestranački sustav");

        Assert.Equal("hr", guess.Language);
    }

    [Fact]
    public void TheSerbianConstitution_ArticleOne_IsSerbianLatin()
    {
        // Ustav Republike Srbije, član 1 (Latin transliteration): evropskim, vrednostima.
        var guess = fixture.Model.LanguageDetector.Detect(
            "Republika Srbija je država srpskog naroda i svih građana koji u njoj žive, zasnovana na vladavini prava i socijalnoj pravdi, načelima građanske demokratije, ljudskim i manjinskim pravima i slobodama i pripadnosti evropskim principima i vrednostima.");

        Assert.Equal(("sr", "Latn"), (guess.Language, guess.Script));
    }

    [Fact]
    public void TheMacedonianConstitution_ArticleOne_IsMacedonian_ThoughItHasNoLetterOfItsOwn()
    {
        // Устав на Република Северна Македонија, член 1: no ѓ, ќ or ѕ; the copula е decides.
        var guess = fixture.Model.LanguageDetector.Detect("Република Северна Македонија е суверена, самостојна, демократска и социјална држава.");

        Assert.Equal(("mk", "Cyrl"), (guess.Language, guess.Script));
    }
}
