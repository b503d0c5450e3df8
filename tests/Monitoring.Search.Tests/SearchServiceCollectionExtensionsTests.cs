using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitoring.Core.Search;
using Monitoring.Search.Lucene;

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
    public void AddSearch_RefusesAnEngineThatIsNotAvailable()
    {
        var services = new ServiceCollection();

        Assert.Throws<NotSupportedException>(() => services.AddSearch(Configuration(("Search:Engine", "Elasticsearch"))));
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
