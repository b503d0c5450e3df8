using Monitoring.Core.Enrichment.Text;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Enrichment.Text;

public sealed class TokenizerTests
{
    [Fact]
    public void Drops_ThePossessive_WithEitherApostrophe()
    {
        var words = Tokenizer.Tokenize("Serbia\u2019s army and NATO's member").Select(token => token.Text);

        Assert.Equal(["Serbia", "army", "and", "NATO", "member"], words);
    }

    [Fact]
    public void Keeps_ApostrophesInsideNames_AndSplitsOnHyphens()
    {
        var words = Tokenizer.Tokenize("O\u2019Brien saw the S-400 in Bosnia-Herzegovina").Select(token => token.Text);

        Assert.Equal(["O\u2019Brien", "saw", "the", "S", "400", "in", "Bosnia", "Herzegovina"], words);
    }

    [Fact]
    public void Marks_SentenceStarts_AndPunctuationBreaks()
    {
        var tokens = Tokenizer.Tokenize("He left. Then, Vulin spoke");

        Assert.True(tokens[0].StartsSentence);
        Assert.True(tokens[2].StartsSentence);
        Assert.False(tokens[3].StartsSentence);
        Assert.True(tokens[3].AfterPunctuation);
    }

    [Theory]
    [InlineData("tanks", "tank")]
    [InlineData("militaries", "military")]
    [InlineData("exercises", "exercise")]
    [InlineData("crisis", "crisis")]
    [InlineData("process", "process")]
    public void Stem_StripsPluralEndings(string word, string stem)
    {
        Assert.Equal(stem, Tokenizer.Stem(word));
    }

    [Fact]
    public void MostWords_IsNeverFewerThanTheWordsFound_OnEveryLineOfTheDemoCorpus_AndOnTrickyText()
    {
        // The article's token list is sized by it: fewer would only cost a regrowth, but more than needed by far would waste memory.
        var lines = File.ReadLines(Path.Combine(RepositoryPaths.Seeds, "corpus", "wikipedia-current-events-balkans.jsonl"))
            .Concat(File.ReadLines(RepositoryPaths.ExampleArticle))
            .Concat(["Serbia's O\u2019Brien e\u0301te\u0301 S-400 NATO's", "'s", "", "Vučić — Србија, 3.5%"])
            .ToList();
        Assert.True(lines.Count > 1_000, $"{lines.Count} lines");
        foreach (var line in lines)
        {
            var found = Tokenizer.Tokenize(line).Count;
            var most = Tokenizer.MostWords(line);
            Assert.True(most >= found, $"{most} < {found} words in: {line}");
            Assert.True(most <= (found * 2) + 1, $"{most} runs for {found} words in: {line}");
        }
    }
}
