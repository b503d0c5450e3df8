using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment.Tension;

internal sealed class TensionScorer
{
    private readonly TensionLexicon _lexicon;
    private readonly PhraseMatcher _matcher = new();
    private readonly List<(string Term, double Weight, TensionCategory Category)> _terms = [];

    public TensionScorer(TensionLexicon lexicon)
    {
        _lexicon = lexicon;
        foreach (var category in lexicon.Categories)
        {
            foreach (var (term, weight) in category.Terms)
            {
                _matcher.Add(term);
                _terms.Add((term, weight, category));
            }
        }
    }

    public TensionScore Score(IReadOnlyList<Token> tokens)
    {
        var hits = new List<TextSpan>[_terms.Count];
        foreach (var (phrase, _, start, length) in _matcher.FindAllAt(tokens))
        {
            (hits[phrase] ??= []).Add(Token.Span(tokens, start, length));
        }

        var evidence = new List<TensionEvidence>();
        var weighted = 0.0;
        for (var i = 0; i < hits.Length; i++)
        {
            if (hits[i] is { } spans)
            {
                var (term, weight, category) = _terms[i];
                weighted += weight * spans.Count;
                evidence.Add(new TensionEvidence(term, weight, spans.Count) { Category = category.Id, Kind = category.Kind, Positions = spans });
            }
        }

        if (weighted <= 0)
        {
            return TensionScore.Calm;
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
        };
    }
}
