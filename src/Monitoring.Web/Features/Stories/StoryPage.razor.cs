using System.Globalization;
using Microsoft.AspNetCore.Components;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Ingestion.Outlets;
using Monitoring.Web.Features.Search;

namespace Monitoring.Web.Features.Stories;

/// <summary>
/// "Who carried it": the outlets that carried one story (a cluster of near-duplicate copies), each with its first
/// report, headline, tension and the countries it named, in the order they took it up.
/// </summary>
public sealed partial class StoryPage
{
    /// <summary>Articles of one story read at most; a story is a handful of copies, this only bounds a pathological one.</summary>
    internal const int MostArticles = 500;

    private StoryCoverage? _coverage;
    private bool _truncated;
    private bool _loading = true;
    private string? _loadedKey;

    [Inject]
    private IArticleSearch Search { get; set; } = default!;

    [Inject]
    private EnrichmentModel Enrichment { get; set; } = default!;

    [Inject]
    private OutletCatalog Outlets { get; set; } = default!;

    /// <summary>Outlet group names, read once per page; none when the store could not be read ("unknown group 3").</summary>
    private OutletGroupNames? _groupNames;

    /// <summary>The story's id: the id of its first article.</summary>
    [Parameter]
    public string Key { get; set; } = "";

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedKey == Key)
        {
            return;
        }

        _loading = true;
        _coverage = null;
        _groupNames ??= await Outlets.GroupNamesOrNoneAsync();

        _truncated = false;
        if (ArticleId.TryParse(Key, out var story))
        {
            var result = await Search.SearchAsync(new ArticleQuery { StoryId = story, Sort = SearchSort.Oldest, Take = MostArticles });
            _coverage = StoryCoverage.Of(result.Hits.Select(hit => hit.Article));
            _truncated = result.Total > result.Hits.Count;
        }

        _loadedKey = Key;
        _loading = false;
    }

    private static string When(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string LateBy(TimeSpan late) => late switch
    {
        { TotalMinutes: < 1 } => "at the same time",
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{late.TotalMinutes:0} min later"),
        { TotalDays: < 2 } => string.Create(CultureInfo.InvariantCulture, $"{late.TotalHours:0.#} h later"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{late.TotalDays:0} days later"),
    };

    private static IReadOnlyList<string> GroupsOf(OutletReport report) => report.First.Article.Outlet?.Groups ?? [];

    private string GroupName(string id) => (_groupNames ?? OutletGroupNames.None).Label(id);

    /// <summary>Each outlet group with the outlets of it that carried the story, by name: the sides that told it.</summary>
    private IReadOnlyList<(string Id, string Name, IReadOnlyList<string> Outlets)> Sides() =>
        [.. _coverage!.Outlets
            .SelectMany(report => GroupsOf(report).Select(group => (Group: group, report.Outlet)))
            .GroupBy(pair => pair.Group, StringComparer.Ordinal)
            .Select(group => (group.Key, GroupName(group.Key), (IReadOnlyList<string>)[.. group.Select(pair => pair.Outlet)]))
            .OrderBy(side => side.Item2, StringComparer.CurrentCultureIgnoreCase)];

    private string GroupSearch(string groupId) => "/search" + new SearchState { Story = ArticleId.TryParse(Key, out var story) ? story : null, OutletGroups = [groupId] }.ToQueryString();

    private static string SourceSearch(string outlet) => "/search" + new SearchState { Sources = [outlet] }.ToQueryString();
}
