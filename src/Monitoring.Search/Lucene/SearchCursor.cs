using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using J2N.Numerics;
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
        var fields = sort.GetSort();
        var values = new List<string>();
        for (var i = 0; i < fields.Length; i++)
        {
            // Lucene.Net boxes sort values as J2N numbers; text (the id) comes as bytes.
            var value = last.Fields[i];
            values.Add(KindOf(fields[i]) switch
            {
                SortFieldType.SCORE => ((Number)value).ToSingle().ToString("R", CultureInfo.InvariantCulture),
                SortFieldType.INT64 => ((Number)value).ToInt64().ToString(CultureInfo.InvariantCulture),
                SortFieldType.DOUBLE => ((Number)value).ToDouble().ToString("R", CultureInfo.InvariantCulture),
                _ => ((BytesRef)value).Utf8ToString(),
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
                values[i] = KindOf(fields[i]) switch
                {
                    SortFieldType.SCORE => J2N.Numerics.Single.GetInstance(score = float.Parse(text, CultureInfo.InvariantCulture)),
                    SortFieldType.INT64 => J2N.Numerics.Int64.GetInstance(long.Parse(text, CultureInfo.InvariantCulture)),
                    SortFieldType.DOUBLE => J2N.Numerics.Double.GetInstance(double.Parse(text, CultureInfo.InvariantCulture)),
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

    // The custom sorts stand for the built-in ones whose values they keep: dates for INT64, the id for STRING.
    private static SortFieldType KindOf(SortField field) => field.ComparerSource switch
    {
        SegmentDates => SortFieldType.INT64,
        SegmentIds => SortFieldType.STRING,
        _ => field.Type,
    };

    private static ArgumentException Invalid(Exception? inner) =>
        new("The continuation cursor is not valid for this search; start again from the first page.", inner);

    private static string Signature(Sort sort) =>
        string.Join(',', sort.GetSort().Select(field => (field.Field ?? "score") + (field.IsReverse ? "-" : "+")));

    private sealed record Payload(string Sort, IReadOnlyList<string> Values);
}
