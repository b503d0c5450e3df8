using Monitoring.Core.Articles;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Articles;

public sealed class PlainTextArticleParserTests
{
    private static ParsedText ParseExample() => PlainTextArticleParser.Parse(File.ReadAllText(RepositoryPaths.ExampleArticle));

    [Fact]
    public void Title_IsTheHeadline_NotThePageChrome()
    {
        Assert.Equal("Russian Defense Minister Visits Serbia Amid Heightened Tensions In Balkans", ParseExample().Title);
    }

    [Fact]
    public void FirstParagraph_IsTheLead_WithCurlyQuotesPreserved()
    {
        Assert.Equal(
            "Serbian-Russian military cooperation is on an \u201cupward trend\u201d and both countries are committed to " +
            "\u201cfurther enhancing\u201d it, Serbia\u2019s Defense Ministry said on its website after hosting a delegation " +
            "led by Russian Defense Minister Sergei Shoigu on February 17.",
            ParseExample().Paragraphs[0]);
    }

    [Fact]
    public void LastParagraph_IsTheLastSentenceOfTheStory()
    {
        Assert.Equal(
            "It was Vulin\u2019s ninth meeting with Shoigu since the Serbian official was appointed as defense minister.",
            ParseExample().Paragraphs[^1]);
    }

    [Fact]
    public void Paragraphs_CountTheStoryParagraphsOnly()
    {
        Assert.Equal(14, ParseExample().Paragraphs.Count);
    }

    [Fact]
    public void Caption_PrintedTwice_IsDroppedEntirely()
    {
        var parsed = ParseExample();

        Assert.DoesNotContain(parsed.Paragraphs, paragraph => paragraph.Contains("(right)", StringComparison.Ordinal));
    }

    [Fact]
    public void Footer_AndPublisherBoilerplate_AreDropped()
    {
        var parsed = ParseExample();

        Assert.DoesNotContain(parsed.Paragraphs, paragraph => paragraph.Contains("16x9", StringComparison.Ordinal));
        Assert.DoesNotContain(parsed.Paragraphs, paragraph => paragraph.Contains("journalists report the news", StringComparison.Ordinal));
        Assert.DoesNotContain(parsed.Paragraphs, paragraph => paragraph.Contains("Accessibility links", StringComparison.Ordinal));
    }

    [Fact]
    public void Credit_IsKeptApartFromTheBody()
    {
        var parsed = ParseExample();

        Assert.Equal("With reporting by AP", parsed.Credit);
        Assert.DoesNotContain("With reporting by AP", parsed.Paragraphs);
    }

    [Fact]
    public void Parses_TextWithoutChromeOrCredit()
    {
        var parsed = PlainTextArticleParser.Parse("Headline here\n\nFirst paragraph.\n\nSecond paragraph.\n");

        Assert.Equal("Headline here", parsed.Title);
        Assert.Equal(["First paragraph.", "Second paragraph."], parsed.Paragraphs);
        Assert.Null(parsed.Credit);
    }

    [Fact]
    public void Keeps_AParagraphThatIsNotRepeated()
    {
        var parsed = PlainTextArticleParser.Parse("Title\n\nA photo caption printed once.\n\nThe story.\n");

        Assert.Equal(["A photo caption printed once.", "The story."], parsed.Paragraphs);
    }

    [Fact]
    public void Drops_IdenticalParagraphsInARow_SeparatedByABlankLine()
    {
        var parsed = PlainTextArticleParser.Parse("Title\n\nCaption.\n\nCaption.\n\nThe story.\n");

        Assert.Equal(["The story."], parsed.Paragraphs);
    }

    [Fact]
    public void Joins_HardWrappedLines_IntoOneParagraph()
    {
        var parsed = PlainTextArticleParser.Parse("Title\r\n\r\nOne sentence\r\nwrapped over lines.\r\n");

        Assert.Equal(["One sentence wrapped over lines."], parsed.Paragraphs);
    }

    [Theory]
    [InlineData("Reporting by Reuters")]
    [InlineData("Compiled by RFE/RL's Balkan Service")]
    [InlineData("With reporting by Reuters and AFP")]
    [InlineData("With additional reporting by AP")]
    public void Recognises_CreditLines(string credit)
    {
        var parsed = PlainTextArticleParser.Parse($"Title\n\nThe story.\n\n{credit}\n");

        Assert.Equal(credit, parsed.Credit);
        Assert.Equal(["The story."], parsed.Paragraphs);
    }

    [Fact]
    public void DoesNotMistake_ASentenceAboutReporting_ForACredit()
    {
        Assert.False(PlainTextArticleParser.IsCredit("Reporters said the talks failed."));
    }

    [Fact]
    public void Throws_WhenThereIsNoHeadline()
    {
        Assert.Throws<FormatException>(() => PlainTextArticleParser.Parse("Accessibility links\n\n\n"));
    }
}
