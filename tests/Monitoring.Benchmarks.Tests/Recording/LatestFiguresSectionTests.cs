using Monitoring.Benchmarks;

namespace Monitoring.Benchmarks.Tests.Recording;

public class LatestFiguresSectionTests
{
    private const string Intro = "# Performance\n\nHand-written introduction.\n\n";
    private const string HandWritten = "## 1. Enrichment\n\nHistory, analysis *and* odd spacing  \nkept as typed.\n";

    private static string Section(string blocks) =>
        "## Latest figures (written by the benchmarks)\n\nA note written by hand.\n\n" +
        "<!-- latest-figures:begin -->\n" + blocks + "<!-- latest-figures:end -->\n\n";

    private static string Block(string key, string content) => $"<!-- figures:{key} -->\n{content}\n<!-- /figures:{key} -->\n\n";

    [Fact]
    public void Write_CreatesTheSection_BeforeTheFirstSecondLevelHeading()
    {
        var written = LatestFiguresSection.Write(Intro + HandWritten, "4-search-100000", "### Search\n\n- p95 30 ms\n");

        Assert.Equal(
            Intro +
            "## Latest figures (written by the benchmarks)\n\n" +
            "Each benchmark replaces its own block below with the figures of its latest run (`--record no` turns that off); " +
            "the rest of this document is written by hand.\n\n" +
            "<!-- latest-figures:begin -->\n" +
            "<!-- figures:4-search-100000 -->\n### Search\n\n- p95 30 ms\n<!-- /figures:4-search-100000 -->\n\n" +
            "<!-- latest-figures:end -->\n\n" +
            HandWritten,
            written);
    }

    [Fact]
    public void Write_AppendsTheSection_WhenTheDocumentHasNoSecondLevelHeading()
    {
        var written = LatestFiguresSection.Write("# Performance\n\nNothing measured yet.", "1-enrich", "figures");

        Assert.StartsWith("# Performance\n\nNothing measured yet.\n\n## Latest figures (written by the benchmarks)\n\n", written, StringComparison.Ordinal);
        Assert.EndsWith("<!-- latest-figures:begin -->\n<!-- figures:1-enrich -->\nfigures\n<!-- /figures:1-enrich -->\n\n<!-- latest-figures:end -->\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_IgnoresSecondLevelHeadings_InsideCodeFences_WhenPlacingANewSection()
    {
        var document = "# Performance\n\n```markdown\n## not a heading\n```\n\n## Real heading\n";

        var written = LatestFiguresSection.Write(document, "1-enrich", "figures");

        Assert.StartsWith("# Performance\n\n```markdown\n## not a heading\n```\n\n## Latest figures", written, StringComparison.Ordinal);
        Assert.EndsWith("<!-- latest-figures:end -->\n\n## Real heading\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ReplacesOnlyItsOwnBlock_KeepingEveryOtherByte()
    {
        var before = Intro + Section(Block("1-enrich", "old enrich") + "Hand text between blocks.\n\n" + Block("4-search-100000", "old search\nsecond line")) + HandWritten;

        var written = LatestFiguresSection.Write(before, "4-search-100000", "new search");

        Assert.Equal(
            Intro + Section(Block("1-enrich", "old enrich") + "Hand text between blocks.\n\n" + Block("4-search-100000", "new search")) + HandWritten,
            written);
    }

    [Fact]
    public void Write_GivesTheSameDocument_WhenTheFiguresAreUnchanged()
    {
        var once = LatestFiguresSection.Write(Intro + HandWritten, "2-ingest", "the same figures\n");

        Assert.Equal(once, LatestFiguresSection.Write(once, "2-ingest", "the same figures\n"));
    }

    [Fact]
    public void Write_InsertsANewBlock_InTheOrderOfTheKeys_NumbersComparedAsNumbers()
    {
        var before = Intro + Section(Block("4-search-100000", "a") + Block("6-alerts-1000x1000", "b")) + HandWritten;

        var withLarger = LatestFiguresSection.Write(before, "4-search-1000000", "c");
        var withFirst = LatestFiguresSection.Write(withLarger, "1-enrich", "d");
        var withLast = LatestFiguresSection.Write(withFirst, "7-web-1000000", "e");

        Assert.Equal(
            Intro + Section(Block("1-enrich", "d") + Block("4-search-100000", "a") + Block("4-search-1000000", "c") +
                Block("6-alerts-1000x1000", "b") + Block("7-web-1000000", "e")) + HandWritten,
            withLast);
    }

    [Fact]
    public void Write_KeepsWindowsLineEndings_AndWritesTheBlockWithThem()
    {
        var before = (Intro + Section(Block("1-enrich", "old")) + HandWritten).Replace("\n", "\r\n", StringComparison.Ordinal);

        var written = LatestFiguresSection.Write(before, "1-enrich", "new\nlines");

        Assert.Equal((Intro + Section(Block("1-enrich", "new\nlines")) + HandWritten).Replace("\n", "\r\n", StringComparison.Ordinal), written);
    }

    [Fact]
    public void Write_TreatsMarkersInCodeFences_AsExamples()
    {
        var example = "```\n<!-- latest-figures:begin -->\n<!-- figures:1-enrich -->\n```\n\n";
        var before = Intro + example + Section(Block("1-enrich", "old")) + HandWritten;

        var written = LatestFiguresSection.Write(before, "1-enrich", "new");

        Assert.Equal(Intro + example + Section(Block("1-enrich", "new")) + HandWritten, written);
    }

    [Theory]
    [InlineData("<!-- latest-figures:begin -->\ntext\n", "'<!-- latest-figures:begin -->' on line 5 has no '<!-- latest-figures:end -->' after it")]
    [InlineData("text\n<!-- latest-figures:end -->\n", "'<!-- latest-figures:end -->' on line 6 is not inside a")]
    [InlineData("<!-- latest-figures:end -->\n<!-- latest-figures:begin -->\n", "'<!-- latest-figures:end -->' on line 5 comes before '<!-- latest-figures:begin -->' on line 6")]
    [InlineData("<!-- latest-figures:begin -->\n<!-- latest-figures:begin -->\n<!-- latest-figures:end -->\n", "'<!-- latest-figures:begin -->' appears 2 times (lines 5, 6)")]
    [InlineData("<!-- latest-figures:begin -->\n<!-- latest-figures:end -->\n<!-- latest-figures:end -->\n", "'<!-- latest-figures:end -->' appears 2 times (lines 6, 7)")]
    [InlineData("<!-- latest-figures:begin -->\n<!-- figures:1-enrich -->\n<!-- latest-figures:end -->\n", "the block '1-enrich' opened on line 6 is not closed before '<!-- latest-figures:end -->' on line 7")]
    [InlineData("<!-- latest-figures:begin -->\n<!-- figures:1-enrich -->\n<!-- figures:2-ingest -->\n<!-- /figures:2-ingest -->\n<!-- latest-figures:end -->\n", "the block '1-enrich' opened on line 6 is not closed before '<!-- figures:2-ingest -->' on line 7")]
    [InlineData("<!-- latest-figures:begin -->\n<!-- figures:1-enrich -->\n<!-- /figures:2-ingest -->\n<!-- latest-figures:end -->\n", "'<!-- /figures:2-ingest -->' on line 7 closes a block other than '1-enrich', opened on line 6")]
    [InlineData("<!-- latest-figures:begin -->\n<!-- /figures:1-enrich -->\n<!-- latest-figures:end -->\n", "'<!-- /figures:1-enrich -->' on line 6 closes no open block")]
    [InlineData("<!-- latest-figures:begin -->\n<!-- figures:1-enrich -->\n<!-- /figures:1-enrich -->\n<!-- figures:1-enrich -->\n<!-- /figures:1-enrich -->\n<!-- latest-figures:end -->\n", "the block '1-enrich' appears twice (lines 6 and 8)")]
    [InlineData("<!-- figures:1-enrich -->\n<!-- /figures:1-enrich -->\n<!-- latest-figures:begin -->\n<!-- latest-figures:end -->\n", "'<!-- figures:1-enrich -->' on line 5 is outside the section between lines 7 and 8")]
    [InlineData("<!-- figures:1-enrich -->\n<!-- /figures:1-enrich -->\n", "'<!-- figures:1-enrich -->' on line 5 is not inside a")]
    [InlineData("<!-- latest-figures:begin-->\n<!-- latest-figures:end -->\n", "line 5 looks like a marker but is not one: '<!-- latest-figures:begin-->'")]
    [InlineData("## Latest figures (written by the benchmarks)\n\nblocks deleted by hand\n", "line 5 has the heading '## Latest figures (written by the benchmarks)' but no")]
    [InlineData("<!-- latest-figures:begin -->\n<!-- figures:Search 100k -->\n<!-- latest-figures:end -->\n", "line 6 looks like a marker but is not one")]
    public void Write_RefusesMalformedMarkers_NamingTheProblem(string markers, string problem)
    {
        var document = Intro + markers + HandWritten;

        var error = Assert.Throws<InvalidDataException>(() => LatestFiguresSection.Write(document, "1-enrich", "figures"));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("The latest-figures section is malformed: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Search-100000")]
    [InlineData("4 search")]
    [InlineData("4--search")]
    [InlineData("")]
    public void Write_RefusesAKey_ThatCouldNotBeReadBackFromItsMarker(string key)
    {
        Assert.Throws<ArgumentException>(() => LatestFiguresSection.Write(Intro, key, "figures"));
    }
}
