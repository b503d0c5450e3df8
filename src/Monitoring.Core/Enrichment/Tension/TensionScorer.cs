using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment.Tension;

internal sealed class TensionScorer
{
    private readonly TensionLexicon _lexicon;
    private readonly PhraseMatcher _matcher = new();
    private readonly List<(string Term, double Weight)> _terms = [];

    public TensionScorer(TensionLexicon lexicon)
    {
        _lexicon = lexicon;
        foreach (var (term, weight) in lexicon.Terms)
        {
            _matcher.Add(term);
            _terms.Add((term, weight));
        }
    }

    public TensionScore Score(IReadOnlyList<Token> tokens)
    {
        var counts = new int[_terms.Count];
        foreach (var (phrase, _) in _matcher.FindAll(tokens))
        {
            counts[phrase]++;
        }

        var evidence = new List<TensionEvidence>();
        var weighted = 0.0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                weighted += _terms[i].Weight * counts[i];
                evidence.Add(new TensionEvidence(_terms[i].Term, _terms[i].Weight, counts[i]));
            }
        }

        if (weighted <= 0)
        {
            return TensionScore.Calm;
        }

        var density = weighted * 100 / Math.Max(tokens.Count, _lexicon.MinimumWords);
        var value = Math.Round(100 * (1 - Math.Exp(-density / _lexicon.Saturation)), 1);
        return new TensionScore(value, evidence.OrderByDescending(item => item.Weight * item.Count).ToList());
    }
}
