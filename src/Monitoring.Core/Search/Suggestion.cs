namespace Monitoring.Core.Search;

/// <summary>What a search-as-you-type suggestion names.</summary>
public enum SuggestionKind
{
    /// <summary><c>PersonTag.Name</c>; use it in <c>ArticleQuery.People</c>.</summary>
    Person,

    /// <summary><c>TopicTag.Id</c>; use it in <c>ArticleQuery.Topics</c>.</summary>
    Topic,

    /// <summary><c>CountryTag.Code</c>; use it in <c>ArticleQuery.Countries</c>.</summary>
    Country,
}

/// <param name="Value">The value to filter on (name, topic id or country code).</param>
/// <param name="Label">What matched, for display: the person's name, the topic id, the country's name.</param>
/// <param name="Count">How many indexed articles carry this tag.</param>
public sealed record Suggestion(SuggestionKind Kind, string Value, string Label, long Count);
