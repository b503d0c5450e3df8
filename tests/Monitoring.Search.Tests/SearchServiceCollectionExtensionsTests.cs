using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitoring.Core.Alerts;
using Monitoring.Core.Search;
using Monitoring.Core.Search.Names;
using Monitoring.Search.Elasticsearch;
using Monitoring.Search.Elasticsearch.Percolation;
using Monitoring.Search.Lucene;
using Monitoring.Search.Lucene.Percolation;

namespace Monitoring.Search.Tests;

public sealed class SearchServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSearch_RegistersOneLuceneSingleton_ForIndexAndSearch()
    {
        var services = new ServiceCollection();

        services.AddSearch(Configuration(("Search:Engine", "Lucene")));

        Assert.Contains(services, d => d.ServiceType == typeof(LuceneArticleIndex) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Contains(services, d => d.ServiceType == typeof(IArticleIndex) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Contains(services, d => d.ServiceType == typeof(IArticleSearch) && d.Lifetime == ServiceLifetime.Singleton);
    }

    [Fact]
    public void AddSearch_RegistersOneElasticsearchSingleton_ForIndexAndSearch()
    {
        var services = new ServiceCollection();

        services.AddSearch(Configuration(("Search:Engine", "Elasticsearch"), ("Search:Elasticsearch:Urls:0", "http://es1:9200")));

        Assert.Contains(services, d => d.ServiceType == typeof(ElasticsearchArticleIndex) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Contains(services, d => d.ServiceType == typeof(IArticleIndex) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Contains(services, d => d.ServiceType == typeof(IArticleSearch) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(LuceneArticleIndex));
    }

    [Fact]
    public void AddSearch_GivesEachEngineItsOwnAlertPercolator_AsASingleton()
    {
        var lucene = new ServiceCollection().AddSearch(Configuration(("Search:Engine", "Lucene")));
        var elastic = new ServiceCollection().AddSearch(Configuration(("Search:Engine", "Elasticsearch"), ("Search:Elasticsearch:Urls:0", "http://es1:9200")));

        Assert.Equal(ServiceLifetime.Singleton, Assert.Single(lucene, d => d.ServiceType == typeof(IAlertPercolator)).Lifetime);
        using (var provider = lucene.BuildServiceProvider())
        {
            var percolator = Assert.IsType<LuceneAlertPercolator>(provider.GetRequiredService<IAlertPercolator>());
            Assert.Same(percolator, provider.GetRequiredService<IAlertPercolator>());
        }

        Assert.Equal(ServiceLifetime.Singleton, Assert.Single(elastic, d => d.ServiceType == typeof(IAlertPercolator)).Lifetime);
        Assert.Equal(ServiceLifetime.Singleton, Assert.Single(elastic, d => d.ServiceType == typeof(ElasticsearchAlertPercolator)).Lifetime);
        Assert.DoesNotContain(elastic, d => d.ImplementationType == typeof(LuceneAlertPercolator));
    }

    [Fact]
    public async Task TheNamesTheHostRegisters_AreTheOnesTheEngineExpandsWith()
    {
        var services = new ServiceCollection().AddSearch(Configuration(("Search:Engine", "Lucene")));
        services.AddSingleton(new SearchNames([new NameGroup(NameGroupKind.Place, "RS", ["Belgrade", "Beograd"])]));
        using var provider = services.BuildServiceProvider();
        var percolator = provider.GetRequiredService<IAlertPercolator>();
        var cancel = TestContext.Current.CancellationToken;

        await percolator.RegisterAsync("beograd", new ArticleQuery { Text = "Beograd" }, cancel);
        var matches = await percolator.PercolateAsync([DemoCorpus.Headline("Protesters march through Belgrade", "Test")], cancel);

        Assert.Equal("beograd", Assert.Single(matches).AlertId);
    }

    [Theory]
    [InlineData("articles")]
    [InlineData("articles-vnext")]
    public void TheAlertsAlias_MustStayOutOfTheArticlesTemplatesPattern(string alertsAlias)
    {
        var options = new ElasticsearchSearchOptions { AlertsAlias = alertsAlias };

        var failures = Validate(new SearchOptions { Engine = SearchEngine.Elasticsearch, Elasticsearch = options });

        Assert.Contains(failures, failure => failure.Contains("AlertsAlias must differ from Alias and not start with 'articles-v'", StringComparison.Ordinal));
        options.AlertsAlias = "articles-alerts";
        Assert.Empty(Validate(new SearchOptions { Engine = SearchEngine.Elasticsearch, Elasticsearch = options }));
    }

    [Fact]
    public void ElasticsearchOptions_AreCheckedOnlyWhenItIsTheEngine()
    {
        var bad = new ElasticsearchSearchOptions { Urls = ["localhost:9200"], Username = "elastic", Alias = "Articles" };

        var failures = Validate(new SearchOptions { Engine = SearchEngine.Elasticsearch, Elasticsearch = bad });

        Assert.Contains(failures, failure => failure.Contains("Alias", StringComparison.Ordinal));
        Assert.Empty(Validate(new SearchOptions { Engine = SearchEngine.Lucene, Elasticsearch = bad }));
        bad.Alias = "articles";
        failures = Validate(new SearchOptions { Engine = SearchEngine.Elasticsearch, Elasticsearch = bad });
        Assert.Contains(failures, failure => failure.Contains("not an http(s) URL", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.Contains("Username and Password go together", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_DefaultToLuceneInDataIndex()
    {
        var options = new SearchOptions();

        Assert.Equal(SearchEngine.Lucene, options.Engine);
        Assert.Equal("data/index", options.Lucene.IndexPath);
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void Options_WithoutAnIndexPath_AreInvalid()
    {
        var options = new SearchOptions { Lucene = new LuceneSearchOptions { IndexPath = " " } };

        var failures = Validate(options);

        Assert.Contains(failures, failure => failure.Contains("IndexPath", StringComparison.Ordinal));
    }

    private static List<string> Validate(SearchOptions options)
    {
        var result = new DataAnnotationValidateOptions<SearchOptions>(Options.DefaultName).Validate(Options.DefaultName, options);
        return result.Failed ? [.. result.Failures] : [];
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)))
            .Build();
}
