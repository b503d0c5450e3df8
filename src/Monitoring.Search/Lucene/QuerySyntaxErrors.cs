using System.Globalization;
using Lucene.Net.QueryParsers.Classic;

namespace Monitoring.Search.Lucene;

/// <summary>
/// Explains why query text cannot be parsed, pointing at the character where it goes wrong, in words an
/// analyst understands rather than in parser tokens.
/// </summary>
internal static class QuerySyntaxErrors
{
    private const string Help =
        "Combine words with AND, OR, NOT (or +word, -word), \"exact phrases\", \"near words\"~5, word*, ( ) groups and fields such as country:XK.";

    /// <summary>
    /// Longest query text parsed. Real boolean monitoring queries run to a few thousand characters; the limit
    /// is there so that no one request makes the parser and the engine work on megabytes.
    /// </summary>
    public const int MaxLength = 10_000;

    /// <summary>
    /// Deepest nesting of parentheses parsed: the parser descends recursively, and thousands of levels would
    /// overflow the stack, which ends the whole process rather than the one request.
    /// </summary>
    public const int MaxNesting = 32;

    private const int EchoedLength = 200;

    private static readonly string[] Operators = ["AND", "OR", "NOT", "&&", "||"];

    public static InvalidQueryException Invalid(string text, int? position, string reason, Exception? inner)
    {
        var where = position is { } at ? string.Create(CultureInfo.InvariantCulture, $" at character {at}") : string.Empty;
        var echoed = text.Length <= EchoedLength ? text : text[..EchoedLength] + "…";
        return new InvalidQueryException($"The search \"{echoed}\" cannot be understood{where}: {reason}. {Help}", text, inner)
        {
            Position = position,
        };
    }

    /// <summary>
    /// Unbalanced quotes and parentheses and leading wildcards, found before parsing because the parser
    /// reports them late (at the end of the text) or vaguely; and text too long or nested too deep to parse
    /// safely. Positions are 1-based.
    /// </summary>
    public static (int Position, string Reason)? FindStructuralError(string text)
    {
        if (text.Length > MaxLength)
        {
            return (MaxLength + 1, string.Create(CultureInfo.InvariantCulture, $"it is {text.Length:N0} characters long, over the limit of {MaxLength:N0}; split it into several searches"));
        }

        var openParentheses = new Stack<int>();
        int? openQuote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            if (character == '\\')
            {
                i++;
                continue;
            }

            if (character == '"')
            {
                openQuote = openQuote is null ? i : null;
                continue;
            }

            if (openQuote is not null)
            {
                continue;
            }

            switch (character)
            {
                case '(' when openParentheses.Count == MaxNesting:
                    return (i + 1, string.Create(CultureInfo.InvariantCulture, $"parentheses nest deeper than {MaxNesting} levels here"));
                case '(':
                    openParentheses.Push(i);
                    break;
                case ')' when openParentheses.Count == 0:
                    return (i + 1, "this closing parenthesis has no opening one");
                case ')':
                    openParentheses.Pop();
                    break;
                case '*' or '?' when StartsWord(text, i):
                    return (i + 1, $"the word \"{WordAt(text, i)}\" starts with {character}; a wildcard can only follow letters, as in kosov*");
            }
        }

        if (openQuote is { } quote)
        {
            return (quote + 1, "this quotation mark is never closed");
        }

        if (openParentheses.Count > 0)
        {
            return (openParentheses.Peek() + 1, "this parenthesis is never closed");
        }

        return null;
    }

    /// <summary>Where and why the parser gave up, from the token it could not accept.</summary>
    public static (int? Position, string Reason) Describe(string text, ParseException exception)
    {
        var failing = Innermost(exception)?.CurrentToken?.Next;
        if (failing is null)
        {
            return (null, "an operator or symbol is out of place");
        }

        // The parser's column is a 0-based offset into the text.
        var position = failing.BeginColumn + 1;
        if (failing.Kind == 0 || string.IsNullOrEmpty(failing.Image))
        {
            var last = LastWord(text);
            return (null, Operators.Contains(last, StringComparer.Ordinal)
                ? $"it ends with {last}, which needs a word after it"
                : "it ends where a word is still expected");
        }

        var image = failing.Image;
        var reason = Operators.Contains(image, StringComparer.Ordinal)
            ? $"{image} needs a word on each side"
            : image is ":" ? "a field name such as country: needs a value after it"
            : $"\"{image}\" is out of place";
        return (position, reason);
    }

    private static ParseException? Innermost(Exception exception)
    {
        ParseException? found = null;
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is ParseException { CurrentToken: not null } parse)
            {
                found = parse;
            }
        }

        return found;
    }

    private static bool StartsWord(string text, int index) =>
        index == 0 || char.IsWhiteSpace(text[index - 1]) || text[index - 1] is '(' or '-' or '+' or ':' or '!';

    private static string WordAt(string text, int index)
    {
        var end = index;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ')')
        {
            end++;
        }

        return text[index..end];
    }

    private static string LastWord(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? string.Empty : words[^1];
    }
}
