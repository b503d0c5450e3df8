using System.Text.RegularExpressions;
using Monitoring.Core.Search.Names;

namespace Monitoring.Search.Tests;

/// <summary>
/// Serbian in both scripts, on real RTS headlines: Cyrillic and Latin are one, diacritics fold, and
/// the common case endings of a name meet (Kosovo, Kosova, Kosovu).
/// </summary>
public abstract partial class ArticleSearchContract
{
    private const string CyrillicSource = "RTS (Cyrillic)";
    private const string LatinSource = "RTS (Latin)";

    [Fact]
    public async Task Serbian_TheSameQuery_InEitherScript_FindsTheSameHeadlines_InEitherScript()
    {
        var (engine, urls) = await BalkanEngineAsync();
        string[][] sameQueryInForms =
        [
            ["Kosovo", "Косово", "kosovo"],
            ["Srbija", "Србија", "SRBIJA"],
            ["Vučić", "Вучић", "Vucic"],
            ["Priština", "Приштина", "Pristina"],
            ["Đurić", "Ђурић", "Djuric"],
            ["\"Kosova i Metohije\"", "\"Косова и Метохије\"", "\"kosova i metohije\""],
            ["Kurti AND Srbi*", "Курти AND Срби*", "kurti AND srbi*"],
        ];

        foreach (var forms in sameQueryInForms)
        {
            var found = new List<(HashSet<string> Cyrillic, HashSet<string> Latin)>();
            foreach (var text in forms)
            {
                var hits = await ToListAsync(engine.Search.ExportAsync(new ArticleQuery { Text = text }, Cancel));
                found.Add((
                    hits.Where(hit => hit.Article.Source == CyrillicSource).Select(hit => urls[hit.Id]).ToHashSet(),
                    hits.Where(hit => hit.Article.Source == LatinSource).Select(hit => urls[hit.Id]).ToHashSet()));
            }

            var (cyrillic, latin) = found[0];
            Assert.True(cyrillic.Count > 0, $"{forms[0]} finds Cyrillic headlines");
            Assert.True(cyrillic.SetEquals(latin), $"{forms[0]}: {cyrillic.Count} Cyrillic vs {latin.Count} Latin headlines");
            Assert.All(found, other =>
            {
                Assert.True(other.Cyrillic.SetEquals(cyrillic), $"{string.Join(" / ", forms)} find different Cyrillic headlines");
                Assert.True(other.Latin.SetEquals(latin), $"{string.Join(" / ", forms)} find different Latin headlines");
            });
        }
    }

    [Fact]
    public async Task Serbian_Kosovo_FindsItsCaseForms_AndNothingElse()
    {
        var (engine, _) = await BalkanEngineAsync();
        var latin = BalkanHeadlines.Read("rts_latin.csv");
        var caseForms = new Regex(@"\bKosov(o|a|u|om)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var anyKosovWord = new Regex(@"\bKosov\w*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        var found = (await ToListAsync(engine.Search.ExportAsync(new ArticleQuery { Text = "Kosovo", Sources = [LatinSource] }, Cancel)))
            .Select(article => article.Article.Title)
            .ToHashSet(StringComparer.Ordinal);

        var withCaseForms = latin.Values.Where(headline => caseForms.IsMatch(headline)).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(withCaseForms, headline => Regex.IsMatch(headline, @"\bKosova\b"));
        Assert.Contains(withCaseForms, headline => Regex.IsMatch(headline, @"\bKosovu\b"));
        Assert.Empty(withCaseForms.Except(found));
        Assert.All(found, headline => Assert.Matches(anyKosovWord, headline));
    }

    [Fact]
    public async Task Serbian_CaseEndings_LeaveShortEnglishWordsApart()
    {
        var engine = await CreateEmptyEngineAsync();
        await engine.Index.IndexAsync(
        [
            Headline("Plane lands in Belgrade"),
            Headline("Government plan for the north"),
            Headline("Election date announced"),
            Headline("Turnout data published"),
        ],
            Cancel);

        Assert.Equal(1, await TotalAsync(engine, new ArticleQuery { Text = "plan" }));
        Assert.Equal(1, await TotalAsync(engine, new ArticleQuery { Text = "planes" }));
        Assert.Equal(1, await TotalAsync(engine, new ArticleQuery { Text = "dates" }));
        Assert.Equal(1, await TotalAsync(engine, new ArticleQuery { Text = "data" }));
    }

    private async Task<(SearchEngineUnderTest Engine, Dictionary<ArticleId, string> Urls)> BalkanEngineAsync(IReadOnlyList<NameGroup>? names = null)
    {
        BalkanHeadlines.SkipUnlessPresent();
        var articles = BalkanHeadlines.Read("rts.csv").Select(pair => BalkanHeadlines.ToArticle(pair.Key, pair.Value, CyrillicSource))
            .Concat(BalkanHeadlines.Read("rts_latin.csv").Select(pair => BalkanHeadlines.ToArticle(pair.Key, pair.Value, LatinSource)))
            .ToList();
        var engine = await CreateEmptyEngineAsync(names);
        await engine.Index.IndexAsync(articles, Cancel);
        return (engine, articles.ToDictionary(article => article.Id, article => article.Article.Url!.ToString()));
    }
}
