using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment.Tension;

internal sealed class TensionScorer
{
    private readonly TensionLexicon _lexicon;
    private readonly PhraseMatcher _matcher;
    private readonly List<(string Term, double Weight, TensionCategory Category)> _terms = [];

    // Cues are single forms read as written in every language ("ne", "nije", "nuk"): declining them would turn
    // "nema" (there is no) into the stem of unrelated words.
    private readonly PhraseMatcher _cues = new();
    private readonly int _firstNotNegation;
    private readonly List<string> _cueTexts = [];

    /// <param name="inflection">The case endings a term of a declined language is matched with; null reads every text as English.</param>
    public TensionScorer(TensionLexicon lexicon, InflectionRules? inflection = null)
    {
        _lexicon = lexicon;
        _matcher = new PhraseMatcher(inflection);
        foreach (var cue in lexicon.Negation.Cues)
        {
            _cues.Add(cue);
            _cueTexts.Add(cue);
        }

        _firstNotNegation = lexicon.Negation.Cues.Count;
        foreach (var phrase in lexicon.Negation.NotNegations)
        {
            _cues.Add(phrase);
        }

        foreach (var category in lexicon.Categories)
        {
            foreach (var (term, weight) in category.Terms)
            {
                _matcher.Add(term);
                _terms.Add((term, weight, category));
            }
        }
    }

    /// <param name="tokens">Title and body.</param>
    /// <param name="language">The article's language ("sr-Latn", "en"): a few cues mean something else in some languages.</param>
    /// <param name="family">The language's family of endings (<see cref="InflectionRules.For"/>); null for English.</param>
    /// <param name="stems">The tokens' stems in <paramref name="family"/>, when the caller has them already.</param>
    public TensionScore Score(IReadOnlyList<Token> tokens, string language = "", InflectionFamily? family = null, string[]? stems = null)
    {
        var negatedUpTo = NegatedUpTo(tokens, language);
        // Keyed by term index (a few of the lexicon's hundreds per article), read back in lexicon order.
        var hits = new SortedDictionary<int, List<TextSpan>>();
        var negatedHits = new SortedDictionary<int, List<TextSpan>>();
        foreach (var (phrase, _, start, length) in _matcher.FindAllAt(tokens, family, stems))
        {
            var target = negatedUpTo[start] ? negatedHits : hits;
            if (!target.TryGetValue(phrase, out var spans))
            {
                target[phrase] = spans = [];
            }

            spans.Add(Token.Span(tokens, start, length));
        }

        var evidence = Evidence(hits);
        var negated = Evidence(negatedHits);
        var weighted = evidence.Sum(item => item.Weight * item.Count);
        if (weighted <= 0)
        {
            return negated.Count == 0 ? TensionScore.Calm : TensionScore.Calm with { Negated = negated };
        }

        var density = weighted * 100 / Math.Max(tokens.Count, _lexicon.MinimumWords);
        var value = Math.Round(100 * (1 - Math.Exp(-density / _lexicon.Saturation)), 1);
        var categories = evidence
            .GroupBy(item => item.Category, StringComparer.Ordinal)
            .Select(group =>
            {
                var category = _lexicon.Categories.First(candidate => candidate.Id == group.Key);
                return new TensionCategoryHit(category.Id, category.Label, category.Kind, group.Sum(item => item.Weight * item.Count), group.Sum(item => item.Count));
            })
            .OrderByDescending(hit => hit.Weight)
            .ThenBy(hit => hit.Id, StringComparer.Ordinal)
            .ToList();
        return new TensionScore(value, evidence.OrderByDescending(item => item.Weight * item.Count).ToList())
        {
            IsTense = value >= _lexicon.TenseThreshold,
            Categories = categories,
            Negated = negated,
        };
    }

    private List<TensionEvidence> Evidence(SortedDictionary<int, List<TextSpan>> hits)
    {
        var evidence = new List<TensionEvidence>(hits.Count);
        foreach (var (i, spans) in hits)
        {
            var (term, weight, category) = _terms[i];
            evidence.Add(new TensionEvidence(term, weight, spans.Count) { Category = category.Id, Kind = category.Kind, Positions = spans });
        }

        return evidence;
    }

    // For each token: does a negation cue end within the window before it, with no punctuation or sentence
    // end in between? A cue inside an affirming phrase ("not only", "ne samo") does not count, nor one of a
    // prohibition ("must not", "ne smeju", "nuk duhet"): what must not happen is said of what happens or threatens.
    private bool[] NegatedUpTo(IReadOnlyList<Token> tokens, string language)
    {
        var negated = new bool[tokens.Count];
        var found = _cues.FindAllAt(tokens);
        if (found.Count == 0)
        {
            return negated;
        }

        var dash = language.IndexOf('-', StringComparison.Ordinal);
        var primary = dash < 0 ? language : language[..dash];
        var ignored = _lexicon.Negation.NotCuesIn.GetValueOrDefault(primary) ?? [];
        // Every word of an affirming phrase: the cue may open it ("ne samo") or stand inside it ("must not").
        var affirming = found.Where(hit => hit.Phrase >= _firstNotNegation).SelectMany(hit => Enumerable.Range(hit.Start, hit.Length)).ToHashSet();
        foreach (var (phrase, _, start, length) in found)
        {
            if (phrase >= _firstNotNegation || affirming.Contains(start) || ignored.Contains(_cueTexts[phrase], StringComparer.Ordinal))
            {
                continue;
            }

            var end = start + length;
            for (var k = end; k < tokens.Count && k < end + _lexicon.Negation.Window; k++)
            {
                if (tokens[k].StartsSentence || tokens[k].AfterPunctuation)
                {
                    break;
                }

                negated[k] = true;
            }
        }

        return negated;
    }
}
