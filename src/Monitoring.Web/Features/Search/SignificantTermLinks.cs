using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Search;

/// <summary>Where a significant term leads: the same search narrowed to the articles that hold it.</summary>
public static class SignificantTermLinks
{
    /// <summary>
    /// The search with the word added to its text (AND): after the text as it is when that is one term, after the
    /// text in parentheses otherwise, so that an OR in it keeps its meaning. A word with other than letters and
    /// digits ("U.S.") is quoted.
    /// </summary>
    public static SearchState WithWord(SearchState state, string word)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrWhiteSpace(word);
        var term = word.All(char.IsLetterOrDigit) ? word : $"\"{word.Replace("\"", "", StringComparison.Ordinal)}\"";
        var text = state.Text?.Trim();
        var next = string.IsNullOrEmpty(text) ? term
            : text.Any(char.IsWhiteSpace) ? $"({text}) {term}"
            : $"{text} {term}";
        return state.FirstPage() with { Text = next };
    }

    /// <summary>The search filtered on the person or country as well (never removing a value already chosen).</summary>
    public static SearchState WithFilter(SearchState state, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Selected(key).Contains(value, StringComparer.Ordinal) ? state.FirstPage() : state.Toggle(key, value);
    }
}
