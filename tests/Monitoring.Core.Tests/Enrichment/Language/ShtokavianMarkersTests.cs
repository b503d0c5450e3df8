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

    [Theory]
    [InlineData("hr-Latn", "Posle sednice predsednik je rekao da je vreme za odluku.", "sr-Latn")]
    [InlineData("bs-Latn", "Reka je odnela mleko i dete je ostalo gladno.", "sr-Latn")]
    public void EkavianReflexes_ReadAsSerbian(string guess, string text, string expected)
    {
        Assert.Equal(expected, Decide(guess, text));
    }

    [Theory]
    [InlineData("sr-Latn", "Poslije sjednice predsjednik je rekao da je vrijeme za odluku.", "hr-Latn")]
    [InlineData("sr-Latn", "Rijeka je odnijela mlijeko i dijete je ostalo gladno.", "hr-Latn")]
    public void IjekavianReflexes_ReadAsCroatianOrBosnian_CroatianOnATie(string guess, string text, string expected)
    {
        Assert.Equal(expected, Decide(guess, text));
    }

    [Theory]
    [InlineData("sr-Latn", "Vlak za Split polazi u siječnju, a karta stoji tisuću kuna.", "hr-Latn")]
    [InlineData("bs-Latn", "Suradnja sa sveučilištem i obitelj kao tema.", "hr-Latn")]
    public void CroatianVocabulary_ReadsAsCroatian(string guess, string text, string expected)
    {
        Assert.Equal(expected, Decide(guess, text));
    }

    [Theory]
    [InlineData("hr-Latn", "Voz za Niš polazi u januaru, a opština je dala hiljadu karata.", "sr-Latn")]
    [InlineData("hr-Latn", "Bezbednost i hleb za sve.", "sr-Latn")]
    public void SerbianVocabulary_ReadsAsSerbian(string guess, string text, string expected)
    {
        Assert.Equal(expected, Decide(guess, text));
    }

    [Theory]
    [InlineData("hr-Latn", "Historija općine pokazuje da je prije sedmicu dana spor lahko riješen.", "bs-Latn")]
    [InlineData("sr-Latn", "Hljeb i kahva za goste iz mahale.", "bs-Latn")]
    public void BosnianVocabulary_ReadsAsBosnian(string guess, string text, string expected)
    {
        Assert.Equal(expected, Decide(guess, text));
    }

    [Theory]
    [InlineData("sr-Latn", "Nitko nije došao, a svatko je znao zašto.", "hr-Latn")]
    [InlineData("hr-Latn", "Niko nije došao, a svako je znao zašto.", "sr-Latn")]
    public void NitkoAndSvatko_ReadAsCroatian_AndNikoAndSvako_AsSerbianOnATieWithBosnian(string guess, string text, string expected)
    {
        Assert.Equal(expected, Decide(guess, text));
    }

    [Theory]
    [InlineData("sr-Latn", "Uhićen je zbog kaznenog djela, a sud je neovisan.", "hr-Latn")]
    [InlineData("hr-Latn", "Uhapšen je zbog krivičnog dela, a sud je nezavisan.", "sr-Latn")]
    public void LegalVocabulary_TellsCroatianFromSerbian(string guess, string text, string expected)
    {
        Assert.Equal(expected, Decide(guess, text));
    }

    [Fact]
    public void SerbianAndBosnianWords_InAnIjekavianSentence_ReadAsBosnian()
    {
        // niko and uhapšen are Serbian and Bosnian, smije is Croatian and Bosnian: only Bosnian has all three.
        Assert.Equal("bs-Latn", Decide("hr-Latn", "Niko ne smije biti uhapšen bez odluke suda."));
    }

    [Theory]
    [InlineData("hr-Latn", "Vlada je organizovala sastanak i reagovala na zahtev.", "sr-Latn")]
    [InlineData("sr-Latn", "Vlada je organizirala sastanak i reagirala na zahtjev.", "hr-Latn")]
    public void OvatiVerbs_ReadAsSerbian_AndIratiVerbs_AsCroatian(string guess, string text, string expected)
    {
        Assert.Equal(expected, Decide(guess, text));
    }

    [Theory]
    [InlineData("hr-Latn", "Ministar mora da podnese ostavku.", "sr-Latn")]
    [InlineData("sr-Latn", "Ministar mora podnijeti ostavku.", "hr-Latn")]
    public void DaAndThePresentAfterAModal_ReadsAsSerbian_AndTheInfinitive_AsCroatian(string guess, string text, string expected)
    {
        Assert.Equal(expected, Decide(guess, text));
    }

    [Theory]
    [InlineData("sr-Latn", "Održat će se sastanak o proračunu.", "hr-Latn")]
    public void ACroatianFutureWrittenApart_ReadsAsCroatian(string guess, string text, string expected)
    {
        Assert.Equal(expected, Decide(guess, text));
    }

    [Theory]
    [InlineData("hr-Latn")]
    [InlineData("bs-Latn")]
    public void ATextWithNoMarker_ReadsAsSerbianLatin_TheStatedPrior(string guess)
    {
        // Correct Serbian, Croatian and Bosnian alike: nothing in it tells the standards apart.
        Assert.Equal("sr-Latn", Decide(guess, "Vlada je danas usvojila zakon o medijima."));
    }

    [Theory]
    [InlineData("hr-Latn", "Vlada je danes sprejela zakon, ki bo veljal tudi za medije.", "sl-Latn")]
    [InlineData("sl-Latn", "Mesto in reka, vreme je lepo.", "sl-Latn")]
    [InlineData("sl-Latn", "Sutra će vlada doneti odluku.", "sr-Latn")]
    public void SlovenianFunctionWords_ReadAsSlovenian_UnlessTheTextWritesCOrDWithAcute(string guess, string text, string expected)
    {
        Assert.Equal(expected, Decide(guess, text));
    }

    [Theory]
    [InlineData("bs-Latn", "Sistem lahko deluje tudi v mestu.", "sl-Latn")]
    public void WordsSlovenianShares_DoNotOutvoteItsFunctionWords(string guess, string text, string expected)
    {
        // sistem, lahko and the ekavian mesto are Slovenian as well as Serbian or Bosnian; tudi decides.
        Assert.Equal(expected, Decide(guess, text));
    }

    [Theory]
    [InlineData("sr-Cyrl", "Владата денес донесе закон и сите министри гласаа дека тоа е добро.", "mk-Cyrl")]
    [InlineData("sr-Cyrl", "Секој има право да биде слободен и тие го знаат тоа.", "mk-Cyrl")]
    public void MacedonianFunctionWords_ReadAsMacedonian_WithoutItsOwnLetters(string guess, string text, string expected)
    {
        Assert.Equal(expected, Decide(guess, text));
    }

    [Theory]
    [InlineData("mk-Cyrl", "Влада Србије је данас усвојила закон у Београду и сви министри су гласали.", "sr-Cyrl")]
    [InlineData("mk-Cyrl", "Свако има право да буде слободан и нико то не може да спречи.", "sr-Cyrl")]
    public void SerbianFunctionWords_ReadAsSerbian_WithoutItsOwnLetters(string guess, string text, string expected)
    {
        Assert.Equal(expected, Decide(guess, text));
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
