using Monitoring.Web.Features.Articles;

namespace Monitoring.Web.Tests.Features.Articles;

public sealed class EvidenceMarkerTests
{
    private static readonly EvidenceTerm Serbia = new("Serbia", EvidenceKind.Country, "country:RS", "Serbia");
    private static readonly EvidenceTerm Serbian = new("Serbian", EvidenceKind.Country, "country:RS", "Serbia");
    private static readonly EvidenceTerm Church = new("Serbian Orthodox Church", EvidenceKind.Topic, "topic:religion", "Religion");

    [Fact]
    public void Marks_WholeWordsOnly_IgnoringCase()
    {
        var segments = new EvidenceMarker([Serbia]).Mark("SERBIA and Serbians, not Serbiaa.");

        var marked = segments.Where(segment => segment.Evidence is not null).Select(segment => segment.Text);
        Assert.Equal(["SERBIA"], marked);
    }

    [Fact]
    public void Segments_JoinBackIntoTheOriginalText()
    {
        const string text = "Serbia’s army and the Serbian Orthodox Church, said Serbia.";

        var segments = new EvidenceMarker([Serbia, Serbian, Church]).Mark(text);

        Assert.Equal(text, string.Concat(segments.Select(segment => segment.Text)));
    }

    [Fact]
    public void TheLongerTerm_WinsWhereTermsOverlap()
    {
        var segments = new EvidenceMarker([Serbian, Church]).Mark("the Serbian Orthodox Church");

        var evidence = Assert.Single(segments, segment => segment.Evidence is not null);
        Assert.Equal("Serbian Orthodox Church", evidence.Text);
        Assert.Equal(EvidenceKind.Topic, evidence.Evidence!.Kind);
    }

    [Fact]
    public void FocusingOnOneTag_MarksOnlyItsEvidence()
    {
        var segments = new EvidenceMarker([Serbia, Church]).Mark("Serbia and the Serbian Orthodox Church", onlyTag: "country:RS");

        var evidence = Assert.Single(segments, segment => segment.Evidence is not null);
        Assert.Equal("Serbia", evidence.Text);
    }
}
