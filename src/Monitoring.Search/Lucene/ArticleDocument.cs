using Lucene.Net.Documents;
using Lucene.Net.Util;
using Monitoring.Core.Enrichment;

namespace Monitoring.Search.Lucene;

/// <summary>Turns an enriched article into the Lucene document described by <see cref="ArticleFields"/>.</summary>
internal static class ArticleDocument
{
    public static Document Create(EnrichedArticle enriched)
    {
        var article = enriched.Article;
        var tags = enriched.Tags;
        var document = new Document
        {
            new StringField(ArticleFields.Id, article.Id.Value, Field.Store.YES),
            new TextField(ArticleFields.Title, article.Title, Field.Store.NO),
            new TextField(ArticleFields.Body, article.Body, Field.Store.NO),
            new Int64Field(ArticleFields.Date, EffectiveDay(enriched), Field.Store.NO),
            new NumericDocValuesField(ArticleFields.Date, EffectiveDay(enriched)),
            new NumericDocValuesField(ArticleFields.Undated, article.IsUndated ? 1 : 0),
            new NumericDocValuesField(ArticleFields.Tension, BitConverter.DoubleToInt64Bits(tags.Tension.Value)),
            new StoredField(ArticleFields.Json, ArticleJson.Serialize(enriched)),
        };

        AddKeywords(document, ArticleFields.Country, tags.Countries.Select(country => ArticleFields.NormaliseCountry(country.Code)));
        AddKeywords(document, ArticleFields.Topic, tags.Topics.Select(topic => ArticleFields.NormaliseKeyword(topic.Id)));
        AddKeywords(document, ArticleFields.Source, [ArticleFields.NormaliseKeyword(article.Source)]);
        AddKeywords(document, ArticleFields.Language, [ArticleFields.NormaliseLanguage(article.Language)]);
        return document;
    }

    /// <summary>
    /// The calendar day the article is charted on: the effective date as written in its own offset,
    /// so an item published late in the evening in Belgrade stays on that day.
    /// </summary>
    public static long EffectiveDay(EnrichedArticle enriched) =>
        DateOnly.FromDateTime(enriched.Article.EffectiveDate.DateTime).DayNumber;

    private static void AddKeywords(Document document, string field, IEnumerable<string> values)
    {
        foreach (var value in values.Where(value => value.Length > 0).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(field, value, Field.Store.NO));
            document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }
}
