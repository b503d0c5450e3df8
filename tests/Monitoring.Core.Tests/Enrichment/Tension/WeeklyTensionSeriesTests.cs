using Monitoring.Core.Enrichment;
using Monitoring.Core.Enrichment.Tension;

namespace Monitoring.Core.Tests.Enrichment.Tension;

/// <summary>Synthetic tags on chosen dates: the weeks, counts, shares and index are worked out by hand.</summary>
public sealed class WeeklyTensionSeriesTests
{
    private static readonly DateOnly Monday = new(2025, 3, 10);

    [Fact]
    public void ArticlesFallIntoWeeksFromMonday_AndAWeekWithoutArticles_IsKeptEmpty()
    {
        // Sunday 16 March closes the first week; Monday 17 opens the second; the week of 24 March is empty.
        var weeks = WeeklyTensionSeries.Compute(
            [(new DateOnly(2025, 3, 16), Tags("RS")), (new DateOnly(2025, 3, 17), Tags("RS")), (new DateOnly(2025, 4, 2), Tags("RS"))],
            "RS");

        Assert.Equal([Monday, Monday.AddDays(7), Monday.AddDays(14), Monday.AddDays(21)], weeks.Select(week => week.Start));
        Assert.Equal([1L, 1, 0, 1], weeks.Select(week => week.Articles));
        Assert.Null(weeks[2].TensionIndex);
        Assert.Null(weeks[2].ProtestShare);
    }

    [Fact]
    public void TheIndex_IsTheCountrysTenseShare_AgainstItsAverageWeek_AndOtherCountriesDoNotCount()
    {
        // Week 1: Serbia 1 tense of 4 (0.25), plus a tense Croatian article that must not count.
        // Week 2: Serbia 3 tense of 4 (0.75). The average share is 0.5: indexes 50 and 150.
        List<(DateOnly, ArticleTags)> articles =
        [
            (Monday, Tags("RS", tense: true)), (Monday, Tags("RS")), (Monday, Tags("RS")), (Monday, Tags("RS")),
            (Monday, Tags("HR", tense: true)),
            (Monday.AddDays(7), Tags("RS", tense: true)), (Monday.AddDays(8), Tags("RS", tense: true)),
            (Monday.AddDays(9), Tags("RS", tense: true)), (Monday.AddDays(13), Tags("RS")),
        ];

        var weeks = WeeklyTensionSeries.Compute(articles, "RS");

        Assert.Equal([(5L, 4L, 1L), (4L, 4L, 3L)], weeks.Select(week => (week.Articles, week.CountryArticles, week.TenseCountryArticles)));
        Assert.Equal([50.0, 150.0], weeks.Select(week => week.TensionIndex!.Value));
    }

    [Fact]
    public void TheProtestShare_CountsTheProtestsTopic_OrTheUnrestCategory_AmongAllTheWeeksArticles()
    {
        List<(DateOnly, ArticleTags)> articles =
        [
            (Monday, Tags("RS", topic: WeeklyTensionSeries.ProtestTopic)),
            (Monday, Tags("HR", category: WeeklyTensionSeries.UnrestCategory)),
            (Monday, Tags("RS", topic: "elections", category: "violence")),
            (Monday, Tags("RS")),
        ];

        var week = Assert.Single(WeeklyTensionSeries.Compute(articles, "RS"));

        Assert.Equal(2, week.ProtestArticles);
        Assert.Equal(0.5, week.ProtestShare);
    }

    [Fact]
    public void AnInferredCountry_CountsForItsIndex_AsTheTrendsCountIt()
    {
        var inferred = new ArticleTags { Countries = [new CountryTag("RS", "Serbia", 0, ["from RTS (Serbia)"]) { IsAbout = true, IsInferred = true }] };

        var week = Assert.Single(WeeklyTensionSeries.Compute([(Monday, inferred)], "RS"));

        Assert.Equal(1, week.CountryArticles);
    }

    [Fact]
    public void NoArticles_GiveNoWeeks()
    {
        Assert.Empty(WeeklyTensionSeries.Compute([], "RS"));
    }

    private static ArticleTags Tags(string country, bool tense = false, string? topic = null, string? category = null) => new()
    {
        Countries = [new CountryTag(country, country, 1, [country])],
        Topics = topic is null ? [] : [new TopicTag(topic, topic, 1, [topic])],
        Tension = new TensionScore(tense ? 40 : 0, [])
        {
            IsTense = tense,
            Categories = category is null ? [] : [new TensionCategoryHit(category, category, TensionKind.Act, 1, 1)],
        },
    };
}
