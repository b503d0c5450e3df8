using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Enrichment.Tension;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Enrichment.Tension;

/// <summary>
/// The tension index follows the region's known crises (<c>seeds/enrichment/crises.tsv</c>): the index of the
/// country concerned stands above its base in the crisis's month (quarter where thin) on the English demo corpus
/// and, in Serbian, on the RTS headlines (../shared/data/balkans, read at test time). Counted over the crises the
/// corpus reports (read by hand into the list); the figures and every miss are in docs/tension.md.
/// </summary>
public sealed class CrisisIndexTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    private static readonly IReadOnlyList<Crisis> Crises = CrisisList.Read(Path.Combine(RepositoryPaths.Seeds, "enrichment", CrisisList.FileName));

    [Fact]
    public void TheList_HoldsAtLeast25CrisesSince2002_InEveryCountryOfTheRegion_EachWithASource()
    {
        Assert.True(Crises.Count >= 25, $"{Crises.Count} crises");
        Assert.All(Crises, crisis => Assert.True(crisis.Date >= new DateOnly(2002, 1, 1), crisis.Event));
        Assert.All(Crises, crisis => Assert.StartsWith("https://", crisis.Source, StringComparison.Ordinal));
        Assert.Superset(new HashSet<string> { "RS", "XK", "BA", "ME", "MK", "AL", "HR", "SI" }, Crises.Select(crisis => crisis.Country).ToHashSet());
    }

    [Fact]
    public void OnTheEnglishDemoCorpus_TheIndexStandsAboveItsBase_InAtLeast90PercentOfTheReportedCrises()
    {
        var articles = JsonlCorpusReader.Read(Path.Combine(RepositoryPaths.Seeds, "corpus", "wikipedia-current-events-balkans.jsonl"), DateTimeOffset.UnixEpoch);

        var results = CrisisCheck.Run(Samples(articles), Crises, crisis => crisis.DemoItem is not null);

        var reported = results.Where(result => result.IsReported).ToList();
        Assert.True(reported.Count >= 25, $"{reported.Count} reported crises");
        Assert.True(HitRate(reported) >= 0.9, Misses(reported));
    }

    [Theory]
    [InlineData("rts.csv")]
    [InlineData("rts_latin.csv")]
    public void OnTheRtsHeadlines_InSerbian_TheIndexStandsAboveItsBase_InAtLeast90PercentOfTheReportedCrises(string file)
    {
        var path = Path.Combine(RepositoryPaths.Corpora, "balkans", file);
        if (!File.Exists(path))
        {
            Assert.Skip($"The RTS headlines are not at {path} (set MONITORING_CORPORA).");
        }

        var samples = Samples(HeadlineCsvReader.Read(path, "RTS", "sr", DateTimeOffset.UnixEpoch));
        var results = CrisisCheck.Run(samples, Crises, crisis => crisis.RtsArticle is not null, samples.Min(sample => sample.Published), samples.Max(sample => sample.Published));

        // The 90 %: 9 of 10 today. The 15 months lie inside the protest wave, so Serbia's base is itself a
        // crisis level; docs/tension.md names the miss (Cetinje, January 2025).
        var reported = results.Where(result => result.IsReported).ToList();
        Assert.Equal(10, reported.Count);
        Assert.True(HitRate(reported) >= 0.9, Misses(reported));
    }

    private List<TensionSample> Samples(IEnumerable<Article> articles) =>
        articles
            .Where(article => article.Published is not null)
            .Select(article => (Article: article, Tags: fixture.Enricher.Enrich(article).Tags))
            .Select(item => new TensionSample(
                DateOnly.FromDateTime(item.Article.Published!.Value.UtcDateTime),
                item.Tags.Countries.Select(country => country.Code).ToList(),
                item.Tags.Tension.IsTense))
            .ToList();

    private static double HitRate(List<CrisisResult> results) => (double)results.Count(result => result.IsHit) / results.Count;

    private static string Misses(List<CrisisResult> results) =>
        "misses: " + string.Join("; ", results.Where(result => !result.IsHit).Select(result => $"{result.Crisis.Date:yyyy-MM-dd} {result.Crisis.Country} {result.Period} {result.TenseCount}/{result.Count} index {result.Index}"));
}
