using Monitoring.Core.Search;

namespace Monitoring.Core.Enrichment.Tension;

/// <summary>One week of <see cref="WeeklyTensionSeries"/>.</summary>
/// <param name="Start">The Monday the week starts on.</param>
/// <param name="Articles">Every article dated in the week.</param>
/// <param name="CountryArticles">Those tagged with the country (any tag, inferred ones included: the trends' "mentioned" sense).</param>
/// <param name="TenseCountryArticles">Those of the country's articles that are tense.</param>
/// <param name="TensionIndex">The country's tension index (<see cref="Tension.TensionIndex"/>): null when it has no article that week.</param>
/// <param name="ProtestArticles">Articles of the week with the protests topic or the protests-and-unrest tension category.</param>
public sealed record TensionSeriesWeek(
    DateOnly Start,
    long Articles,
    long CountryArticles,
    long TenseCountryArticles,
    double? TensionIndex,
    long ProtestArticles)
{
    /// <summary>Protest articles / all articles of the week; null for a week without articles.</summary>
    public double? ProtestShare => Articles == 0 ? null : (double)ProtestArticles / Articles;
}

/// <summary>
/// A country's weekly tension index and the weekly share of protest coverage, over articles enriched outside the
/// search engine (a CSV of headlines): the same buckets the engines make (weeks from Monday, without gaps) and the
/// same index (<see cref="Tension.TensionIndex.Compute"/>), so a series drawn from a file reads as the trends page
/// would draw it.
/// </summary>
public static class WeeklyTensionSeries
{
    /// <summary>The topic of <c>topics.json</c> that marks protest coverage.</summary>
    public const string ProtestTopic = "protests";

    /// <summary>The tension category of <c>tension.json</c> that marks protests and unrest (clashes, blockades, tear gas).</summary>
    public const string UnrestCategory = "protests-unrest";

    /// <summary>True when the article has the protests topic or a counted hit of the protests-and-unrest category.</summary>
    public static bool IsProtest(ArticleTags tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return tags.Topics.Any(topic => topic.Id == ProtestTopic) || tags.Tension.Categories.Any(category => category.Id == UnrestCategory);
    }

    /// <param name="articles">The date each article is charted on (its local publication date) and its tags.</param>
    /// <param name="country">ISO 3166-1 alpha-2 of the country whose index is computed.</param>
    /// <param name="baseFrom">First day of the index's base period; null = from the first week.</param>
    /// <param name="baseTo">Last day of the base period; null = to the last week.</param>
    /// <returns>Every week from the first article's to the last article's, empty weeks included; empty for no articles.</returns>
    public static IReadOnlyList<TensionSeriesWeek> Compute(
        IEnumerable<(DateOnly Date, ArticleTags Tags)> articles,
        string country,
        DateOnly? baseFrom = null,
        DateOnly? baseTo = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentException.ThrowIfNullOrWhiteSpace(country);
        var byWeek = articles
            .GroupBy(article => DateInterval.Week.BucketStart(article.Date))
            .ToDictionary(group => group.Key, group => group.Select(article => article.Tags).ToList());
        if (byWeek.Count == 0)
        {
            return [];
        }

        var weeks = new List<DateOnly>();
        for (var week = byWeek.Keys.Min(); week <= byWeek.Keys.Max(); week = DateInterval.Week.NextBucket(week))
        {
            weeks.Add(week);
        }

        var counts = weeks.Select(week =>
        {
            var tags = byWeek.GetValueOrDefault(week) ?? [];
            var ofCountry = tags.Where(tag => tag.Countries.Any(tagged => string.Equals(tagged.Code, country, StringComparison.OrdinalIgnoreCase))).ToList();
            return (Week: week, All: tags.Count, Country: ofCountry.Count, Tense: ofCountry.Count(tag => tag.Tension.IsTense), Protests: tags.Count(IsProtest));
        }).ToList();
        var index = TensionIndex.Compute(
            [.. counts.Select(count => new DateBucket(count.Week, count.Country, null) { TenseCount = count.Tense })],
            baseFrom,
            baseTo);
        return
        [
            .. counts.Select((count, i) => new TensionSeriesWeek(count.Week, count.All, count.Country, count.Tense, index[i].Index, count.Protests)),
        ];
    }
}
