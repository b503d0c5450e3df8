namespace Monitoring.Core.Search;

/// <summary>
/// What stands out in the matches of a query: the words, people and countries that are unusually frequent among
/// them compared with the whole index. Each list is best first (by <see cref="SignificantTerm.Score"/>, ties by
/// value, ordinal) and holds only terms more frequent in the matches than in the index.
/// </summary>
/// <param name="Matches">Every article matching the query; people and countries are counted over all of them.</param>
/// <param name="Sampled">
/// The best-ranked matches whose text was read for <paramref name="Words"/>: at most
/// <see cref="SignificantTermsQuery.SampleSize"/> (text is too costly to read in every match of a broad search).
/// </param>
/// <param name="Indexed">The size of the background: every document of the index.</param>
/// <param name="Words">Analysed words of the body (folded and stemmed as the index holds them), from the sample.</param>
/// <param name="People"><c>PersonTag.Name</c> values, from every match.</param>
/// <param name="Countries">Country codes in the sense of <c>ArticleQuery.CountryMode</c>, from every match.</param>
public sealed record SignificantTerms(
    long Matches,
    long Sampled,
    long Indexed,
    IReadOnlyList<SignificantTerm> Words,
    IReadOnlyList<SignificantTerm> People,
    IReadOnlyList<SignificantTerm> Countries)
{
    public static SignificantTerms Empty { get; } = new(0, 0, 0, [], [], []);

    public bool IsEmpty => Words.Count == 0 && People.Count == 0 && Countries.Count == 0;
}

/// <param name="Value">What to search or filter on: an analysed word, a person's name or a country code.</param>
/// <param name="MatchCount">Matches (or, for words, sampled matches) that hold the term.</param>
/// <param name="IndexCount">Documents of the whole index that hold the term.</param>
/// <param name="Score">JLH significance (<see cref="SignificanceScore.Jlh"/>); higher stands out more.</param>
public sealed record SignificantTerm(string Value, long MatchCount, long IndexCount, double Score)
{
    /// <summary>
    /// How the term reads: for a word, the form most often written in the sample ("Kosovo" for the indexed
    /// "kosov") when the engine knows it, else <see cref="Value"/>.
    /// </summary>
    public string Label { get; init; } = Value;
}

/// <summary>What to look for in the matches of <see cref="Filter"/>.</summary>
/// <param name="Filter">Text and filters; paging, cursor and sort are ignored (the sample is always the best-ranked matches).</param>
/// <param name="Take">How many terms each list holds at most.</param>
public sealed record SignificantTermsQuery(ArticleQuery Filter, int Take = 10)
{
    /// <summary>
    /// How many of the best-ranked matches are read for words: Elasticsearch's <c>sampler</c> default. Without
    /// text every match ranks the same and the sample is the first matches in index order.
    /// </summary>
    public const int SampleSize = 100;

    /// <summary>
    /// A term in fewer matches (or sampled matches) than this is never significant, however rare in the index:
    /// two articles sharing a rare word is chance. Elasticsearch's <c>min_doc_count</c> default.
    /// </summary>
    public const int MinimumMatches = 3;

    /// <summary>
    /// The words considered, as a regular expression over the analysed word (folded to Latin lower case): those with
    /// a letter. Figures ("1.066", "145.55") differ from story to story by nature and would crowd out the words.
    /// </summary>
    public const string WordPattern = ".*[a-z].*";

    /// <summary>Whether an analysed word is one <see cref="WordPattern"/> considers.</summary>
    public static bool IsWord(string analysed) => analysed.Any(c => c is >= 'a' and <= 'z');
}

/// <summary>The significance heuristic both engines use, so that they rank terms alike.</summary>
public static class SignificanceScore
{
    /// <summary>
    /// JLH, Elasticsearch's default: (foreground share − background share) × (foreground share ÷ background
    /// share), zero when the term is no more frequent in the matches than in the index. The absolute change
    /// keeps a term found in one or two matches of a rare kind from outranking one found in half of them; the
    /// relative change keeps common words (frequent everywhere) out.
    /// </summary>
    public static double Jlh(long matchCount, long matches, long indexCount, long indexed)
    {
        if (matchCount <= 0 || matches <= 0 || indexCount <= 0 || indexed <= 0)
        {
            return 0;
        }

        var foreground = (double)matchCount / matches;
        var background = (double)indexCount / indexed;
        return foreground > background ? (foreground - background) * (foreground / background) : 0;
    }

    /// <summary>Best first, ties by value (ordinal), at most <paramref name="take"/>; only terms that stand out.</summary>
    public static IReadOnlyList<SignificantTerm> Rank(IEnumerable<SignificantTerm> terms, int take) =>
        [.. terms.Where(term => term.Score > 0)
            .OrderByDescending(term => term.Score)
            .ThenBy(term => term.Value, StringComparer.Ordinal)
            .Take(take)];
}
