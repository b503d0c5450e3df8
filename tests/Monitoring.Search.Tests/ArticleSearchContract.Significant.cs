namespace Monitoring.Search.Tests;

/// <summary>
/// Significant terms ("what stands out"). People and countries are counted over every match, so both engines give
/// exactly the figures the corpus gives; words come from a sample of the best-ranked matches, the same in both
/// engines (on one shard) when a search matches no more than the sample holds, which these tests keep to.
/// </summary>
public abstract partial class ArticleSearchContract
{
    private static readonly string[] GazivodaHeadlines =
    [
        "Kosovo and Serbia argue over the Gazivoda lake again in 2024",
        "Gazivoda dam water shared, Kosovo says in 2024",
        "Serbs near Gazivoda fear for the Kosovo reservoir in 2024",
        "Kosovo police patrol the Gazivoda shore",
        "Kosovo budget passes after a long night",
    ];

    [Fact]
    public async Task SignificantPeopleAndCountries_AreThoseFarMoreFrequentInTheMatches_AsTheCorpusCountsThem()
    {
        var engine = await CorpusEngineAsync();
        var matching = Corpus.Where(article => DemoCorpus.Mentions(article, "Srebrenica")).ToList();

        var found = await engine.Search.GetSignificantTermsAsync(new SignificantTermsQuery(new ArticleQuery { Text = "Srebrenica" }, Take: 5), Cancel);

        Assert.Equal(matching.Count, found.Matches);
        Assert.Equal(Corpus.Count, found.Indexed);
        Assert.Equal(
            ExpectedSignificant(DemoCorpus.People, matching, (article, name) => DemoCorpus.HasPerson(article, name), 5),
            found.People.Select(term => (term.Value, term.MatchCount, term.IndexCount)));
        Assert.Equal(
            ExpectedSignificant(DemoCorpus.CountryNames.Values, matching, DemoCorpus.HasCountry, 5),
            found.Countries.Select(term => (term.Value, term.MatchCount, term.IndexCount)));
        Assert.NotEmpty(found.People);
        Assert.True(found.People.Zip(found.People.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score), "Best first.");
    }

    [Fact]
    public async Task SignificantWords_FromTheMatches_NameWhatTheyShare_AsItIsWritten_LeavingTheSearchedWordsAndFiguresOut()
    {
        var engine = await CorpusEngineAsync();
        await engine.Index.IndexAsync([.. GazivodaHeadlines.Select(text => Headline(text))], Cancel);

        var found = await engine.Search.GetSignificantTermsAsync(new SignificantTermsQuery(new ArticleQuery { Text = "Kosovo", Sources = ["Test"] }), Cancel);

        Assert.Equal(5, found.Matches);
        Assert.Equal(5, found.Sampled);
        var gazivoda = found.Words[0];
        Assert.Equal(("Gazivoda", 4, 4), (gazivoda.Label, gazivoda.MatchCount, gazivoda.IndexCount));
        Assert.DoesNotContain(found.Words, word => word.Label.Equals("Kosovo", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(found.Words, word => word.Value == "2024");
        Assert.All(found.Words, word => Assert.True(word.MatchCount >= SignificantTermsQuery.MinimumMatches, $"{word.Label} is in {word.MatchCount} matches."));
    }

    [Fact]
    public async Task AStoryCopiedWordForWord_CountsOnce_InTheWordsSample()
    {
        var engine = await CorpusEngineAsync();
        string[] copied = ["Ibar bridge reopens in Mitrovica", "Ibar bridge reopens in Mitrovica", "Ibar bridge reopens in Mitrovica"];
        await engine.Index.IndexAsync([.. copied.Select((text, i) => Headline(text, source: $"Outlet {i}"))], Cancel);

        var found = await engine.Search.GetSignificantTermsAsync(new SignificantTermsQuery(new ArticleQuery { Text = "Mitrovica", Sources = ["Outlet 0", "Outlet 1", "Outlet 2"] }), Cancel);

        Assert.Equal(3, found.Matches);
        Assert.Empty(found.Words);
    }

    [Fact]
    public async Task SignificantTerms_LeaveOutTheValuesTheSearchFiltersOn()
    {
        var engine = await CorpusEngineAsync();

        var found = await engine.Search.GetSignificantTermsAsync(
            new SignificantTermsQuery(new ArticleQuery { People = ["Ratko Mladić"], Countries = ["BA"] }), Cancel);

        Assert.True(found.Matches > 0);
        Assert.DoesNotContain(found.People, person => person.Value == "Ratko Mladić");
        Assert.DoesNotContain(found.Countries, country => country.Value == "BA");
    }

    [Fact]
    public async Task SignificantWords_OfABroadSearch_ComeFromASampleOfItsBestMatches()
    {
        var engine = await CorpusEngineAsync();
        var kosovo = Corpus.Count(article => DemoCorpus.Mentions(article, "Kosovo"));

        var found = await engine.Search.GetSignificantTermsAsync(new SignificantTermsQuery(new ArticleQuery { Text = "Kosovo" }), Cancel);

        Assert.True(kosovo > SignificantTermsQuery.SampleSize, "The search matches more than a sample.");
        Assert.Equal(kosovo, found.Matches);
        Assert.Equal(SignificantTermsQuery.SampleSize, found.Sampled);
        Assert.NotEmpty(found.Words);
        Assert.All(found.Words, word => Assert.InRange(word.MatchCount, SignificantTermsQuery.MinimumMatches, SignificantTermsQuery.SampleSize));
    }

    [Fact]
    public async Task NothingStandsOut_InASearchForEverything_OrForNothing()
    {
        var engine = await CorpusEngineAsync();

        var everything = await engine.Search.GetSignificantTermsAsync(new SignificantTermsQuery(new ArticleQuery()), Cancel);
        var nothing = await engine.Search.GetSignificantTermsAsync(new SignificantTermsQuery(new ArticleQuery { Text = "zzyzxqq" }), Cancel);

        Assert.Equal(Corpus.Count, everything.Matches);
        Assert.Empty(everything.People);
        Assert.Empty(everything.Countries);
        Assert.Equal(0, nothing.Matches);
        Assert.True(nothing.IsEmpty);
    }

    /// <summary>
    /// The significant values as the corpus counts them: JLH of each value's share of the matches against its share
    /// of the corpus, in at least three matches, best first, ties by value.
    /// </summary>
    private static List<(string Value, long MatchCount, long IndexCount)> ExpectedSignificant(
        IEnumerable<string> values, IReadOnlyList<EnrichedArticle> matching, Func<EnrichedArticle, string, bool> has, int take) =>
        [.. values.Distinct()
            .Select(value => (Value: value, InMatches: matching.Count(article => has(article, value)), InCorpus: Corpus.Count(article => has(article, value))))
            .Where(value => value.InMatches >= 3)
            .Select(value =>
            {
                var foreground = (double)value.InMatches / matching.Count;
                var background = (double)value.InCorpus / Corpus.Count;
                return (value.Value, value.InMatches, value.InCorpus, Score: foreground > background ? (foreground - background) * foreground / background : 0);
            })
            .Where(value => value.Score > 0)
            .OrderByDescending(value => value.Score)
            .ThenBy(value => value.Value, StringComparer.Ordinal)
            .Take(take)
            .Select(value => (value.Value, (long)value.InMatches, (long)value.InCorpus))];
}
