using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Enrichment.Tension;
using Monitoring.Core.Search;
using MudBlazor;

namespace Monitoring.Web.Features.Articles;

/// <summary>One article, its clean text and the evidence behind each tag. The focused tag lives in the URL.</summary>
public sealed partial class ArticlePage
{
    private const int SimilarCount = 6;

    private EnrichedArticle? _article;
    private EvidenceMarker? _marker;
    private bool _loading = true;
    private string? _focus;
    private IReadOnlyList<SearchHit> _sameStory = [];
    private IReadOnlyList<SearchHit> _similar = [];

    [Inject]
    private IArticleSearch Search { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Parameter]
    public string Id { get; set; } = "";

    /// <summary>The tag whose evidence is shown alone, e.g. "country:RS".</summary>
    [SupplyParameterFromQuery(Name = "why")]
    public string? Why { get; set; }

    private string FocusLabel => _focus switch
    {
        null => "",
        "tension" => "the tension score",
        _ => TagItems().FirstOrDefault(item => item.Key == _focus)?.Label ?? _focus,
    };

    protected override async Task OnParametersSetAsync()
    {
        _focus = string.IsNullOrWhiteSpace(Why) ? null : Why;
        if (_article?.Id.Value == Id)
        {
            return;
        }

        _loading = true;
        _article = ArticleId.TryParse(Id, out var id) ? await Search.GetAsync(id) : null;
        _marker = _article is null ? null : EvidenceMarker.For(_article.Tags);
        _sameStory = [];
        _similar = [];
        if (_article is not null)
        {
            var story = await Search.SearchAsync(new ArticleQuery { StoryId = _article.Article.StoryId ?? _article.Id, Sort = SearchSort.Oldest, Take = 50 });
            _sameStory = [.. story.Hits.Where(hit => hit.Article.Id != _article.Id)];
            _similar = [.. (await Search.MoreLikeThisAsync(_article.Id, take: SimilarCount)).Where(hit => _sameStory.All(same => same.Article.Id != hit.Article.Id))];
        }

        _loading = false;
    }

    /// <summary>The id the story is known by: the first article of the story.</summary>
    private string StoryKey => (_article?.Article.StoryId ?? _article?.Id)?.Value ?? "";

    private static string KindWeight(ArticleTags tags, TensionKind kind) =>
        tags.Tension.Categories.Where(category => category.Kind == kind).Sum(category => category.Weight).ToString("0.##", CultureInfo.InvariantCulture);

    private Task FocusAsync(string? tagKey)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("why", tagKey), replace: true);
        return Task.CompletedTask;
    }

    private async Task GoBackAsync() => await JS.InvokeVoidAsync("history.back");

    private IEnumerable<TagItem> TagItems() => _article is null
        ? []
        : [.. CountryItems(_article.Tags), .. TopicItems(_article.Tags), .. PersonItems(_article.Tags), .. OrganisationItems(_article.Tags)];

    private static List<TagItem> CountryItems(ArticleTags tags) =>
    [
        .. tags.Countries
            .OrderByDescending(country => country.IsAbout)
            .ThenByDescending(country => country.Mentions)
            .Select(country => country.IsInferred
                ? new TagItem("country:" + country.Code, country.Name, "inferred", $"not named in the text: {string.Join(", ", country.Evidence)}")
                : new TagItem(
                    "country:" + country.Code,
                    country.Name,
                    country.IsAbout ? "about" : null,
                    NamedBy(country))),
    ];

    // Places are counted; the politicians and organisations who stand for the country are named after them.
    private static string NamedBy(CountryTag country)
    {
        var places = country.Evidence.Except(country.Actors, StringComparer.Ordinal).ToList();
        var placePart = country.Mentions > 0 ? $"{Times(country.Mentions)}: {string.Join(", ", places)}" : null;
        var actorPart = country.Actors.Count > 0 ? $"through {string.Join(", ", country.Actors)}" : null;
        return string.Join("; ", new[] { placePart, actorPart }.OfType<string>());
    }

    private static List<TagItem> TopicItems(ArticleTags tags) =>
    [
        .. tags.Topics.Select(topic => new TagItem(
            "topic:" + topic.Id,
            topic.Label,
            null,
            $"score {topic.Score:0.#}: {string.Join(", ", topic.Evidence)}")),
    ];

    private static List<TagItem> PersonItems(ArticleTags tags) =>
    [
        .. tags.People.Select(person => new TagItem("person:" + person.Name, person.Name, person.CountryCode, Times(person.Mentions))),
    ];

    private static List<TagItem> OrganisationItems(ArticleTags tags) =>
    [
        .. tags.Organisations.Select(organisation => new TagItem(
            "organisation:" + organisation.Name,
            organisation.Name,
            organisation.CountryCode,
            $"{Times(organisation.Mentions)}: {string.Join(", ", organisation.Evidence)}")),
    ];

    /// <summary>The words the lexicon term matched, as the article writes them ("tensions" for "tension*").</summary>
    private string AsWritten(TensionEvidence evidence)
    {
        if (_article is null || evidence.Positions.Count == 0)
        {
            return evidence.Term;
        }

        var span = evidence.Positions[0];
        var text = span.Field == TextSpan.TitleField ? _article.Article.Title : _article.Article.Body;
        return span.Start >= 0 && span.Start + span.Length <= text.Length ? text.Substring(span.Start, span.Length) : evidence.Term;
    }

    private static string Times(int count) => count == 1 ? "once" : $"{count} times";
}

/// <param name="Key">The tag key used to focus its evidence, e.g. "country:RS".</param>
/// <param name="Badge">A short qualifier such as "about".</param>
/// <param name="Explanation">Why the tag was given, in words.</param>
public sealed record TagItem(string Key, string Label, string? Badge, string Explanation);
