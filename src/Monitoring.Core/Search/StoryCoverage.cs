using Monitoring.Core.Enrichment;

namespace Monitoring.Core.Search;

/// <summary>
/// Who carried one story (a cluster of near-duplicate copies): each outlet once, with its first report, so the
/// same event can be read as each side told it — when it reported, its headline, how tense it was, which countries
/// it named. Outlets are in the order they first reported.
/// </summary>
public sealed record StoryCoverage(IReadOnlyList<OutletReport> Outlets)
{
    /// <summary>The coverage of the <paramref name="articles"/> of one story, in any order.</summary>
    public static StoryCoverage Of(IEnumerable<EnrichedArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var byOutlet = articles
            .GroupBy(article => article.Article.Source, StringComparer.OrdinalIgnoreCase)
            .Select(outlet => outlet.OrderBy(article => article.Article.EffectiveDate).ThenBy(article => article.Id.Value, StringComparer.Ordinal).ToList())
            .OrderBy(reports => reports[0].Article.EffectiveDate)
            .ThenBy(reports => reports[0].Article.Source, StringComparer.OrdinalIgnoreCase)
            .ToList();

        // A country every outlet named is common ground; one named by only some is where the tellings differ.
        var namedByAll = byOutlet.Count == 0
            ? []
            : byOutlet.Select(reports => NamedCodes(reports[0])).Aggregate((common, next) => [.. common.Intersect(next, StringComparer.Ordinal)]);

        return new StoryCoverage([.. byOutlet.Select(reports => new OutletReport(
            reports[0],
            reports.Count,
            [.. reports[0].Tags.Countries
                .Where(country => !country.IsInferred)
                .OrderByDescending(country => country.IsAbout)
                .ThenByDescending(country => country.Mentions)
                .Select(country => new NamedCountry(country.Code, country.Name, country.IsAbout, namedByAll.Contains(country.Code)))]))]);
    }

    /// <summary>When the first outlet reported it; null when nobody did.</summary>
    public DateTimeOffset? FirstReported => Outlets.Count == 0 ? null : Outlets[0].FirstReported;

    /// <summary>When the last outlet to take it up first reported it.</summary>
    public DateTimeOffset? LastOutletJoined => Outlets.Count == 0 ? null : Outlets[^1].FirstReported;

    private static HashSet<string> NamedCodes(EnrichedArticle article) =>
        [.. article.Tags.Countries.Where(country => !country.IsInferred).Select(country => country.Code)];
}

/// <summary>One outlet's part in a story: its first report and how many copies it carried.</summary>
/// <param name="First">The outlet's earliest article of the story.</param>
/// <param name="Copies">How many articles of the story the outlet carried (updates and re-publications included).</param>
/// <param name="CountriesNamed">The countries the first report names in its text (not inferred from the outlet), those it is about first.</param>
public sealed record OutletReport(EnrichedArticle First, int Copies, IReadOnlyList<NamedCountry> CountriesNamed)
{
    public string Outlet => First.Article.Source;

    public string? OutletCountry => First.Article.SourceCountry;

    public DateTimeOffset FirstReported => First.Article.EffectiveDate;

    public string Headline => First.Article.Title;

    public double Tension => First.Tags.Tension.Value;
}

/// <param name="IsAbout">The report is about the country, not merely naming it.</param>
/// <param name="NamedByEveryOutlet">Every outlet that carried the story named it; false marks where the tellings differ.</param>
public sealed record NamedCountry(string Code, string Name, bool IsAbout, bool NamedByEveryOutlet);
