using System.Globalization;

namespace Monitoring.Core.Enrichment.Evaluation;

/// <summary>
/// Mention-level scores over a <see cref="MentionCorpus"/>: a gold toponym is found when one of the tagger's
/// country mentions overlaps its span, and correct when that mention's country is the gold one.
/// </summary>
/// <param name="comparable">The code to compare (a withdrawn state's successor), applied to both sides.</param>
public sealed class MentionTally(Func<string, string> comparable)
{
    private readonly Dictionary<string, int> _wrong = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];

    /// <summary>Gold toponyms counted (those with an unknown gold country included).</summary>
    public int Gold { get; private set; }

    public int Found { get; private set; }

    public int Correct { get; private set; }

    /// <summary>Gold toponyms whose country name the gazetteer does not know: counted in <see cref="Gold"/>, never found.</summary>
    public int UnknownCountry { get; private set; }

    /// <summary>Found / gold; null when there is no gold toponym.</summary>
    public double? FoundShare => Gold == 0 ? null : (double)Found / Gold;

    /// <summary>Correct / found; null when nothing was found.</summary>
    public double? Precision => Found == 0 ? null : (double)Correct / Found;

    /// <summary>Correct / gold; null when there is no gold toponym.</summary>
    public double? Accuracy => Gold == 0 ? null : (double)Correct / Gold;

    /// <summary>"phrase: gold→predicted" with how often, most frequent first.</summary>
    public IEnumerable<KeyValuePair<string, int>> WrongCountries => _wrong.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal);

    /// <summary>One tab-separated line per miss: kind, phrase, gold, predicted, gold note, context.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public const string ErrorHeader = "kind\tphrase\tgold\tpredicted\tgold note\tcontext";

    public void Add(MentionArticle article, IReadOnlyList<CountryTag> countries)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(countries);
        var spans = countries
            .SelectMany(country => country.Positions.Select(span => (country.Code, span.Start, End: span.Start + span.Length)))
            .ToList();
        foreach (var toponym in article.Toponyms)
        {
            Gold++;
            if (toponym.Code is not { } expected)
            {
                UnknownCountry++;
                continue;
            }

            var overlapping = spans.Where(span => span.Start < toponym.End && toponym.Start < span.End).Select(span => span.Code).ToList();
            var context = Context(article.Text, toponym.Start, toponym.End);
            if (overlapping.Count == 0)
            {
                _errors.Add($"not found\t{toponym.Phrase}\t{expected}\t\t{toponym.Note}\t{context}");
                continue;
            }

            Found++;
            if (overlapping.Any(code => comparable(code) == comparable(expected)))
            {
                Correct++;
                continue;
            }

            var key = $"{toponym.Phrase}: {expected}→{overlapping[0]}";
            _wrong[key] = _wrong.GetValueOrDefault(key) + 1;
            _errors.Add($"wrong\t{toponym.Phrase}\t{expected}\t{string.Join(',', overlapping)}\t{toponym.Note}\t{context}");
        }
    }

    /// <summary>A share as "0.xxx", or "—" when it is undefined (nothing to divide by).</summary>
    public static string Format(double? share) =>
        share is { } value ? value.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    private static string Context(string text, int start, int end)
    {
        var from = Math.Clamp(start - 40, 0, text.Length);
        var to = Math.Clamp(end + 40, from, text.Length);
        return text[from..to].ReplaceLineEndings(" ").Replace('\t', ' ');
    }
}
