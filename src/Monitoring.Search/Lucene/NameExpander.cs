using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Monitoring.Core.Search.Names;

namespace Monitoring.Search.Lucene;

/// <summary>
/// The other names of a typed place, country or person (<see cref="NameGroup"/>), compared through the index's
/// own analysis: "Beogradu", "Београд" and "Beograd" are one name to it, so only names that analyse differently
/// (Belgrade, Beogradi) are worth adding to a search. Built once, read by any number of parsers at once.
/// </summary>
internal sealed class NameExpander
{
    // A name that would add more terms than this to one word is not a name analysts mean; the cap keeps a query small.
    private const int MaximumAlternatives = 12;

    private readonly Lazy<Index> _index;

    public NameExpander(IReadOnlyList<NameGroup> groups, Analyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(analyzer);
        _index = new Lazy<Index>(() => Index.Build(groups, analyzer));
    }

    /// <summary>
    /// The names that mean what <paramref name="text"/> means and match other words in the index, display
    /// name first; empty when the text is not a whole name of any group.
    /// </summary>
    public IReadOnlyList<string> AlternativesOf(string text)
    {
        var index = _index.Value;
        var key = index.KeyOf(text);
        if (key.Length == 0 || !index.GroupsByKey.TryGetValue(key, out var groups))
        {
            return [];
        }

        return groups
            .SelectMany(group => index.Groups[group])
            .Where(name => name.Key != key)
            .DistinctBy(name => name.Key)
            .Take(MaximumAlternatives)
            .Select(name => name.Surface)
            .ToList();
    }

    // Abbreviations (SAD, SHBA, USA) are ordinary words in another language ("sad") and two-letter names are
    // noise; neither is a name worth searching for, nor one a typed word should be read as.
    private static bool IsSearchableName(string name) => name.Any(char.IsLower) && name.Count(char.IsLetter) >= 3;

    private sealed class Index(Analyzer analyzer)
    {
        public Dictionary<string, List<int>> GroupsByKey { get; } = new(StringComparer.Ordinal);

        public List<(string Surface, string Key)[]> Groups { get; } = [];

        public static Index Build(IReadOnlyList<NameGroup> groups, Analyzer analyzer)
        {
            var index = new Index(analyzer);
            foreach (var group in groups)
            {
                var names = group.Names
                    .Where(IsSearchableName)
                    .Select(name => (Surface: name, Key: index.KeyOf(name)))
                    .Where(name => name.Key.Length > 0)
                    .DistinctBy(name => name.Key)
                    .ToArray();
                if (names.Length < 2)
                {
                    continue;
                }

                index.Groups.Add(names);
                foreach (var name in names)
                {
                    if (!index.GroupsByKey.TryGetValue(name.Key, out var ofKey))
                    {
                        index.GroupsByKey[name.Key] = ofKey = [];
                    }

                    ofKey.Add(index.Groups.Count - 1);
                }
            }

            return index;
        }

        /// <summary>The text's terms as the body field indexes them, joined by spaces.</summary>
        public string KeyOf(string text)
        {
            using var stream = analyzer.GetTokenStream(ArticleFields.Body, text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var terms = new List<string>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                terms.Add(term.ToString());
            }

            stream.End();
            return string.Join(' ', terms);
        }
    }
}
