using Lucene.Net.Documents;
using Lucene.Net.Util;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;

namespace Monitoring.Search.Lucene;

/// <summary>Turns an enriched article into the Lucene document described by <see cref="ArticleFields"/>.</summary>
internal static class ArticleDocument
{
    /// <summary>
    /// Indexed as <see cref="StringField"/> is (one term, documents only, no norms), but through the index's
    /// analyser, whose <c>KeywordAnalyzer</c> for every <see cref="ArticleFields.Keywords"/> field keeps the value
    /// as it is. A <see cref="StringField"/> builds a new token stream, with its attributes, for every value of every
    /// document; the analyser reuses one per thread (a tenth of indexing time went to those token streams).
    /// </summary>
    private static readonly FieldType Keyword = KeywordType(stored: false);

    private static readonly FieldType StoredKeyword = KeywordType(stored: true);

    public static Document Create(EnrichedArticle enriched)
    {
        var article = enriched.Article;
        var tags = enriched.Tags;
        var published = article.EffectiveDate.ToUnixTimeMilliseconds();
        var ingested = article.IngestedAt.ToUnixTimeMilliseconds();
        var document = new Document
        {
            new Field(ArticleFields.Id, article.Id.Value, StoredKeyword),
            new SortedDocValuesField(ArticleFields.Id, new BytesRef(article.Id.Value)),
            new TextField(ArticleFields.Title, article.Title, Field.Store.NO),
            new TextField(ArticleFields.Body, article.Body, Field.Store.NO),
            new Int64Field(ArticleFields.Published, published, Field.Store.NO),
            new NumericDocValuesField(ArticleFields.Published, published),
            new Int64Field(ArticleFields.Ingested, ingested, Field.Store.NO),
            new NumericDocValuesField(ArticleFields.Ingested, ingested),
            new NumericDocValuesField(ArticleFields.Undated, article.IsUndated ? 1 : 0),
            new NumericDocValuesField(ArticleFields.ImplausibleDate, article.HasImplausibleDate ? 1 : 0),
            new DoubleField(ArticleFields.Tension, tags.Tension.Value, Field.Store.NO),
            new NumericDocValuesField(ArticleFields.Tension, BitConverter.DoubleToInt64Bits(tags.Tension.Value)),
            new NumericDocValuesField(ArticleFields.Tense, tags.Tension.IsTense ? 1 : 0),
            new Field(ArticleFields.SourceKey, ArticleFields.NormaliseSourceKey(article.Source), Keyword),
            new StoredField(ArticleFields.Json, ArticleJson.Serialize(enriched)),
        };

        if (article.StoryId is { Value: not null } story)
        {
            document.Add(new Field(ArticleFields.Story, story.Value, Keyword));
        }

        foreach (var country in tags.Countries.DistinctBy(country => country.Code))
        {
            var label = country.Name.Trim() + ArticleFields.LabelSeparator + ArticleFields.NormaliseCountry(country.Code);
            document.Add(new Field(ArticleFields.CountryLabel, label, Keyword));
        }

        foreach (var person in tags.People)
        {
            document.Add(new TextField(ArticleFields.PersonText, person.Name, Field.Store.NO));
        }

        AddKeywords(document, ArticleFields.Country, tags.Countries.Select(country => ArticleFields.NormaliseCountry(country.Code)));
        AddKeywords(document, ArticleFields.AboutCountry, tags.Countries.Where(country => country.IsAbout).Select(country => ArticleFields.NormaliseCountry(country.Code)));
        AddKeywords(document, ArticleFields.Topic, tags.Topics.Select(topic => ArticleFields.NormaliseKeyword(topic.Id)));
        AddKeywords(document, ArticleFields.Person, tags.People.Select(person => ArticleFields.NormaliseKeyword(person.Name)));
        AddKeywords(document, ArticleFields.Source, [ArticleFields.NormaliseKeyword(article.Source)]);
        AddKeywords(document, ArticleFields.Language, [ArticleFields.NormaliseLanguage(article.Language)]);
        if (article.Outlet is { } outlet)
        {
            AddKeywords(document, ArticleFields.OutletCountry, outlet.Country is null ? [] : [ArticleFields.NormaliseCountry(outlet.Country)]);
            AddKeywords(document, ArticleFields.OutletKind, outlet.Kind is { } kind ? [kind.Key()] : []);
            AddKeywords(document, ArticleFields.OutletGroup, outlet.Groups.Select(ArticleFields.NormaliseKeyword));
        }

        return document;
    }

    private static void AddKeywords(Document document, string field, IEnumerable<string> values)
    {
        foreach (var value in values.Where(value => value.Length > 0).Distinct(StringComparer.Ordinal))
        {
            document.Add(new Field(field, value, Keyword));
            document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }

    private static FieldType KeywordType(bool stored)
    {
        var type = new FieldType(stored ? StringField.TYPE_STORED : StringField.TYPE_NOT_STORED) { IsTokenized = true };
        type.Freeze();
        return type;
    }
}
