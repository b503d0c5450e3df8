using System.Text.Json;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;

namespace Monitoring.Web.Features.Search;

/// <summary>
/// JSON export: <c>{"export": {…what was searched…}, "articles": [ one object per line ], "count": N}</c>.
/// One article per line keeps the file streamable and countable by line.
/// </summary>
internal sealed class JsonExportWriter(OutletGroupNames groups) : IExportWriter
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string ContentType => "application/json; charset=utf-8";

    public string Extension => "json";

    public async Task WriteStartAsync(TextWriter writer, IReadOnlyList<(string Key, string Value)> metadata)
    {
        var export = metadata.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        await writer.WriteAsync("{\"export\":");
        await writer.WriteAsync(JsonSerializer.Serialize(export, Options));
        await writer.WriteLineAsync(",\"articles\":[");
    }

    public async Task WriteArticleAsync(TextWriter writer, EnrichedArticle article, bool first)
    {
        if (!first)
        {
            await writer.WriteLineAsync(",");
        }

        await writer.WriteAsync(JsonSerializer.Serialize(Item.From(article, groups), Options));
    }

    public async Task WriteEndAsync(TextWriter writer, long rows)
    {
        await writer.WriteLineAsync();
        await writer.WriteLineAsync($"],\"count\":{rows}}}");
    }

    private sealed record Item(
        string Id,
        string Title,
        string Source,
        string? Attribution,
        DateTimeOffset? Published,
        DateTimeOffset Ingested,
        string? Url,
        string Language,
        string? StoryId,
        OutletItem? Outlet,
        IReadOnlyList<CountryItem> Countries,
        IReadOnlyList<TopicItem> Topics,
        IReadOnlyList<PersonItem> People,
        IReadOnlyList<string> Organisations,
        TensionItem Tension,
        IReadOnlyList<string> Paragraphs)
    {
        public static Item From(EnrichedArticle enriched, OutletGroupNames groups)
        {
            var (a, tags) = (enriched.Article, enriched.Tags);
            return new Item(
                a.Id.Value,
                a.Title,
                a.Source,
                a.Attribution,
                a.Published,
                a.IngestedAt,
                a.Url?.ToString(),
                a.Language,
                a.StoryId?.Value,
                a.Outlet is { } outlet ? OutletItem.From(outlet, groups) : null,
                [.. tags.Countries.Select(c => new CountryItem(c.Code, c.Name, c.IsAbout, c.Mentions))],
                [.. tags.Topics.Select(t => new TopicItem(t.Id, t.Label))],
                [.. tags.People.Select(p => new PersonItem(p.Name, p.CountryCode))],
                [.. tags.Organisations.Select(o => o.Name)],
                new TensionItem(
                    tags.Tension.Value,
                    tags.Tension.IsTense,
                    [.. tags.Tension.Categories.Select(c => new CategoryItem(c.Id, c.Kind.ToString().ToLowerInvariant(), c.Weight, c.Count))]),
                a.Paragraphs);
        }
    }

    /// <summary>Who published it: the outlet's country, kind (its key) and groups (id and name), not what it is about.</summary>
    private sealed record OutletItem(string? Country, string? Kind, IReadOnlyList<GroupItem> Groups)
    {
        public static OutletItem From(ArticleOutlet outlet, OutletGroupNames groups) =>
            new(outlet.Country, outlet.Kind?.Key(), [.. outlet.Groups.Select(id => new GroupItem(id, groups.Label(id)))]);
    }

    private sealed record GroupItem(string Id, string Name);

    private sealed record CountryItem(string Code, string Name, bool About, int Mentions);

    private sealed record TopicItem(string Id, string Label);

    private sealed record PersonItem(string Name, string? Country);

    private sealed record TensionItem(double Value, bool Tense, IReadOnlyList<CategoryItem> Categories);

    private sealed record CategoryItem(string Id, string Kind, double Weight, int Count);
}
