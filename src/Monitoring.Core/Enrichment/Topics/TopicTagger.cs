using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment.Topics;

/// <summary>Assigns the topics of a <see cref="TopicCatalogue"/> by weighted term rules.</summary>
internal sealed class TopicTagger
{
    private readonly List<CompiledTopic> _topics;

    public TopicTagger(TopicCatalogue catalogue)
    {
        _topics = catalogue.Topics.Select(Compile).ToList();
    }

    public IReadOnlyList<TopicTag> Tag(IReadOnlyList<Token> tokens)
    {
        var tags = new List<TopicTag>();
        foreach (var topic in _topics)
        {
            var found = new Dictionary<int, string>();
            foreach (var (phrase, surface) in topic.Matcher.FindAll(tokens))
            {
                found.TryAdd(phrase, surface);
            }

            if (topic.Vetoes.Any(found.ContainsKey))
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

    private static CompiledTopic Compile(TopicDefinition definition)
    {
        var matcher = new PhraseMatcher();
        var terms = definition.Terms.Select(pair => (matcher.Add(pair.Key), pair.Value)).ToList();
        var allOf = definition.AllOf.Select(rule => (rule.Terms.Select(matcher.Add).ToArray(), rule.Weight)).ToList();
        var vetoes = definition.NoneOf.Select(matcher.Add).ToList();
        return new CompiledTopic(definition, matcher, terms, allOf, vetoes);
    }

    private sealed record CompiledTopic(
        TopicDefinition Definition,
        PhraseMatcher Matcher,
        List<(int Phrase, double Weight)> Terms,
        List<(int[] Phrases, double Weight)> AllOf,
        List<int> Vetoes);
}
