using System.Collections.Frozen;
using Monitoring.Core.Enrichment.Countries;
using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment.People;

/// <summary>
/// The words that make a capitalised word read as a person rather than a place, read from
/// <c>first-names.tsv</c> (given names of the region's languages and English) and <c>person-cues.tsv</c>
/// (titles, royal titles, verbs of saying, the auxiliaries that may stand between a verb and a name). Both
/// files hold one form a line; folded keys put both scripts in one key space ("Милан" = "Milan") and, outside
/// English, the stemmer finds declined forms (Milana, Milanu, Milanom; ministra, ministru; rekla, rekli).
/// </summary>
internal sealed class PersonCues
{
    public const string FirstNamesFileName = "first-names.tsv";

    public const string CuesFileName = "person-cues.tsv";

    private readonly FrozenSet<string> _firstNameKeys;
    private readonly FrozenSet<string> _firstNameStems;
    private readonly FrozenDictionary<string, PersonCue> _cueKeys;
    private readonly FrozenDictionary<string, PersonCue> _cueStems;

    public PersonCues(IEnumerable<string> firstNames, IEnumerable<(string Form, PersonCue Cue)> cues)
    {
        var names = firstNames.Select(GazetteerBuilder.Key).Where(key => key.Length > 0).ToList();
        _firstNameKeys = names.ToFrozenSet(StringComparer.Ordinal);
        _firstNameStems = names.Select(Inflection.Stem).ToFrozenSet(StringComparer.Ordinal);
        var cueList = cues.Select(cue => (Key: GazetteerBuilder.Key(cue.Form), cue.Cue)).Where(cue => cue.Key.Length > 0).ToList();
        _cueKeys = cueList.DistinctBy(cue => cue.Key, StringComparer.Ordinal).ToFrozenDictionary(cue => cue.Key, cue => cue.Cue, StringComparer.Ordinal);
        _cueStems = cueList
            .Select(cue => (Key: Inflection.Stem(cue.Key), cue.Cue))
            .DistinctBy(cue => cue.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(cue => cue.Key, cue => cue.Cue, StringComparer.Ordinal);
    }

    public static PersonCues None { get; } = new([], []);

    /// <summary>Reads <c>first-names.tsv</c> and <c>person-cues.tsv</c> from the enrichment folder.</summary>
    /// <exception cref="InvalidDataException">A cue line names an unknown kind; the message names file and line.</exception>
    public static PersonCues Read(string folder)
    {
        var firstNames = SeedTsv.ReadRows(Path.Combine(folder, FirstNamesFileName), minimumFields: 1)
            .Select(row => row.Fields[0].Trim())
            .ToList();
        var cues = new List<(string, PersonCue)>();
        foreach (var (fields, origin) in SeedTsv.ReadRows(Path.Combine(folder, CuesFileName), minimumFields: 2))
        {
            if (!Enum.TryParse<PersonCue>(fields[1], ignoreCase: true, out var cue) || cue == PersonCue.None)
            {
                throw new InvalidDataException($"{origin}: unknown cue '{fields[1]}' (expected title, royal, saying or auxiliary).");
            }

            cues.Add((fields[0].Trim(), cue));
        }

        return new PersonCues(firstNames, cues);
    }

    /// <summary>A given name, as written or (outside English) declined: Milan, Milana, Милану.</summary>
    public bool IsFirstName(in Token token, bool inflected) =>
        _firstNameKeys.Contains(token.Key) || (inflected && token.Key.Length > 3 && _firstNameStems.Contains(Inflection.Stem(token.Key)));

    /// <summary>What the word is as a cue: a title, a royal title, a verb of saying, an auxiliary, or none.</summary>
    public PersonCue CueOf(in Token token, bool inflected)
    {
        if (_cueKeys.TryGetValue(token.Key, out var cue))
        {
            return cue;
        }

        return inflected && token.Key.Length > 3 && _cueStems.TryGetValue(Inflection.Stem(token.Key), out cue) ? cue : PersonCue.None;
    }
}

/// <summary>The kinds of <c>person-cues.tsv</c>.</summary>
internal enum PersonCue
{
    None,

    /// <summary>A title or office before a name: poslanik, ministarka, kryeministri, премиерот, minister.</summary>
    Title,

    /// <summary>A royal title: "Kralja Milana" is a street named after a king, neither a place nor a person of the news.</summary>
    Royal,

    /// <summary>A verb of saying next to a name: rekao, kaže, izjavila, tha, изјави, said.</summary>
    Saying,

    /// <summary>A word that may stand between a verb of saying and the name: je, su, has.</summary>
    Auxiliary,
}
