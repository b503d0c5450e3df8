using System.Text.Json.Nodes;

namespace Monitoring.Search.Tests.Elasticsearch.Percolation;

/// <summary>
/// Answers of the alerts index in Elasticsearch's real shape: the percolate responses of Elastic's docs
/// (../shared/data/elasticsearch/es-docs) with our alert ids, slots and sort values, and the document
/// API's answers as its reference spells them.
/// </summary>
internal static class PercolatorExamples
{
    public const string AlertsSearch = "/alerts/_search";

    /// <summary>The index API's answer to storing a document (201 created, or 200 when it replaced one).</summary>
    public static string Stored(string alertId) => $$"""
        { "_shards": { "total": 2, "failed": 0, "successful": 1 }, "_index": "alerts-v2", "_id": "{{alertId}}",
          "_version": 1, "_seq_no": 0, "_primary_term": 1, "result": "created", "forced_refresh": true }
        """;

    /// <summary>The delete API's answer: "deleted" (200), or "not_found" (404, no error) for an unknown id.</summary>
    public static string Deleted(string alertId, bool found) => $$"""
        { "_shards": { "total": 2, "failed": 0, "successful": 1 }, "_index": "alerts-v2", "_id": "{{alertId}}",
          "_version": 2, "_seq_no": 1, "_primary_term": 1, "result": "{{(found ? "deleted" : "not_found")}}", "forced_refresh": true }
        """;

    /// <summary>The answer to creating the percolator index.</summary>
    public const string Created = """{ "acknowledged": true, "shards_acknowledged": true, "index": "alerts-v2" }""";

    /// <summary>
    /// A page of stored alerts as a search sorted by alert id answers it: the docs' percolate response,
    /// its hit repeated per alert with our _id and sort value, without _source and highlight (not asked
    /// for), with the document slots when given (a percolation) and without fields otherwise (a listing).
    /// </summary>
    public static JsonNode Page(IEnumerable<(string AlertId, int[]? Slots)> alerts)
    {
        var response = ElasticExamples.Load("es-docs/percolate_search_response_with_highlight.json");
        var template = response["hits"]!["hits"]![0]!;
        var hits = new JsonArray();
        foreach (var (alertId, slots) in alerts)
        {
            var hit = template.DeepClone().AsObject();
            hit.Remove("_source");
            hit.Remove("highlight");
            hit["_index"] = "alerts-v2";
            hit["_id"] = alertId;
            hit["_score"] = null;
            hit["sort"] = new JsonArray(alertId);
            if (slots is null)
            {
                hit.Remove("fields");
            }
            else
            {
                hit["fields"]!["_percolator_document_slot"] = new JsonArray([.. slots.Select(slot => (JsonNode)slot)]);
            }

            hits.Add(hit);
        }

        response["hits"]!["hits"] = hits;
        response["hits"]!["max_score"] = null;
        response["hits"]!.AsObject().Remove("total");
        return response;
    }

    /// <summary>Alert ids that sort as numbers do: "alert-0000", "alert-0001", …</summary>
    public static string AlertId(int number) => $"alert-{number:D4}";
}
