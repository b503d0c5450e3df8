using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitoring.Core.Alerts;
using Monitoring.Core.Search;
using Monitoring.Core.Search.Names;
using Monitoring.Search.Elasticsearch;
using Monitoring.Search.Elasticsearch.Percolation;
using Monitoring.Search.Lucene;
using Monitoring.Search.Lucene.Percolation;

namespace Monitoring.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine chosen by "Search:Engine" as a singleton behind <see cref="IArticleIndex"/> and
    /// <see cref="IArticleSearch"/> (one instance serves both), and the same engine's <see cref="IAlertPercolator"/>
    /// as a singleton, with <see cref="SearchOptions"/> validated at start. Both expand typed names with the
    /// <see cref="SearchNames"/> the host registers, if any.
    /// </summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(SearchOptions.SectionName);
        services.AddOptions<SearchOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The engine decides which types get registered, so it is read now rather than at resolve time.
        var engine = section.GetValue(nameof(SearchOptions.Engine), SearchEngine.Lucene);
        switch (engine)
        {
            case SearchEngine.Lucene:
                services.AddSingleton(provider => new LuceneArticleIndex(ResolveIndexPath(provider), NamesOf(provider)));
                services.AddSingleton<IArticleIndex>(provider => provider.GetRequiredService<LuceneArticleIndex>());
                services.AddSingleton<IArticleSearch>(provider => provider.GetRequiredService<LuceneArticleIndex>());
                services.AddSingleton<IAlertPercolator>(provider => new LuceneAlertPercolator(NamesOf(provider)));
                break;
            case SearchEngine.Elasticsearch:
                services.AddSingleton(provider =>
                    new ElasticsearchArticleIndex(provider.GetRequiredService<IOptions<SearchOptions>>().Value.Elasticsearch, NamesOf(provider)));
                services.AddSingleton<IArticleIndex>(provider => provider.GetRequiredService<ElasticsearchArticleIndex>());
                services.AddSingleton<IArticleSearch>(provider => provider.GetRequiredService<ElasticsearchArticleIndex>());
                services.AddSingleton(provider =>
                    new ElasticsearchAlertPercolator(provider.GetRequiredService<IOptions<SearchOptions>>().Value.Elasticsearch, NamesOf(provider)));
                services.AddSingleton<IAlertPercolator>(provider => provider.GetRequiredService<ElasticsearchAlertPercolator>());
                break;
            default:
                throw new NotSupportedException($"Search engine '{engine}' is not available yet; use '{SearchEngine.Lucene}'.");
        }

        return services;
    }

    // The host registers the names typed places, countries and people are also searched by; without them a
    // search finds only what was typed.
    private static IReadOnlyList<NameGroup>? NamesOf(IServiceProvider provider) => provider.GetService<SearchNames>()?.Groups;

    private static string ResolveIndexPath(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<SearchOptions>>().Value;
        var root = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(options.Lucene.IndexPath, root);
    }
}
