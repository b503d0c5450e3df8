using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;

namespace Monitoring.Search.Lucene;

/// <summary>How an enriched article is stored inside the index.</summary>
internal static class ArticleJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new ArticleIdJsonConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            // Computed members (Article.Body, EffectiveDate, EnrichedArticle.Id …) are rebuilt on read;
            // writing them would store the body twice.
            Modifiers = { DropReadOnlyProperties },
        },
    };

    public static string Serialize(EnrichedArticle article) => JsonSerializer.Serialize(article, Options);

    public static EnrichedArticle Deserialize(string json) =>
        JsonSerializer.Deserialize<EnrichedArticle>(json, Options)
        ?? throw new JsonException("The index holds an empty article document.");

    /// <summary>
    /// The body of a stored article (<see cref="Article.Body"/>) without reading the rest: what significant terms
    /// reads of each sampled match, where building the whole article (tags and their evidence) was most of the cost.
    /// </summary>
    public static string ReadBody(string json) =>
        Article.JoinParagraphs(JsonSerializer.Deserialize<StoredBody>(json, Options)?.Article?.Paragraphs ?? []);

    private static void DropReadOnlyProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (typeInfo.Properties[i].Set is null)
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}

/// <summary>Of a stored <see cref="EnrichedArticle"/>, its article's paragraphs; every other member is skipped.</summary>
internal sealed record StoredBody(StoredParagraphs? Article);

/// <summary>Of a stored <see cref="Article"/>, its paragraphs.</summary>
internal sealed record StoredParagraphs(IReadOnlyList<string>? Paragraphs);

/// <summary><see cref="ArticleId"/> has no public constructor; it travels as its 16-hex-digit value.</summary>
internal sealed class ArticleIdJsonConverter : JsonConverter<ArticleId>
{
    public override ArticleId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ArticleId.TryParse(reader.GetString(), out var id)
            ? id
            : throw new JsonException($"'{reader.GetString()}' is not an article id.");

    public override void Write(Utf8JsonWriter writer, ArticleId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
