using System.Text.Json;
using Monitoring.Core.Enrichment.Countries;
using Monitoring.Core.Enrichment.Language;
using Monitoring.Core.Enrichment.People;
using Monitoring.Core.Enrichment.Tension;
using Monitoring.Core.Enrichment.Text;
using Monitoring.Core.Enrichment.Topics;

namespace Monitoring.Core.Enrichment;

/// <summary>
/// Everything enrichment knows, loaded once from <c>seeds/enrichment/</c>: the gazetteer
/// (<c>gazetteer.tsv</c>, <c>countries.tsv</c>), the topic rules (<c>topics.json</c>), the tension lexicon
/// (<c>tension.json</c>), <c>common-words.txt</c>, <c>ambiguity.tsv</c> with <c>first-names.tsv</c> and <c>person-cues.tsv</c>, the curated actors
/// (<c>actors.tsv</c>), the case endings (<c>inflection.tsv</c>) and the language profiles (<c>language-profiles.tsv</c>). Immutable after loading, so it can be shared.
/// </summary>
public sealed class EnrichmentModel
{
    private readonly IReadOnlyDictionary<string, string> _countryNames;
    private readonly Dictionary<string, string> _codesByCountryName;
    private readonly Dictionary<string, TopicDefinition> _topics;

    private EnrichmentModel(
        IReadOnlyDictionary<string, string> countryNames,
        IReadOnlyList<GazetteerEntry> gazetteer,
        TopicCatalogue topics,
        TensionLexicon tension,
        IReadOnlyList<string> commonWords,
        AmbiguityRules ambiguity,
        IReadOnlyList<Actor> actors,
        LanguageDetector languageDetector,
        InflectionRules inflection)
    {
        _countryNames = countryNames;
        _codesByCountryName = CodesByCountryName(countryNames, gazetteer);
        _topics = topics.Topics.ToDictionary(topic => topic.Id, StringComparer.Ordinal);
        Topics = topics.Topics;
        Inflection = inflection;
        Countries = new CountryTagger(gazetteer, CountryName, ambiguity, inflection);
        TopicTagger = new TopicTagger(topics, inflection);
        TensionScorer = new TensionScorer(tension, inflection);
        Actors = new ActorTagger(actors, new PersonTagger(Countries.IsPlace, commonWords, ambiguity.Cues));
        ActorList = actors;
        LanguageDetector = languageDetector;
    }

    /// <summary>The topic taxonomy in file order (for filters and legends).</summary>
    public IReadOnlyList<TopicDefinition> Topics { get; }

    /// <summary>Codes and English names of every country the gazetteer knows.</summary>
    public IReadOnlyDictionary<string, string> CountryNames => _countryNames;

    internal CountryTagger Countries { get; }

    /// <summary>
    /// The case endings of the region's languages (<c>inflection.tsv</c>): taggers that match words of a declined
    /// language stem both their terms and the text with <c>Inflection.For(language)</c>.
    /// </summary>
    internal InflectionRules Inflection { get; }

    internal TopicTagger TopicTagger { get; }

    /// <summary>
    /// The family whose endings topic and tension terms are matched with in text of <paramref name="language"/>:
    /// the region's declined languages named in <c>inflection.tsv</c>; null for English and for languages the file
    /// does not name, which keep the light English stem (their terms are English or written as prefixes).
    /// </summary>
    internal InflectionFamily? TermFamily(string language) =>
        Inflection.For(language) is { } family && !family.Languages.Contains("*") ? family : null;

    internal TensionScorer TensionScorer { get; }

    internal ActorTagger Actors { get; }

    /// <summary>The curated people and organisations (<c>actors.tsv</c>).</summary>
    public IReadOnlyList<Actor> ActorList { get; }

    /// <summary>The language detector built from <c>language-profiles.tsv</c>.</summary>
    public LanguageDetector LanguageDetector { get; }

    /// <param name="seedsFolder">The <c>seeds</c> folder; the model is read from its <c>enrichment</c> subfolder.</param>
    /// <exception cref="InvalidDataException">A model file is malformed; the message names it.</exception>
    public static EnrichmentModel LoadFrom(string seedsFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seedsFolder);
        var folder = Path.Combine(seedsFolder, "enrichment");
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No enrichment model at {Path.GetFullPath(folder)}: run from the repository root or point --seeds (Ingestion:SeedsPath in the app) at the seeds folder.");
        }

        var gazetteer = GazetteerFile.ReadEntries(Path.Combine(folder, GazetteerFile.EntriesFileName));
        var actors = Actor.ReadAll(Path.Combine(folder, "actors.tsv"));
        return new EnrichmentModel(
            GazetteerFile.ReadCountries(Path.Combine(folder, GazetteerFile.CountriesFileName)),
            gazetteer,
            ReadJson<TopicCatalogue>(Path.Combine(folder, "topics.json")),
            ReadJson<TensionLexicon>(Path.Combine(folder, "tension.json")),
            File.ReadLines(Path.Combine(folder, "common-words.txt"))
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .ToList(),
            AmbiguityRules.Read(folder, actors, gazetteer),
            actors,
            LanguageDetector.Read(Path.Combine(folder, "language-profiles.tsv")),
            InflectionRules.Read(Path.Combine(folder, InflectionRules.FileName)));
    }

    /// <summary>
    /// The gazetteer entry a place name, demonym or place adjective is when looked up alone and exactly as a
    /// dictionary form ("Beograd", "Srbin", "srpski"), without the tagger's case endings or context rules; null
    /// when it names no country. Evaluations build their gold from it.
    /// </summary>
    public GazetteerEntry? LookUpPlace(string name) => Countries.LookUp(name);

    /// <summary>
    /// True when the gazetteer says a name is no country although it holds one's word ("Latinska Amerika",
    /// "Georgia Tech"): evaluations take its words out of their gold.
    /// </summary>
    public bool IsBlockedPlace(string name) => Countries.IsBlocked(name);

    /// <summary>The English short name of a country, or the code itself when it is unknown.</summary>
    public string CountryName(string code) => _countryNames.GetValueOrDefault(code, code);

    /// <summary>
    /// The code of a country written by one of its names in any language the gazetteer has ("Turkey", "Türkiye",
    /// "Czech Republic", "Србија"), compared on folded keys; null when no country is called that. Cities,
    /// demonyms and regions are not names of a country.
    /// </summary>
    public string? CountryCodeOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _codesByCountryName.GetValueOrDefault(GazetteerBuilder.Key(name));
    }

    /// <summary>The display label of a topic, or the id itself when it is unknown.</summary>
    public string TopicLabel(string topicId) => _topics.TryGetValue(topicId, out var topic) ? topic.Label : topicId;

    // The English short names of countries.tsv first, then curated names, then the rest in file order: where two
    // countries share a name in some language, the more authoritative spelling decides.
    private static Dictionary<string, string> CodesByCountryName(IReadOnlyDictionary<string, string> countryNames, IReadOnlyList<GazetteerEntry> gazetteer)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = countryNames.Select(pair => (Text: pair.Value, Code: pair.Key))
            .Concat(gazetteer
                .Where(entry => entry.Kind == GazetteerKind.Name && countryNames.ContainsKey(entry.Code))
                .OrderByDescending(entry => entry.Origin == "curated")
                .Select(entry => (entry.Text, entry.Code)));
        foreach (var (text, code) in names)
        {
            codes.TryAdd(GazetteerBuilder.Key(text), code);
        }

        return codes;
    }

    private static T ReadJson<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path}: empty model file.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }
}
