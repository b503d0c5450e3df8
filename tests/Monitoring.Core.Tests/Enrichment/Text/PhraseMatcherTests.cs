using Monitoring.Core.Enrichment.Text;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Enrichment.Text;

public sealed class PhraseMatcherTests
{
    private static readonly InflectionRules Rules = InflectionRules.Read(Path.Combine(RepositoryPaths.Seeds, "enrichment", InflectionRules.FileName));

    private static List<string> Found(string term, string text, string language)
    {
        var matcher = new PhraseMatcher(Rules);
        matcher.Add(term);
        return matcher.FindAll(Tokenizer.Tokenize(text), Rules.For(language)).Select(hit => hit.Surface).ToList();
    }

    [Theory]
    [InlineData("blokada", "sr", "Blokadom raskrsnice, posle blokade mosta, o blokadi fakulteta", new[] { "Blokadom", "blokade", "blokadi" })]
    [InlineData("blokada", "sr", "Блокадом раскрснице, после блокаде моста", new[] { "Блокадом", "блокаде" })]
    [InlineData("suzavac", "hr", "Policija upotrijebila suzavac, pa suzavcem rastjerala prosvjednike", new[] { "suzavac", "suzavcem" })]
    [InlineData("bllokadë", "sq", "Bllokada e rrugës dhe bllokadën e urës", new[] { "Bllokada", "bllokadën" })]
    [InlineData("tenzija", "mk", "Тензиите на северот и тензијата во Собранието", new[] { "Тензиите", "тензијата" })]
    public void ADictionaryForm_FindsEveryCaseOfItsWord_InItsLanguage(string term, string language, string text, string[] expected)
    {
        Assert.Equal(expected, Found(term, text, language));
    }

    [Fact]
    public void AStem_DoesNotReachOtherWords_AsAPrefixDid()
    {
        // "nered*" took "neredovno" (irregularly); the stem of "neredi" takes only the word's own cases.
        Assert.Equal(["neredima", "Neredi"], Found("neredi", "Pod neredima neredovno. Neredi!", "sr"));
    }

    [Fact]
    public void InEnglishText_ATermKeepsTheLightEnglishStem()
    {
        Assert.Equal(["blockades"], Found("blockade", "Two blockades in Belgrade", "en"));
        Assert.Empty(Found("rat", "The ratio of rates", "en"));
    }

    [Fact]
    public void AFormMarkedWithEquals_FindsOnlyThatForm()
    {
        // Macedonian: the plural "судири" are clashes, the singular "судир (на интереси)" a conflict of interest.
        Assert.Equal(["судири"], Found("=судири", "Судир на интереси, а потоа судири пред Собранието", "mk"));
    }

    [Fact]
    public void AnUnderscore_TakesAnyOneWord_ButNotAcrossPunctuation()
    {
        Assert.Equal(["zapalili srpsku zastavu"], Found("zapal* _ zastav*", "Nepoznati zapalili srpsku zastavu. Zapalili su, zastavu", "sr"));
        Assert.Throws<ArgumentException>(() => new PhraseMatcher(Rules).Add("_ zastav*"));
    }

    [Fact]
    public void Finds_PluralAndCapitalisedForms_OfAPhrase()
    {
        var matcher = new PhraseMatcher();
        matcher.Add("battle tank");

        var found = matcher.FindAll(Tokenizer.Tokenize("It bought Battle Tanks.")).ToList();

        Assert.Equal([(0, "Battle Tanks")], found);
    }

    [Fact]
    public void Matches_APrefix_WhenTheWordEndsWithAStar()
    {
        var matcher = new PhraseMatcher();
        matcher.Add("protest*");

        var found = matcher.FindAll(Tokenizer.Tokenize("Serbs have been protesting; protesters gathered.")).Select(hit => hit.Surface);

        Assert.Equal(["protesting", "protesters"], found);
    }

    [Fact]
    public void DoesNotMatch_AcrossPunctuation_OrInsideAWord()
    {
        var matcher = new PhraseMatcher();
        matcher.Add("military cooperation");
        matcher.Add("war");

        var found = matcher.FindAll(Tokenizer.Tokenize("The military. Cooperation was warm, the award too."));

        Assert.Empty(found);
    }
}
