using Monitoring.Ingestion.Pages;
using Monitoring.Tests;

namespace Monitoring.Ingestion.Tests.Pages;

/// <summary>Extracts the 98 readability test pages once for all tests in this class.</summary>
public sealed class ReadabilityPagesFixture
{
    public ReadabilityPagesFixture()
    {
        Folder = Path.Combine(RepositoryPaths.Corpora, "readability", "test-pages");
        Report = Directory.Exists(Folder) ? ExtractionEvaluation.Run(Folder, new ArticlePageExtractor()) : null;
    }

    public string Folder { get; }

    public ExtractionReport? Report { get; }
}

/// <summary>
/// Floors under the figures measured with `monitoring eval extraction` (docs/quality.md): they guard against
/// regressions, not prove quality. Expected texts and metadata are the readability project's, not ours.
/// </summary>
public sealed class ReadabilityPagesTests(ReadabilityPagesFixture pages) : IClassFixture<ReadabilityPagesFixture>
{
    private ExtractionReport Report
    {
        get
        {
            if (pages.Report is null)
            {
                Assert.Skip($"the readability test pages are not in {pages.Folder} (set MONITORING_CORPORA)");
            }

            return pages.Report;
        }
    }

    [Fact]
    public void ExtractsEveryPage()
    {
        Assert.Equal(98, Report.Pages.Count);
        Assert.All(Report.Pages, page => Assert.True(page.Extracted.Succeeded, $"{page.Name}: {page.Extracted.Error}"));
    }

    [Fact]
    public void MainTextF1_ReachesTheAimOfIssue20_WithNoPageBelowOneHalf()
    {
        // Measured: mean per page 0.979, micro 0.985 (docs/quality.md); the aim is 0.97 / 0.96, no page under 0.5.
        Assert.True(Report.MeanF1 >= 0.97, $"mean text F1 {Report.MeanF1:0.000}");
        Assert.True(Report.Micro.F1 >= 0.96, $"micro text F1 {Report.Micro.F1:0.000}");
        Assert.All(Report.Pages, page => Assert.True(page.Text.F1 >= 0.5, $"{page.Name}: F1 {page.Text.F1:0.00}"));
    }

    [Fact]
    public void MetadataAccuracy_StaysAboveTheMeasuredFloor()
    {
        // Measured: title 95/95 up to a site-name part (92/95 exact), byline 48/56 normalised, language 56/56,
        // published 24/24 to the instant. The floors are the issue's aims (titles exact 0.90, bylines 0.85).
        var (headlines, titled) = Report.Accuracy(expected => expected.Title, page => page.TitleHeadline);
        var (exactTitles, _) = Report.Accuracy(expected => expected.Title, page => page.TitleExact);
        var (bylines, credited) = Report.Accuracy(expected => expected.Byline, page => page.BylineNormalised);
        var (languages, declared) = Report.Accuracy(expected => expected.Language, page => page.LanguageMatches);
        var (instants, dated) = Report.Accuracy(expected => expected.Published, page => page.PublishedSameInstant);

        Assert.True(headlines >= titled * 0.95, $"titles {headlines}/{titled}");
        Assert.True(exactTitles >= titled * 0.90, $"exact titles {exactTitles}/{titled}");
        Assert.True(bylines >= credited * 0.85, $"bylines {bylines}/{credited}");
        Assert.True(languages >= declared * 0.95, $"languages {languages}/{declared}");
        Assert.True(instants >= dated * 0.90, $"published {instants}/{dated}");
    }

    [Fact]
    public void ReadsTheNewYorkTimesStory_FromItsOpeningToItsClosingParagraph()
    {
        // Checked by hand against nytimes-1/source.html and expected.html: the headline, the story's opening and its closing paragraph
        // (expected.html, like the page, still ends with one "Continue reading the main story").
        var page = Report.Pages.Single(page => page.Name == "nytimes-1").Extracted;

        Assert.Equal("United States to Lift Sudan Sanctions", page.Title);
        Assert.Contains(page.Paragraphs, paragraph => paragraph.StartsWith("LONDON — After nearly 20 years of hostile relations", StringComparison.Ordinal));
        Assert.Contains("Mr. Reeves said he thought that the American government was being manipulated and that the Obama administration had made a “deal with the devil.”", page.Paragraphs);
    }
}
