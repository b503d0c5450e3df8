using Elastic.Clients.Elasticsearch;
using Elastic.Transport;

namespace Monitoring.Search.Elasticsearch;

/// <summary>Client settings from <see cref="ElasticsearchSearchOptions"/>: nodes, credentials, certificate, timeouts.</summary>
internal static class ElasticsearchConnection
{
    public static ElasticsearchClientSettings Settings(ElasticsearchSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var nodes = options.Urls.Select(url => new Uri(url, UriKind.Absolute)).ToList();
        NodePool pool = nodes.Count == 1 ? new SingleNodePool(nodes[0]) : new StaticNodePool(nodes, randomize: false);
        var settings = new ElasticsearchClientSettings(pool).RequestTimeout(options.RequestTimeout);

        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            settings = settings.Authentication(new ApiKey(options.ApiKey));
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            settings = settings.Authentication(new BasicAuthentication(options.Username, options.Password ?? string.Empty));
        }

        if (!string.IsNullOrEmpty(options.CertificateFingerprint))
        {
            settings = settings.CertificateFingerprint(options.CertificateFingerprint);
        }

        return settings;
    }
}
