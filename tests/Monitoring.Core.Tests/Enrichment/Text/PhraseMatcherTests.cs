using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Tests.Enrichment.Text;

public sealed class PhraseMatcherTests
{
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
