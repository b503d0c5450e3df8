using Monitoring.Ingestion.Pages;

namespace Monitoring.Ingestion.Tests.Pages;

public sealed class TextOverlapTests
{
    [Fact]
    public void CountsSharedTokens_AsOftenAsBothTextsHaveThem()
    {
        // extracted: the(2) cat sat on mat menu = 7 tokens; expected: the(2) cat sat on mat today = 7; shared 6.
        var overlap = TextOverlap.Compare("The cat sat on the mat. Menu", "the cat sat on the mat today");

        Assert.Equal(new TextOverlap(7, 7, 6), overlap);
        Assert.Equal(6 / 7.0, overlap.F1, 6);
    }

    [Fact]
    public void TreatsEachChineseCharacter_AsAToken()
    {
        Assert.Equal(["宇", "航", "员", "nasa", "2024"], TextOverlap.Tokens("宇航员 NASA-2024"));
    }

    [Fact]
    public void ScoresZero_WhenNothingWasExtracted()
    {
        var overlap = TextOverlap.Compare(string.Empty, "some expected text");

        Assert.Equal(0, overlap.Precision);
        Assert.Equal(0, overlap.Recall);
        Assert.Equal(0, overlap.F1);
    }
}
