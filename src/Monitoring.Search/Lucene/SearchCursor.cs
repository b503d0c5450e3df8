using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Monitoring.Search.Lucene;

/// <summary>
/// The continuation token of deep paging: the sort values of the last hit shown (the article id always
/// last, so they name one position exactly), with the sort they belong to. Base64url JSON; opaque to callers.
/// </summary>
internal static class SearchCursor
{
    public static string Encode(Sort sort, FieldDoc last)
    {
        var values = new List<string>();
        foreach (var value in last.Fields)
        {
            values.Add(value switch
            {
                BytesRef bytes => bytes.Utf8ToString(),
                float single => single.ToString("R", CultureInfo.InvariantCulture),
                double number => number.ToString("R", CultureInfo.InvariantCulture),
                long integer => integer.ToString(CultureInfo.InvariantCulture),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
            });
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(new Payload(Signature(sort), values));
        return Base64Url.EncodeToString(json);
    }

    /// <exception cref="ArgumentException">The cursor is damaged or belongs to a differently sorted search.</exception>
    public static FieldDoc Decode(Sort sort, string cursor)
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

        var fields = sort.GetSort();
        if (payload is null || payload.Sort != Signature(sort) || payload.Values.Count != fields.Length)
        {
            throw Invalid(null);
        }

        var values = new object[fields.Length];
        var score = float.NaN;
        try
        {
            for (var i = 0; i < fields.Length; i++)
            {
                var text = payload.Values[i];
                values[i] = fields[i].Type switch
                {
                    SortFieldType.SCORE => score = float.Parse(text, CultureInfo.InvariantCulture),
                    SortFieldType.INT64 => long.Parse(text, CultureInfo.InvariantCulture),
                    SortFieldType.DOUBLE => double.Parse(text, CultureInfo.InvariantCulture),
                    _ => new BytesRef(text),
                };
            }
        }
        catch (FormatException exception)
        {
            throw Invalid(exception);
        }

        // The id makes every position unique; the largest doc number makes the last hit itself excluded.
        return new FieldDoc(int.MaxValue, score, values);
    }

    private static ArgumentException Invalid(Exception? inner) =>
        new("The continuation cursor is not valid for this search; start again from the first page.", inner);

    private static string Signature(Sort sort) =>
        string.Join(',', sort.GetSort().Select(field => (field.Field ?? "score") + (field.IsReverse ? "-" : "+")));

    private sealed record Payload(string Sort, IReadOnlyList<string> Values);
}
