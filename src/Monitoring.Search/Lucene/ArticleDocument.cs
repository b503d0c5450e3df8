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
        var published = article.EffectiveDate.ToUnixTimeMilliseconds();
        var ingested = article.IngestedAt.ToUnixTimeMilliseconds();
        var document = new Document
        {
            new StringField(ArticleFields.Id, article.Id.Value, Field.Store.YES),
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
            new StringField(ArticleFields.SourceKey, ArticleFields.NormaliseSourceKey(article.Source), Field.Store.NO),
            new StoredField(ArticleFields.Json, ArticleJson.Serialize(enriched)),
        };

        if (article.StoryId is { Value: not null } story)
        {
            document.Add(new StringField(ArticleFields.Story, story.Value, Field.Store.NO));
        }

        foreach (var country in tags.Countries.DistinctBy(country => country.Code))
        {
            var label = country.Name.Trim() + ArticleFields.LabelSeparator + ArticleFields.NormaliseCountry(country.Code);
            document.Add(new StringField(ArticleFields.CountryLabel, label, Field.Store.NO));
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
        return document;
    }

    private static void AddKeywords(Document document, string field, IEnumerable<string> values)
    {
        foreach (var value in values.Where(value => value.Length > 0).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(field, value, Field.Store.NO));
            document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }
}
