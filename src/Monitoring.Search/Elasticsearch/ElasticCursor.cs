using System.Buffers.Text;
using System.Text.Json;
using Elastic.Clients.Elasticsearch;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// The continuation token of deep paging: the <c>sort</c> values Elasticsearch returned for the last hit
/// shown (the article id last, so they name one position), handed back as <c>search_after</c>, with the
/// signature of the sort they belong to. Base64url JSON; opaque to callers.
/// </summary>
internal static class ElasticCursor
{
    public static string Encode(string signature, IEnumerable<FieldValue> sortValues)
    {
        ArgumentNullException.ThrowIfNull(sortValues);
        var values = sortValues.Select(value => value.Kind switch
        {
            FieldValue.ValueKind.Long => JsonSerializer.SerializeToElement((long)value.Value!),
            FieldValue.ValueKind.Double => JsonSerializer.SerializeToElement((double)value.Value!),
            FieldValue.ValueKind.Boolean => JsonSerializer.SerializeToElement((bool)value.Value!),
            FieldValue.ValueKind.Null => JsonSerializer.SerializeToElement<object?>(null),
            _ => JsonSerializer.SerializeToElement(value.Value?.ToString()),
        }).ToList();
        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Payload(signature, values)));
    }

    /// <exception cref="ArgumentException">The cursor is damaged or belongs to a differently sorted search.</exception>
    public static List<FieldValue> Decode(string signature, string cursor)
    {
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            throw Invalid(exception);
        }

        if (payload?.Values is null || payload.Sort != signature || payload.Values.Count != signature.Split(',').Length)
        {
            throw Invalid(null);
        }

        return [.. payload.Values.Select(value => value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var whole) => FieldValue.Long(whole),
            JsonValueKind.Number => FieldValue.Double(value.GetDouble()),
            JsonValueKind.String => FieldValue.String(value.GetString()!),
            JsonValueKind.True or JsonValueKind.False => FieldValue.Boolean(value.GetBoolean()),
            JsonValueKind.Null => FieldValue.Null,
            _ => throw Invalid(null),
        })];
    }

    private static ArgumentException Invalid(Exception? inner) =>
        new("The continuation cursor is not valid for this search; start again from the first page.", inner);

    private sealed record Payload(string Sort, IReadOnlyList<JsonElement> Values);
}
