using System.Text.RegularExpressions;

namespace Monitoring.Search.Tests;

/// <summary>The analyst query syntax: fields, +/-, proximity, and errors that say where the text goes wrong.</summary>
public abstract partial class ArticleSearchContract
{
    [Fact]
    public async Task TitleField_SearchesTitlesOnly()
    {
        var engine = await CorpusEngineAsync();

        var expected = Corpus.Count(article => Regex.IsMatch(article.Article.Title, @"\bKosovo\b", RegexOptions.IgnoreCase));

        Assert.InRange(expected, 1, Corpus.Count(article => DemoCorpus.Mentions(article, "Kosovo")) - 1);
        Assert.Equal(expected, await TotalAsync(engine, new ArticleQuery { Text = "title:Kosovo" }));
        Assert.Equal(expected, await TotalAsync(engine, new ArticleQuery { Text = "Title:kosovo" }));
    }

    [Fact]
    public async Task TagFields_InTheText_MatchLikeTheFilters_WhateverTheCase()
    {
        var engine = await CorpusEngineAsync();

        var kosovo = Corpus.Count(article => DemoCorpus.HasCountry(article, "XK"));
        var kosovoElections = Corpus.Count(article => DemoCorpus.HasCountry(article, "XK") && DemoCorpus.HasTopic(article, "elections"));
        var kosovoNotSerbia = Corpus.Count(article => DemoCorpus.HasCountry(article, "XK") && !DemoCorpus.HasCountry(article, "RS"));

        Assert.Equal(kosovo, await TotalAsync(engine, new ArticleQuery { Text = "country:XK" }));
        Assert.Equal(kosovo, await TotalAsync(engine, new ArticleQuery { Text = "country:xk" }));
        Assert.Equal(kosovoElections, await TotalAsync(engine, new ArticleQuery { Text = "country:XK AND topic:Elections" }));
        Assert.Equal(kosovoNotSerbia, await TotalAsync(engine, new ArticleQuery { Text = "country:XK -country:RS" }));
        Assert.Equal(Corpus.Count, await TotalAsync(engine, new ArticleQuery { Text = "language:EN OR source:nowhere" }));
    }

    [Fact]
    public async Task PersonAndSourceFields_MatchTheTags()
    {
        var engine = await CreateEmptyEngineAsync();
        await engine.Index.IndexAsync([RichArticle(), .. Corpus.Take(50)], Cancel);

        Assert.Equal(1, await TotalAsync(engine, new ArticleQuery { Text = "person:Shoigu" }));
        Assert.Equal(1, await TotalAsync(engine, new ArticleQuery { Text = "person:\"Aleksandar Vulin\"" }));

        // The article tags Sergei Shoigu and Aleksandar Vulin: a phrase never runs from one name into the next.
        Assert.Equal(0, await TotalAsync(engine, new ArticleQuery { Text = "person:\"Shoigu Aleksandar\"" }));
        Assert.Equal(1, await TotalAsync(engine, new ArticleQuery { Text = "person:Shoigu AND person:Aleksandar" }));
        Assert.Equal(0, await TotalAsync(engine, new ArticleQuery { Text = "person:Serbia" }));
        Assert.Equal(1, await TotalAsync(engine, new ArticleQuery { Text = "source:\"rfe/rl\"" }));
    }

    [Fact]
    public async Task Proximity_FindsWordsWithinTheGivenDistance()
    {
        var engine = await CreateEmptyEngineAsync();
        await engine.Index.IndexAsync([Headline("Serbia rejects Kosovo claim over the Ibar bridge")], Cancel);

        Assert.Equal(0, await TotalAsync(engine, new ArticleQuery { Text = "\"Serbia Kosovo\"" }));
        Assert.Equal(1, await TotalAsync(engine, new ArticleQuery { Text = "\"Serbia Kosovo\"~1" }));
        Assert.Equal(0, await TotalAsync(engine, new ArticleQuery { Text = "\"Serbia claim\"~1" }));
        Assert.Equal(1, await TotalAsync(engine, new ArticleQuery { Text = "\"Serbia claim\"~2" }));
        Assert.Equal(1, await TotalAsync(engine, new ArticleQuery { Text = "(\"Serbia claim\"~2 OR Montenegro) AND bridge" }));
    }

    [Theory]
    [InlineData("Kosovo AND (Serbia", 12, "never closed")]
    [InlineData("\"Kosovo independence", 1, "quotation mark")]
    [InlineData("Kosovo ) Serbia", 8, "no opening")]
    [InlineData("*osovo", 1, "*osovo")]
    [InlineData("Kosovo OR -*bia", 12, "*bia")]
    [InlineData("weather:sunny Kosovo", 1, "weather:")]
    [InlineData("Kosovo AND OR Serbia", 12, "OR")]
    public async Task InvalidSyntax_SaysWhereTheTextGoesWrong(string text, int position, string named)
    {
        var engine = await CorpusEngineAsync();

        var error = await Assert.ThrowsAsync<InvalidQueryException>(
            () => engine.Search.SearchAsync(new ArticleQuery { Text = text }, Cancel));

        Assert.Equal(position, error.Position);
        Assert.Contains($"at character {position}", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidSyntax_AtTheEnd_NamesTheDanglingOperator()
    {
        var engine = await CorpusEngineAsync();

        var error = await Assert.ThrowsAsync<InvalidQueryException>(
            () => engine.Search.SearchAsync(new ArticleQuery { Text = "Kosovo AND" }, Cancel));

        Assert.Contains("ends with AND", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryNestedThousandsDeep_IsRefusedWithAReason_InsteadOfOverflowingTheStack()
    {
        var engine = await CorpusEngineAsync();
        var text = new string('(', 2_000) + "Kosovo" + new string(')', 2_000);

        var error = await Assert.ThrowsAsync<InvalidQueryException>(
            () => engine.Search.SearchAsync(new ArticleQuery { Text = text }, Cancel));

        Assert.Equal(33, error.Position);
        Assert.Contains("parentheses nest deeper than 32 levels", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 1_000, "the message echoes only the start of the text");
    }

    [Fact]
    public async Task AQueryNestedThirtyTwoDeep_IsStillSearched()
    {
        var engine = await CorpusEngineAsync();

        var deep = await TotalAsync(engine, new ArticleQuery { Text = new string('(', 32) + "Kosovo" + new string(')', 32) });

        Assert.Equal(await TotalAsync(engine, new ArticleQuery { Text = "Kosovo" }), deep);
        Assert.True(deep > 0);
    }

    [Fact]
    public async Task AQueryOverTenThousandCharacters_IsRefusedWithItsLength()
    {
        var engine = await CorpusEngineAsync();
        var text = string.Join(" OR ", Enumerable.Repeat("Kosovo", 2_000));

        var error = await Assert.ThrowsAsync<InvalidQueryException>(
            () => engine.Search.SearchAsync(new ArticleQuery { Text = text }, Cancel));

        Assert.Contains("it is 19,996 characters long, over the limit of 10,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryWithMoreTermsThanTheEngineTakes_IsRefusedWithAReason()
    {
        var engine = await CorpusEngineAsync();
        var text = string.Join(" OR ", Enumerable.Range(0, 1_100).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var error = await Assert.ThrowsAsync<InvalidQueryException>(
            () => engine.Search.SearchAsync(new ArticleQuery { Text = text }, Cancel));

        Assert.Contains("more than 1,024 terms at once", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A one-paragraph article with the headline as title and body, dated 2025-06-01 noon UTC.</summary>
    protected static EnrichedArticle Headline(string text, string source = "Test") => DemoCorpus.Headline(text, source);
}
