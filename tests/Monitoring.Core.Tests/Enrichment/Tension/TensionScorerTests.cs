using Monitoring.Core.Enrichment.Tension;

namespace Monitoring.Core.Tests.Enrichment.Tension;

public sealed class TensionScorerTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    [Fact]
    public void Example_HitsActsAndThreats_AndIsTense()
    {
        var tension = fixture.EnrichExample().Tags.Tension;

        // "bloody" (twice: "bloody wars", "bloody disintegration") is an act of war; "secession" a threat.
        var acts = Assert.Single(tension.Categories, category => category.Id == "war-acts");
        Assert.Equal(TensionKind.Act, acts.Kind);
        var secession = Assert.Single(tension.Categories, category => category.Id == "secession-threats");
        Assert.Equal(TensionKind.Threat, secession.Kind);
        Assert.Equal(1, secession.Count);
        Assert.True(tension.IsTense);
    }

    [Fact]
    public void ACalmText_IsNotTense()
    {
        var tension = fixture.EnrichText("Library opens", "The city library opened a new reading room on Monday.").Tags.Tension;

        Assert.False(tension.IsTense);
        Assert.Empty(tension.Categories);
    }

    [Theory]
    [InlineData("Сукоби на северу Косова: повређено пет полицајаца, бачене бомбе.")]
    [InlineData("Sukobi na severu Kosova: povređeno pet policajaca, bačene bombe.")]
    public void SerbianViolence_IsTense_InBothScripts(string headline)
    {
        var tension = fixture.EnrichText(headline, "", "sr").Tags.Tension;

        Assert.Contains(tension.Evidence, item => item.Term == "sukob*");
        Assert.Contains(tension.Evidence, item => item.Term == "povredjen*");
    }

    [Fact]
    public void Evidence_PointsAtTheWords()
    {
        var body = "Clashes broke out. Two people were killed.";
        var tension = fixture.EnrichText("Clashes", body).Tags.Tension;

        var killed = Assert.Single(tension.Evidence, item => item.Term == "killed");
        var span = Assert.Single(killed.Positions);
        Assert.Equal("killed", body.Substring(span.Start, span.Length));
    }
}
