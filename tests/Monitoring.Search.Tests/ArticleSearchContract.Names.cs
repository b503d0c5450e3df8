using System.Text.RegularExpressions;
using Monitoring.Core.Search.Names;
using Monitoring.Tests;

namespace Monitoring.Search.Tests;

/// <summary>
/// Search across the region's languages and scripts: a typed name of a place, country or person also finds
/// its other names (the shipped <c>name-groups.tsv</c> and <c>actors.tsv</c>), in every case form the
/// analysis already folds; prefixes, wildcards and phrases that are no name stay as typed.
/// </summary>
public abstract partial class ArticleSearchContract
{
    private static readonly Lazy<IReadOnlyList<NameGroup>> RepositoryNames =
        new(() => SearchNames.LoadFrom(RepositoryPaths.Seeds).Groups);

    private static readonly string[] BelgradeHeadlines =
    [
        "Protesters march through Belgrade",
        "Studenti blokirali raskrsnicu u Beogradu",
        "Студенти у Београду блокирали раскрсницу",
        "Beogradi kërkon dialog me Prishtinën",
    ];

    [Fact]
    public async Task Names_APlaceTypedInAnyLanguageOrScript_FindsItWrittenInTheOthers()
    {
        var engine = await NamesEngineAsync([.. BelgradeHeadlines, "Protesters march through Zagreb"]);

        foreach (var typed in new[] { "Beograd", "Belgrade", "Београд", "Beogradi", "Beogradu", "title:Belgrade" })
        {
            Assert.Equal(BelgradeHeadlines.Order(), (await TitlesAsync(engine, new ArticleQuery { Text = typed })).Order());
        }
    }

    [Fact]
    public async Task Names_KosovosCapital_IsOnePlace_InAlbanianSerbianAndEnglish()
    {
        string[] pristina = ["Talks resume in Pristina", "Protesta në Prishtinë", "Sastanak u Prištini", "Састанак у Приштини"];
        var engine = await NamesEngineAsync([.. pristina, "Talks resume in Skopje"]);

        foreach (var typed in new[] { "Prishtina", "Priština", "Приштина", "Pristina", "Prishtinë" })
        {
            Assert.Equal(pristina.Order(), (await TitlesAsync(engine, new ArticleQuery { Text = typed })).Order());
        }
    }

    [Fact]
    public async Task Names_APersonTypedInAnyScript_FindsTheOtherSpellings_AndAWholeNameInQuotesToo()
    {
        string[] shoigu = ["Shoigu visits Serbia", "Šojgu u poseti Srbiji", "Шојгу у посети Србији", "Сергей Шойгу прибыл в Белград"];
        var engine = await NamesEngineAsync([.. shoigu, "Lavrov visits Serbia"]);

        // A whole name in quotes is the person too, so it also finds the surname alone.
        foreach (var typed in new[] { "Šojgu", "Shoigu", "Шојгу", "Шойгу", "\"Sergei Shoigu\"", "\"Sergej Šojgu\"" })
        {
            Assert.Equal(shoigu.Order(), (await TitlesAsync(engine, new ArticleQuery { Text = typed })).Order());
        }
    }

    [Fact]
    public async Task Names_TheResult_SaysWhichOtherNamesWereSearched()
    {
        var engine = await NamesEngineAsync(BelgradeHeadlines);

        var result = await engine.Search.SearchAsync(new ArticleQuery { Text = "Beograd AND studenti" }, Cancel);

        var expansion = Assert.Single(result.NameExpansions);
        Assert.Equal("Beograd", expansion.Typed);
        Assert.Contains("Belgrade", expansion.AlsoSearching);
        Assert.DoesNotContain("Beograd", expansion.AlsoSearching);
    }

    [Fact]
    public async Task Names_TurnedOff_FindOnlyWhatWasTyped()
    {
        var engine = await NamesEngineAsync(BelgradeHeadlines);

        var result = await engine.Search.SearchAsync(new ArticleQuery { Text = "Beograd", ExpandNames = false }, Cancel);

        Assert.Empty(result.NameExpansions);
        var titles = result.Hits.Select(hit => hit.Article.Article.Title).ToList();
        Assert.Contains("Studenti blokirali raskrsnicu u Beogradu", titles);
        Assert.DoesNotContain("Protesters march through Belgrade", titles);
    }

    [Fact]
    public async Task Names_PrefixesWildcardsAndPhrasesThatAreNoName_StayAsTyped()
    {
        var engine = await NamesEngineAsync(BelgradeHeadlines);

        foreach (var typed in new[] { "Beograd*", "Beogr?du", "\"u Beogradu\"", "\"Beogradu blokirali\"~3" })
        {
            var result = await engine.Search.SearchAsync(new ArticleQuery { Text = typed }, Cancel);
            Assert.Empty(result.NameExpansions);
            Assert.DoesNotContain("Protesters march through Belgrade", result.Hits.Select(hit => hit.Article.Article.Title));
        }
    }

    [Fact]
    public async Task Names_AnAbbreviation_IsNoName_ForAnOrdinaryWordSpelledLikeIt()
    {
        var engine = await NamesEngineAsync(["United States imposes sanctions", "A sad day for the club"]);

        var result = await engine.Search.SearchAsync(new ArticleQuery { Text = "sad" }, Cancel);

        Assert.Empty(result.NameExpansions);
        Assert.Equal(["A sad day for the club"], result.Hits.Select(hit => hit.Article.Article.Title));
    }

    [Fact]
    public async Task Names_OnRealHeadlines_BelgradeFindsEveryCaseFormOfBeograd_InBothScripts()
    {
        var (engine, _) = await BalkanEngineAsync(RepositoryNames.Value);
        var caseForms = new Regex(@"\b(Beograd|Београд)(a|u|om|e)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var headlines = BalkanHeadlines.Read("rts.csv").Values.Concat(BalkanHeadlines.Read("rts_latin.csv").Values).ToList();

        var found = (await ToListAsync(engine.Search.ExportAsync(new ArticleQuery { Text = "Belgrade" }, Cancel)))
            .Select(article => article.Article.Title)
            .ToHashSet(StringComparer.Ordinal);

        var expected = headlines.Where(headline => caseForms.IsMatch(headline)).ToHashSet(StringComparer.Ordinal);
        Assert.True(expected.Count > 20, $"only {expected.Count} RTS headlines name Belgrade");
        Assert.Empty(expected.Except(found));
    }

    [Fact]
    public async Task Names_OnTheDemoCorpus_BeogradFindsEveryArticleThatNamesBelgrade()
    {
        var engine = await CreateEmptyEngineAsync(RepositoryNames.Value);
        await engine.Index.IndexAsync(Corpus, Cancel);

        var found = (await ToListAsync(engine.Search.ExportAsync(new ArticleQuery { Text = "Beograd" }, Cancel)))
            .Select(article => article.Id)
            .ToHashSet();

        // The corpus writes Belgrade, and once Belgrad ("Batajnica Air Base near Belgrad").
        var belgrade = Corpus
            .Where(article => DemoCorpus.Mentions(article, "Belgrade") || DemoCorpus.Mentions(article, "Belgrad"))
            .Select(article => article.Id)
            .ToHashSet();
        Assert.True(belgrade.Count > 50, $"only {belgrade.Count} demo articles name Belgrade");
        Assert.True(belgrade.SetEquals(found), $"Beograd found {found.Count} articles, {belgrade.Count} name Belgrade");
    }

    private async Task<SearchEngineUnderTest> NamesEngineAsync(IEnumerable<string> headlines)
    {
        var engine = await CreateEmptyEngineAsync(RepositoryNames.Value);
        await engine.Index.IndexAsync([.. headlines.Select(text => Headline(text))], Cancel);
        return engine;
    }

    private static async Task<List<string>> TitlesAsync(SearchEngineUnderTest engine, ArticleQuery query) =>
        (await ToListAsync(engine.Search.ExportAsync(query, Cancel))).Select(article => article.Article.Title).ToList();
}
