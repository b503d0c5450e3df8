using Lucene.Net.Index;
using Lucene.Net.Search;
using Monitoring.Search.Lucene;

namespace Monitoring.Search.Tests.Lucene;

/// <summary>
/// What the embedded engine keeps to answer "what stands out" fast: the search's own pass over the matches
/// (<see cref="RecentMatches"/>) and the whole index's counts (<see cref="BackgroundCounts"/>). Kept or not, the
/// answer must be the same, and a commit must show in it at once.
/// </summary>
public sealed class SignificantTermsFinderTests : IDisposable
{
    private const string Kurti = "Albin Kurti";

    private static readonly string[] GazivodaHeadlines =
    [
        "Kosovo and Serbia argue over the Gazivoda lake again",
        "Gazivoda dam water shared, Kosovo says",
        "Serbs near Gazivoda fear for the Kosovo reservoir",
        "Kosovo police patrol the Gazivoda shore",
        "Kosovo budget passes after a long night",
    ];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "monitoring-significant-tests", Guid.NewGuid().ToString("N"));
    private readonly List<LuceneArticleIndex> _opened = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignificantTerms_RightAfterTheSameSearch_AreThoseOfTheirOwnPassOverTheMatches()
    {
        var index = await DemoCorpusInSlicesAsync();
        ArticleQuery[] queries =
        [
            new() { Text = "Kosovo" },
            new() { Text = "Srebrenica" },
            new() { Text = "Serbia", Sort = SearchSort.Newest },
            new() { People = ["Ratko Mladić"], Countries = ["BA"] },
            new() { Countries = ["RS"], CountryMode = CountryMode.About },
            new() { Text = "Kosovo", Countries = ["XK"], CountryMode = CountryMode.About, People = ["Albin Kurti"] },
            new(),
        ];

        foreach (var query in queries)
        {
            var ownPass = await index.GetSignificantTermsAsync(new SignificantTermsQuery(query), Cancel);
            await index.SearchAsync(query with { Take = 5, Skip = 5 }, Cancel);
            var afterSearch = await index.GetSignificantTermsAsync(new SignificantTermsQuery(query), Cancel);

            Assert.Equal(Describe(ownPass), Describe(afterSearch));
        }

        var kosovo = await index.GetSignificantTermsAsync(new SignificantTermsQuery(queries[0]), Cancel);
        Assert.NotEmpty(kosovo.Words);
        Assert.NotEmpty(kosovo.People);
    }

    [Fact]
    public async Task TheBackgroundAndTheMatches_AfterACommit_CountTheNewArticles()
    {
        var index = Open("committed", SearchSlicing.Default);
        await index.IndexAsync(DemoCorpus.Articles, Cancel);
        await index.IndexAsync([.. GazivodaHeadlines.Select(text => Tagged(text, "Test"))], Cancel);
        var query = new SignificantTermsQuery(new ArticleQuery { Text = "Kosovo", Sources = ["Test"] });
        var kurtiInCorpus = DemoCorpus.Articles.Count(article => DemoCorpus.HasPerson(article, Kurti));
        var before = await index.GetSignificantTermsAsync(query, Cancel);
        await index.SearchAsync(query.Filter, Cancel);

        // One more match, and two articles that do not match but hold the word and the person.
        await index.IndexAsync(
            [
                Tagged("Kosovo opens the Gazivoda spillway", "Test"),
                Tagged("Gazivoda water levels fall", "Other"),
                Tagged("Engineers inspect Gazivoda", "Other"),
            ],
            Cancel);
        var after = await index.GetSignificantTermsAsync(query, Cancel);

        Assert.Equal((5, 4L, 4L), (before.Matches, Gazivoda(before).MatchCount, Gazivoda(before).IndexCount));
        Assert.Equal((5L, kurtiInCorpus + 5L), Person(before, Kurti));
        Assert.Equal(DemoCorpus.Articles.Count + 8, after.Indexed);
        Assert.Equal((6, 5L, 7L), (after.Matches, Gazivoda(after).MatchCount, Gazivoda(after).IndexCount));
        Assert.Equal((6L, kurtiInCorpus + 8L), Person(after, Kurti));
    }

    [Fact]
    public void TheSummaryOfASearch_IsFoundByAnEqualQueryBuiltAgain_NotByAnotherOrAnotherCountryField()
    {
        using var analyzer = ArticleAnalyzers.Create();
        var translator = new ArticleQueryTranslator(analyzer, names: null);
        Query Build(ArticleQuery query) => ArticleQueryTranslator.Build(query, translator.ParseText(query));
        var recent = new RecentMatches();
        var summary = new MatchSummary(3, ArticleFields.Country, new Dictionary<string, long>(), new Dictionary<string, long>(), []);

        recent.Remember(Build(new ArticleQuery { Text = "Kosovo police", OutletGroups = ["2"], From = new DateOnly(2024, 1, 1) }), summary);

        Assert.Same(summary, recent.Find(Build(new ArticleQuery { Text = "Kosovo police", OutletGroups = ["2"], From = new DateOnly(2024, 1, 1), Take = 5 }), ArticleFields.Country));
        Assert.Null(recent.Find(Build(new ArticleQuery { Text = "Kosovo police", OutletGroups = ["3"], From = new DateOnly(2024, 1, 1) }), ArticleFields.Country));
        Assert.Null(recent.Find(Build(new ArticleQuery { Text = "Kosovo police", OutletGroups = ["2"], From = new DateOnly(2024, 1, 1) }), ArticleFields.AboutCountry));
    }

    [Fact]
    public void RecentMatches_ForgetTheOldestSearch_BeyondTheirCapacity()
    {
        var recent = new RecentMatches();
        var queries = Enumerable.Range(0, RecentMatches.Capacity + 1)
            .Select(i => new TermQuery(new Term(ArticleFields.Source, $"outlet {i}")))
            .ToList();

        foreach (var query in queries)
        {
            recent.Remember(query, new MatchSummary(1, ArticleFields.Country, new Dictionary<string, long>(), new Dictionary<string, long>(), []));
        }

        Assert.Null(recent.Find(queries[0], ArticleFields.Country));
        Assert.NotNull(recent.Find(queries[1], ArticleFields.Country));
        Assert.NotNull(recent.Find(queries[^1], ArticleFields.Country));
    }

    public void Dispose()
    {
        foreach (var index in _opened)
        {
            index.Dispose();
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static SignificantTerm Gazivoda(SignificantTerms found) =>
        Assert.Single(found.Words, word => word.Label == "Gazivoda");

    private static (long MatchCount, long IndexCount) Person(SignificantTerms found, string name)
    {
        var person = Assert.Single(found.People, person => person.Value == name);
        return (person.MatchCount, person.IndexCount);
    }

    private static EnrichedArticle Tagged(string headline, string source) =>
        DemoCorpus.Headline(headline, source) with { Tags = new ArticleTags { People = [new PersonTag(Kurti, 1)] } };

    private static object Describe(SignificantTerms found) => new
    {
        found.Matches,
        found.Sampled,
        found.Indexed,
        Words = Terms(found.Words),
        People = Terms(found.People),
        Countries = Terms(found.Countries),
    };

    private static string Terms(IEnumerable<SignificantTerm> terms) =>
        string.Join("; ", terms.Select(term => $"{term.Value} ({term.Label}) {term.MatchCount}/{term.IndexCount} {term.Score:R}"));

    /// <summary>The demo corpus in three slices, 50 articles a commit: a search and its sample span several segments.</summary>
    private async Task<LuceneArticleIndex> DemoCorpusInSlicesAsync()
    {
        var index = Open("sliced", new SearchSlicing(MinDocuments: 0, Slices: 3));
        foreach (var batch in DemoCorpus.Articles.Chunk(50))
        {
            await index.IndexAsync(batch, Cancel);
        }

        return index;
    }

    private LuceneArticleIndex Open(string name, SearchSlicing slicing)
    {
        var index = new LuceneArticleIndex(Path.Combine(_root, name), slicing);
        _opened.Add(index);
        return index;
    }
}
