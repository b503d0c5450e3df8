using System.Text.Json;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Enrichment.Tension;
using Monitoring.Core.Enrichment.Text;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Enrichment;

/// <summary>
/// The shipped topic and tension term lists, read as the taggers read them. Terms of a declined language are stems
/// with that language's endings, so two forms of one word ("skup", "skupu") would be one term counted twice.
/// </summary>
public sealed class TermListsTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    [Theory]
    [InlineData("en")]
    [InlineData("sr")]
    [InlineData("hr")]
    [InlineData("bs")]
    [InlineData("sq")]
    [InlineData("mk")]
    public void NoTwoTermsOfOneTopicOrCategory_FindTheSameWords(string language)
    {
        var family = fixture.Model.TermFamily(language);
        var twins = new List<string>();
        foreach (var (group, terms) in Groups())
        {
            var matcher = new PhraseMatcher(fixture.Model.Inflection);
            foreach (var term in terms)
            {
                matcher.Add(term);
            }

            for (var i = 0; i < terms.Count; i++)
            {
                if (terms[i].Contains('*', StringComparison.Ordinal) || terms[i].Contains('_', StringComparison.Ordinal))
                {
                    continue;
                }

                // The term's own words as text: any other term that takes all of them is the same word twice.
                var tokens = Tokenizer.Tokenize(terms[i].Replace("=", string.Empty, StringComparison.Ordinal));
                twins.AddRange(matcher.FindAllAt(tokens, family)
                    .Where(hit => hit.Phrase != i && hit.Start == 0 && hit.Length == tokens.Count)
                    .Select(hit => $"{group}: '{terms[i]}' and '{terms[hit.Phrase]}'"));
            }
        }

        Assert.True(twins.Count == 0, string.Join("; ", twins));
    }

    private IEnumerable<(string Group, List<string> Terms)> Groups()
    {
        var tension = JsonSerializer.Deserialize<TensionLexicon>(File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, "enrichment", "tension.json")))!;
        return tension.Categories.Select(category => (category.Id, category.Terms.Keys.ToList()))
            .Concat(fixture.Model.Topics.Select(topic => ("topic " + topic.Id, topic.Terms.Keys.ToList())));
    }
}
