using System.Text.Json;
using Monitoring.Core.Enrichment;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Enrichment.Tension;

/// <summary>
/// The negation window of <c>tension.json</c> on real sentences, read at test time: RTS headlines from
/// ../shared/data/balkans (found by their article number, in both scripts) and the seeds demo corpus. Each
/// expectation was read off the sentence by hand.
/// </summary>
public sealed class TensionNegationTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    private TensionScore Score(string text, string language = "en") => fixture.EnrichText(text, "", language).Tags.Tension;

    [Theory]
    [InlineData("There is no threat of war, the minister said.", "war")]
    [InlineData("Belgrade denied plans to attack the border post.", "attack")]
    [InlineData("The EU ruled out sanctions against Serbia.", "sanctions")]
    [InlineData("No one was injured in the incident.", "injured")]
    [InlineData("\"We don't want war,\" he said.", "war")]
    public void ANegatedTerm_DoesNotCount_ButIsKeptAsNegated(string sentence, string term)
    {
        var tension = Score(sentence);

        Assert.DoesNotContain(tension.Evidence, item => item.Term == term);
        Assert.Contains(tension.Negated, item => item.Term == term);
    }

    [Fact]
    public void TheSameTermAffirmed_Counts()
    {
        var tension = Score("The minister warned of war. Belgrade plans to attack the border post.");

        Assert.Contains(tension.Evidence, item => item.Term == "war");
        Assert.Contains(tension.Evidence, item => item.Term == "attack");
        Assert.Empty(tension.Negated);
    }

    [Fact]
    public void TheWindow_StopsAtPunctuation()
    {
        // "not" belongs to the first clause; the killing after the comma happened.
        var tension = Score("Police did not comment, but two people were killed.");

        Assert.Contains(tension.Evidence, item => item.Term == "killed");
    }

    [Fact]
    public void TheWindow_IsFourWords()
    {
        // no(cue) → one, two, three, four words after it are negated; the fifth is not.
        Assert.Contains(Score("No plan, they said, of war.").Evidence, item => item.Term == "war");
        Assert.Contains(Score("There was no sign of an attack.").Negated, item => item.Term == "attack");
        Assert.Contains(Score("There was no sign at all of an attack.").Evidence, item => item.Term == "attack");
    }

    [Fact]
    public void AlbanianNe_MeansIn_AndNegatesNothing()
    {
        // "në" (in) folds to "ne", the Serbian negation; in Albanian text it is not a cue.
        var tension = Score("Dy policë u plagosën në sulm në veri.", "sq");

        Assert.Contains(tension.Evidence, item => item.Term == "sulm*");
        Assert.Empty(tension.Negated);
    }

    [Theory]
    [InlineData("rts_latin.csv")]
    [InlineData("rts.csv")]
    public void SerbiaWillNotImposeSanctions_IsNoSanctionsThreat(string file)
    {
        // 5560285: "… Srbija neće uvoditi sankcije Ruskoj Federaciji" — neće, uvoditi, sankcije.
        var tension = Score(Headline(file, "5560285"), "sr");

        Assert.DoesNotContain(tension.Evidence, item => item.Term == "sankcija");
        Assert.Contains(tension.Negated, item => item.Term == "sankcija");
    }

    [Theory]
    [InlineData("rts_latin.csv")]
    [InlineData("rts.csv")]
    public void ADeniedInvolvementInAnAttack_StillReportsTheAttack(string file)
    {
        // 5593086: "Beograd nedvosmisleno negira umešanost u napad na kanal Ibar–Lepenac": Belgrade denies its
        // involvement, not the attack, which happened (the canal was blown up on 29 November 2024).
        var tension = Score(Headline(file, "5593086"), "sr");

        Assert.Contains(tension.Evidence, item => item.Term == "napad*");
        Assert.DoesNotContain(tension.Negated, item => item.Term == "napad*");
    }

    [Fact]
    public void WorkNotWar_IsNoWar()
    {
        // 5587961: "… nama treba rad, a ne rat".
        var tension = Score(Headline("rts_latin.csv", "5587961"), "sr");

        Assert.DoesNotContain(tension.Evidence, item => item.Term == "rat");
        Assert.Contains(tension.Negated, item => item.Term == "rat");
    }

    [Fact]
    public void NotOnlyAPersonalAttack_IsStillAnAttack()
    {
        // 5767831: "Napad na sina Miloša Vučevića nije samo lični napad" — both attacks are affirmed.
        var tension = Score(Headline("rts_latin.csv", "5767831"), "sr");

        var attack = Assert.Single(tension.Evidence, item => item.Term == "napad*");
        Assert.Equal(2, attack.Count);
        Assert.Empty(tension.Negated);
    }

    [Fact]
    public void KosovoUnrest2004_CountsTheViolenceThatContinued_NotTheViolenceThatDidNotHappen()
    {
        // Demo corpus, 2004-03-18: "violence has continued in and around Kosovo Serb enclaves" and
        // "so far without the violence seen the previous day".
        var text = DemoCorpusText("https://en.wikipedia.org/wiki/Portal:Current_events/2004_March_18", "Kosovo Force");
        var tension = Score(text);

        Assert.Equal(1, Assert.Single(tension.Evidence, item => item.Term == "violence").Count);
        Assert.Equal(1, Assert.Single(tension.Negated, item => item.Term == "violence").Count);
    }

    private static string Headline(string file, string articleNumber)
    {
        var path = Path.Combine(RepositoryPaths.Corpora, "balkans", file);
        if (!File.Exists(path))
        {
            Assert.Skip($"The RTS headlines are not at {path} (set MONITORING_CORPORA).");
        }

        // The Cyrillic file repeats some headlines.
        var line = File.ReadLines(path).First(row => row.Contains($"/{articleNumber}/", StringComparison.Ordinal));
        if (!line.StartsWith('"'))
        {
            return line[..line.IndexOf(',', StringComparison.Ordinal)];
        }

        // A quoted first field: up to the quote that is not doubled.
        var end = 1;
        while (!(line[end] == '"' && (end + 1 == line.Length || line[end + 1] != '"')))
        {
            end += line[end] == '"' ? 2 : 1;
        }

        return line[1..end].Replace("\"\"", "\"", StringComparison.Ordinal);
    }

    private static string DemoCorpusText(string url, string containing)
    {
        var path = Path.Combine(RepositoryPaths.Seeds, "corpus", "wikipedia-current-events-balkans.jsonl");
        return File.ReadLines(path)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(record => record.GetProperty("url").GetString() == url)
            .Select(record => record.GetProperty("text").GetString()!)
            .Single(text => text.Contains(containing, StringComparison.Ordinal));
    }
}
