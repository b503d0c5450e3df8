using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Monitoring.Search.Lucene;

/// <summary>
/// What significant terms needs from one pass over every match of a query: how many there are, the people and
/// countries they name (counted per value), and the best-ranked matches whose text is read for words.
/// </summary>
/// <param name="CountryField">The field <paramref name="Countries"/> counts (<c>ArticleQueryTranslator.CountryField</c>).</param>
/// <param name="Sample">At most <c>SignificantTermsQuery.SampleSize</c> matches, best first, as <see cref="SignificantTermsFinder"/> samples them.</param>
internal sealed record MatchSummary(
    long Matches,
    string CountryField,
    IReadOnlyDictionary<string, long> People,
    IReadOnlyDictionary<string, long> Countries,
    ScoreDoc[] Sample);

/// <summary>
/// The match summaries of the last searches on one version of the index, by query: the search page asks for what
/// stands out right after its search, and the search's own pass over the matches has counted what that needs, so it
/// is not walked again. Kept with the index version's reader (<see cref="SegmentCache.ForVersion"/>): a commit makes
/// a new reader, so a summary is never used for other documents than those it counted.
/// </summary>
internal sealed class RecentMatches
{
    /// <summary>Searches remembered per index version: the last few of each of several people searching at once.</summary>
    public const int Capacity = 16;

    private readonly LinkedList<(Query Query, MatchSummary Summary)> _recent = [];
    private readonly System.Threading.Lock _lock = new();

    /// <summary>The summaries of <paramref name="reader"/>, one version of the whole index.</summary>
    public static RecentMatches Of(IndexReader reader) => SegmentCache.ForVersion(reader, "recent-matches", _ => new RecentMatches())!;

    /// <summary>Keeps the summary of <paramref name="query"/>'s matches, forgetting the oldest beyond <see cref="Capacity"/>.</summary>
    public void Remember(Query query, MatchSummary summary)
    {
        lock (_lock)
        {
            Forget(query, summary.CountryField);
            _recent.AddFirst((query, summary));
            if (_recent.Count > Capacity)
            {
                _recent.RemoveLast();
            }
        }
    }

    /// <summary>The summary of a query equal to <paramref name="query"/> (Lucene queries compare by value), counting countries on <paramref name="countryField"/>.</summary>
    public MatchSummary? Find(Query query, string countryField)
    {
        lock (_lock)
        {
            return Node(query, countryField)?.Value.Summary;
        }
    }

    private void Forget(Query query, string countryField)
    {
        if (Node(query, countryField) is { } node)
        {
            _recent.Remove(node);
        }
    }

    private LinkedListNode<(Query Query, MatchSummary Summary)>? Node(Query query, string countryField)
    {
        for (var node = _recent.First; node is not null; node = node.Next)
        {
            if (node.Value.Summary.CountryField == countryField && node.Value.Query.Equals(query))
            {
                return node;
            }
        }

        return null;
    }
}
