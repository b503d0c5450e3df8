using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Monitoring.Core.Articles;
using Monitoring.Core.Search;

namespace Monitoring.Search.Lucene;

/// <summary>
/// Builds <see cref="Snippet"/>s with Lucene's highlighter. The highlighter only ever wraps matched
/// stretches of the original text in two private-use marker characters; the snippet parts are cut out
/// at those markers, so no engine markup (nor any HTML) reaches the result.
/// </summary>
internal sealed class SnippetHighlighter(Analyzer analyzer)
{
    private static readonly char MatchStart = '\uE000';
    private static readonly char MatchEnd = '\uE001';
    private static readonly int FragmentLength = 160;
    private static readonly int MaxFragments = 3;
    private static readonly int LeadLength = 200;

    /// <summary>
    /// Passages of the body around the matches; the title when only the title matched; the start of the
    /// body when there is no text query or nothing could be highlighted.
    /// </summary>
    public IReadOnlyList<Snippet> Snippets(Article article, Query? textQuery)
    {
        var body = WithoutMarkers(article.Body);
        if (textQuery is null)
        {
            return Lead(body);
        }

        var bodySnippets = Highlight(textQuery, ArticleFields.Body, body, scorer => new SimpleSpanFragmenter(scorer, FragmentLength));
        if (bodySnippets.Count > 0)
        {
            return bodySnippets;
        }

        var titleSnippets = Highlight(textQuery, ArticleFields.Title, WithoutMarkers(article.Title), _ => new NullFragmenter());
        return titleSnippets.Count > 0 ? titleSnippets : Lead(body);
    }

    // The span fragmenter must share the highlighter's scorer: the highlighter primes it per text.
    private List<Snippet> Highlight(Query query, string field, string text, Func<QueryScorer, IFragmenter> fragmenter)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var scorer = new QueryScorer(query, field);
        var highlighter = new Highlighter(new MarkerFormatter(), scorer)
        {
            TextFragmenter = fragmenter(scorer),
        };

        string[] fragments;
        try
        {
            using var tokens = analyzer.GetTokenStream(field, text);
            fragments = highlighter.GetBestFragments(tokens, text, MaxFragments);
        }
        catch (InvalidTokenOffsetsException)
        {
            // A snippet is a convenience; an analysis quirk must not fail the search.
            return [];
        }

        return [.. fragments.Select(ToSnippet).Where(snippet => snippet.Parts.Any(part => part.IsMatch))];
    }

    private static Snippet ToSnippet(string fragment)
    {
        var parts = new List<SnippetPart>();
        var current = new StringBuilder();
        var inMatch = false;
        foreach (var character in fragment)
        {
            if (character == MatchStart || character == MatchEnd)
            {
                AddPart(parts, current.ToString(), inMatch);
                current.Clear();
                inMatch = character == MatchStart;
                continue;
            }

            current.Append(character);
        }

        AddPart(parts, current.ToString(), inMatch);
        TrimEdges(parts);
        return new Snippet(parts);
    }

    private static void AddPart(List<SnippetPart> parts, string text, bool isMatch)
    {
        if (text.Length == 0)
        {
            return;
        }

        // Neighbouring matched tokens come as separate groups; one part per run reads better.
        if (parts.Count > 0 && parts[^1].IsMatch == isMatch)
        {
            parts[^1] = parts[^1] with { Text = parts[^1].Text + text };
            return;
        }

        parts.Add(new SnippetPart(text, isMatch));
    }

    private static void TrimEdges(List<SnippetPart> parts)
    {
        if (parts.Count > 0 && !parts[0].IsMatch)
        {
            parts[0] = parts[0] with { Text = parts[0].Text.TrimStart() };
        }

        if (parts.Count > 0 && !parts[^1].IsMatch)
        {
            parts[^1] = parts[^1] with { Text = parts[^1].Text.TrimEnd() };
        }

        parts.RemoveAll(part => part.Text.Length == 0);
    }

    private static List<Snippet> Lead(string body)
    {
        var lead = body.Length <= LeadLength ? body : CutAtWord(body, LeadLength);
        lead = lead.Trim();
        return lead.Length == 0 ? [] : [new Snippet([new SnippetPart(lead, false)])];
    }

    private static string CutAtWord(string text, int length)
    {
        var cut = text.LastIndexOf(' ', length);
        return text[..(cut > length / 2 ? cut : length)];
    }

    // The markers are private-use characters that news text does not contain; should one appear, it
    // must not be mistaken for a highlight boundary.
    private static string WithoutMarkers(string text) =>
        text.Contains(MatchStart, StringComparison.Ordinal) || text.Contains(MatchEnd, StringComparison.Ordinal)
            ? text.Replace(MatchStart, ' ').Replace(MatchEnd, ' ')
            : text;

    private sealed class MarkerFormatter : IFormatter
    {
        public string HighlightTerm(string originalText, TokenGroup tokenGroup) =>
            tokenGroup.TotalScore > 0 ? MatchStart + originalText + MatchEnd : originalText;
    }
}
