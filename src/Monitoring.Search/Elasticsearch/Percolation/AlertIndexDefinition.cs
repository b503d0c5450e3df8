using System.Text.Json.Serialization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;
using Elastic.Clients.Elasticsearch.QueryDsl;

namespace Monitoring.Search.Elasticsearch.Percolation;

/// <summary>
/// The percolator index behind the alerts alias: the articles' settings and mappings (a stored query is
/// parsed against the fields and analysers it names, and the articles percolated are indexed with them),
/// plus the stored query and the alert id. One stored document per alert, keyed by the alert id.
/// </summary>
internal static class AlertIndexDefinition
{
    /// <summary>
    /// Bump on every change here and on every change of the articles' definition: stored queries are
    /// parsed against the mappings and analysis of the index that holds them. 1: on articles v3. 2: on articles v4
    /// (the outlet fields).
    /// </summary>
    public const int Version = 2;

    /// <summary>The <see cref="ArticleIndexDefinition.Version"/> this version carries; a test keeps the two in step.</summary>
    public const int ArticleVersion = 4;

    /// <summary>The percolator field holding an alert's query.</summary>
    public const string Query = "query";

    /// <summary>The alert id as a keyword: the sort that pages through alerts (sorting on _id is off by default).</summary>
    public const string AlertId = "alert_id";

    public static string IndexName(string alias) => $"{alias}-v{Version}";

    public static CreateIndexRequest CreateRequest(ElasticsearchSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mappings = ArticleIndexDefinition.Mappings();
        mappings.Properties!.Add(Query, new PercolatorProperty());
        mappings.Properties.Add(AlertId, new KeywordProperty());
        return new CreateIndexRequest(IndexName(options.AlertsAlias))
        {
            Settings = ArticleIndexDefinition.Settings(options),
            Mappings = mappings,
            Aliases = new Dictionary<Name, Alias> { [options.AlertsAlias] = new Alias() },
        };
    }
}

/// <summary>The stored document of one alert.</summary>
internal sealed record StoredAlertQuery(
    [property: JsonPropertyName(AlertIndexDefinition.AlertId)] string AlertId,
    [property: JsonPropertyName(AlertIndexDefinition.Query)] Query Query);
