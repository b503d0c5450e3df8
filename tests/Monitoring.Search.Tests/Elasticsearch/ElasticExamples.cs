using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Search.Elasticsearch;
using Monitoring.Tests;

namespace Monitoring.Search.Tests.Elasticsearch;

/// <summary>
/// Responses in Elasticsearch's real shape, built from the Elastic-written examples in
/// ../shared/data/elasticsearch (read at test time, never copied): the envelope, field names and nesting
/// come from the example, only the values (our documents, ids, counts) are ours.
/// </summary>
internal static class ElasticExamples
{
    public static string Folder => Path.Combine(RepositoryPaths.Corpora, "elasticsearch");

    /// <summary>An example file, or the test is skipped (CI always has the folder).</summary>
    public static JsonNode Load(string relativePath)
    {
        var path = Path.Combine(Folder, relativePath);
        if (!File.Exists(path))
        {
            Assert.Skip($"The Elastic examples are not in {Folder} (set MONITORING_CORPORA).");
        }

        return JsonNode.Parse(File.ReadAllText(path))!;
    }

    /// <summary>The _source the engine writes for an article, as the client serialises it (by its JSON names).</summary>
    public static JsonNode SourceOf(ArticleSearchDocument document) => JsonSerializer.SerializeToNode(document)!;

    /// <summary>
    /// The example search response (spec search_response_basic_hits) with its one hit repeated for each
    /// document: same envelope and hit fields, our _id, _score and _source, and a highlight in the shape of
    /// the docs' percolate example when given.
    /// </summary>
    public static JsonNode SearchResponse(IEnumerable<(ArticleSearchDocument Document, double Score, JsonObject? Highlight)> hits, long total, JsonObject? aggregations = null)
    {
        var response = Load("spec-apache2/search_response_basic_hits.json");
        var template = response["hits"]!["hits"]![0]!;
        var hitArray = new JsonArray();
        foreach (var (document, score, highlight) in hits)
        {
            var hit = template.DeepClone();
            hit["_index"] = "articles-v1";
            hit["_id"] = document.Id;
            hit["_score"] = score;
            hit["_source"] = SourceOf(document);
            if (highlight is not null)
            {
                hit["highlight"] = highlight;
            }

            hitArray.Add(hit);
        }

        response["hits"]!["hits"] = hitArray;
        response["hits"]!["total"]!["value"] = total;
        if (aggregations is not null)
        {
            response["aggregations"] = aggregations;
        }

        return response;
    }

    /// <summary>
    /// A terms aggregation in the shape of the docs' terms example (doc_count_error_upper_bound,
    /// sum_other_doc_count, buckets of key and doc_count), with our buckets.
    /// </summary>
    public static JsonNode Terms(params (string Key, long Count, JsonObject? SubAggregations)[] buckets)
    {
        var terms = Load("es-docs/aggs_terms_with_avg_subagg_fragment_untyped.json")["aggregations"]!["my-agg-name"]!.DeepClone();
        var template = terms["buckets"]![0]!;
        var array = new JsonArray();
        foreach (var (key, count, sub) in buckets)
        {
            // The example's bucket without its own sub-aggregation, with our key, count and sub-aggregations.
            var bucket = template.DeepClone().AsObject();
            bucket.Remove("my-sub-agg-name");
            bucket["key"] = key;
            bucket["doc_count"] = count;
            foreach (var pair in sub ?? [])
            {
                bucket[pair.Key] = pair.Value?.DeepClone();
            }

            array.Add(bucket);
        }

        terms["buckets"] = array;
        return terms;
    }

    /// <summary>A found document as GET /{index}/_doc/{id} answers it (the get API's response fields).</summary>
    public static JsonObject Found(EnrichedArticle article) => new()
    {
        ["_index"] = "articles-v4",
        ["_id"] = article.Id.Value,
        ["_version"] = 1,
        ["_seq_no"] = 0,
        ["_primary_term"] = 1,
        ["found"] = true,
        ["_source"] = SourceOf(ArticleSearchDocument.From(article)),
    };

    /// <summary>The docs' 400 error body (error.root_cause, type, reason, caused_by, status) with our status, type and reason.</summary>
    public static string Error(int status, string type, string reason)
    {
        var body = Load("es-docs/error_illegal_argument_400_error_trace.json");
        var error = body["error"]!;
        foreach (var cause in (JsonNode?[])[error["root_cause"]![0], error])
        {
            cause!["type"] = type;
            cause["reason"] = reason;
            cause.AsObject().Remove("stack_trace");
        }

        error.AsObject().Remove("caused_by");
        body["status"] = status;
        return body.ToJsonString();
    }
}
