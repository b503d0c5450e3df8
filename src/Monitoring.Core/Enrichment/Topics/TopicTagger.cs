using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment.Topics;

/// <summary>
/// Assigns the topics of a <see cref="TopicCatalogue"/> by weighted term rules. Every phrase of every topic
/// sits in one <see cref="PhraseMatcher"/>, so the text is read once whatever the size of the taxonomy.
/// </summary>
internal sealed class TopicTagger
{
    private readonly PhraseMatcher _matcher;
    private readonly List<CompiledTopic> _topics;
    private readonly int[] _topicOfPhrase;

    /// <param name="inflection">The case endings a term of a declined language is matched with; null reads every text as English.</param>
    public TopicTagger(TopicCatalogue catalogue, InflectionRules? inflection = null)
    {
        _matcher = new PhraseMatcher(inflection);
        _topics = catalogue.Topics.Select(Compile).ToList();

        // Every phrase was added for one topic (a term, a part of an allOf rule or a veto).
        _topicOfPhrase = new int[_topics.Sum(topic => topic.Terms.Count + topic.AllOf.Sum(rule => rule.Phrases.Length) + topic.Vetoes.Count)];
        for (var t = 0; t < _topics.Count; t++)
        {
            foreach (var phrase in _topics[t].Terms.Select(term => term.Phrase).Concat(_topics[t].AllOf.SelectMany(rule => rule.Phrases)).Concat(_topics[t].Vetoes))
            {
                _topicOfPhrase[phrase] = t;
            }
        }
    }

    /// <param name="tokens">Title and body.</param>
    /// <param name="family">The text's language family (<see cref="InflectionRules.For"/>); null for English.</param>
    /// <param name="stems">The tokens' stems in <paramref name="family"/>, when the caller has them already.</param>
    public IReadOnlyList<TopicTag> Tag(IReadOnlyList<Token> tokens, InflectionFamily? family = null, string[]? stems = null)
    {
        var found = new Dictionary<int, string>();
        foreach (var (phrase, surface, _, _) in _matcher.FindAllAt(tokens, family, stems))
        {
            found.TryAdd(phrase, surface);
        }

        var tags = new List<TopicTag>();
        if (found.Count == 0)
        {
            return tags;
        }

        // Only a topic that owns a phrase found in the text can score or be vetoed: most articles touch a few of them.
        var touched = new bool[_topics.Count];
        foreach (var phrase in found.Keys)
        {
            touched[_topicOfPhrase[phrase]] = true;
        }

        for (var t = 0; t < _topics.Count; t++)
        {
            var topic = _topics[t];
            if (!touched[t] || topic.Vetoes.Any(found.ContainsKey))
            {
                continue;
            }

            var score = 0.0;
            var evidence = new List<string>();
            foreach (var (phrase, weight) in topic.Terms)
            {
                if (found.TryGetValue(phrase, out var surface))
                {
                    score += weight;
                    AddDistinct(evidence, surface);
                }
            }

            foreach (var (phrases, weight) in topic.AllOf)
            {
                if (phrases.All(found.ContainsKey))
                {
                    score += weight;
                    foreach (var phrase in phrases)
                    {
                        AddDistinct(evidence, found[phrase]);
                    }
                }
            }

            if (score >= topic.Definition.Threshold && score > 0)
            {
                tags.Add(new TopicTag(topic.Definition.Id, topic.Definition.Label, score, evidence));
            }
        }

        return tags.OrderByDescending(tag => tag.Score).ThenBy(tag => tag.Id, StringComparer.Ordinal).ToList();
    }

    private static void AddDistinct(List<string> evidence, string surface)
    {
        if (!evidence.Contains(surface, StringComparer.OrdinalIgnoreCase))
        {
            evidence.Add(surface);
        }
    }

    private CompiledTopic Compile(TopicDefinition definition)
    {
        var terms = definition.Terms.Select(pair => (_matcher.Add(pair.Key), pair.Value)).ToList();
        var allOf = definition.AllOf.Select(rule => (rule.Terms.Select(_matcher.Add).ToArray(), rule.Weight)).ToList();
        var vetoes = definition.NoneOf.Select(_matcher.Add).ToList();
        return new CompiledTopic(definition, terms, allOf, vetoes);
    }

    private sealed record CompiledTopic(
        TopicDefinition Definition,
        List<(int Phrase, double Weight)> Terms,
        List<(int[] Phrases, double Weight)> AllOf,
        List<int> Vetoes);
}
