using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using Monitoring.Core.Search;
using static Monitoring.Search.Elasticsearch.ArticleIndexDefinition;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// Asks Elasticsearch for highlights wrapped in two private-use characters (as the Lucene engine marks
/// them) and cuts the returned fragments at those markers into <see cref="SnippetPart"/>s, so a snippet
/// is made of original text only and no markup reaches a page. Same rules as the Lucene engine: body
/// passages around the matches, else the whole title when only it matched, else the start of the body.
/// </summary>
internal static class HighlightSnippets
{
    public const char MatchStart = '\uE000';
    public const char MatchEnd = '\uE001';

    private const int FragmentLength = 160;
    private const int MaxFragments = 3;
    private const int LeadLength = 200;

    /// <summary>Highlights of what <paramref name="query"/> (the text alone, never the filters) matched.</summary>
    public static Highlight Request(Elastic.Clients.Elasticsearch.QueryDsl.Query query) => new()
    {
        HighlightQuery = query,
        PreTags = [MatchStart.ToString()],
        PostTags = [MatchEnd.ToString()],
        Fields =
        [
            new KeyValuePair<Field, HighlightField>(Body, new HighlightField
            {
                FragmentSize = FragmentLength,
                NumberOfFragments = MaxFragments,
                Order = HighlighterOrder.Score,
            }),
            // No fragments: the whole title.
            new KeyValuePair<Field, HighlightField>(Title, new HighlightField { NumberOfFragments = 0 }),
        ],
    };

    public static IReadOnlyList<Snippet> From(IReadOnlyDictionary<string, IReadOnlyCollection<string>>? highlight, string body, bool hasText)
    {
        if (hasText)
        {
            foreach (var field in (ReadOnlySpan<string>)[Body, Title])
            {
                if (highlight is not null && highlight.TryGetValue(field, out var fragments))
                {
                    var snippets = fragments.Select(Parse).Where(snippet => snippet.Parts.Any(part => part.IsMatch)).ToList();
                    if (snippets.Count > 0)
                    {
                        return snippets;
                    }
                }
            }
        }

        return Lead(body);
    }

    /// <summary>One fragment as parts: text between a start and an end marker is a match.</summary>
    public static Snippet Parse(string fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        var parts = new List<SnippetPart>();
        var isMatch = false;
        var start = 0;
        while (start <= fragment.Length)
        {
            var marker = fragment.IndexOfAny([MatchStart, MatchEnd], start);
            var end = marker < 0 ? fragment.Length : marker;
            Append(parts, fragment[start..end], isMatch);
            if (marker < 0)
            {
                break;
            }

            isMatch = fragment[marker] == MatchStart;
            start = marker + 1;
        }

        if (parts.Count > 0 && !parts[0].IsMatch)
        {
            parts[0] = parts[0] with { Text = parts[0].Text.TrimStart() };
        }

        if (parts.Count > 0 && !parts[^1].IsMatch)
        {
            parts[^1] = parts[^1] with { Text = parts[^1].Text.TrimEnd() };
        }

        return new Snippet([.. parts.Where(part => part.Text.Length > 0)]);
    }

    // Neighbouring matches come as separate tags; one part per run of equal kind reads better.
    private static void Append(List<SnippetPart> parts, string text, bool isMatch)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (parts.Count > 0 && parts[^1].IsMatch == isMatch)
        {
            parts[^1] = new SnippetPart(parts[^1].Text + text, isMatch);
        }
        else
        {
            parts.Add(new SnippetPart(text, isMatch));
        }
    }

    private static List<Snippet> Lead(string body)
    {
        var lead = body;
        if (body.Length > LeadLength)
        {
            var lastSpace = body.LastIndexOf(' ', LeadLength);
            lead = body[..(lastSpace > LeadLength / 2 ? lastSpace : LeadLength)];
        }

        lead = lead.Trim();
        return lead.Length == 0 ? [] : [new Snippet([new SnippetPart(lead, false)])];
    }
}
