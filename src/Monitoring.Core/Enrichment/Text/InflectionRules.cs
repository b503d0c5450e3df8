using System.Collections.Frozen;

namespace Monitoring.Core.Enrichment.Text;

/// <summary>
/// The case endings and stem alternations of each language family, read from <c>seeds/enrichment/inflection.tsv</c>
/// (suffix tables, not word lists): a term is a stem plus its language's endings. Stem both sides of a comparison
/// with the same family and compare the stems: <c>For("sr").Stem("sapcu")</c> and <c>.Stem("sabac")</c> are both
/// "sapk" (Šapcu, Šabac), <c>For("sq").Stem("kosoven")</c> and <c>.Stem("kosova")</c> both "kosov".
/// Keys are folded lowercase words (<see cref="Token.Key"/>, <see cref="TextFolding"/>): Cyrillic and Latin meet.
/// Immutable once read, so one instance serves every thread.
/// </summary>
internal sealed class InflectionRules
{
    /// <summary>The file in <c>seeds/enrichment</c>.</summary>
    public const string FileName = "inflection.tsv";

    private const string AnyLanguage = "*";

    private readonly FrozenDictionary<string, InflectionFamily> _byLanguage;
    private readonly InflectionFamily? _fallback;

    private InflectionRules(IReadOnlyList<InflectionFamily> families)
    {
        Families = families;
        _byLanguage = families
            .SelectMany(family => family.Languages.Where(language => language != AnyLanguage).Select(language => (language, family)))
            .ToFrozenDictionary(pair => pair.language, pair => pair.family, StringComparer.Ordinal);
        _fallback = families.FirstOrDefault(family => family.Languages.Contains(AnyLanguage));
    }

    /// <summary>Every family of the file, in file order.</summary>
    public IReadOnlyList<InflectionFamily> Families { get; }

    /// <summary>
    /// The rules of an ISO 639-1 language ("sr", "hr", "sq"; a region subtag is ignored: "sr-Latn"), the "*" family
    /// for languages the file does not name, and null for English, which is matched as written.
    /// </summary>
    public InflectionFamily? For(string language)
    {
        var code = language.Length > 2 && language[2] == '-' ? language[..2] : language;
        if (code.StartsWith("en", StringComparison.Ordinal) && code.Length <= 2)
        {
            return null;
        }

        return _byLanguage.GetValueOrDefault(code) ?? _fallback;
    }

    /// <exception cref="InvalidDataException">A row is malformed; the message names file and line.</exception>
    public static InflectionRules Read(string path)
    {
        var builders = new Dictionary<string, InflectionFamily.Builder>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (fields, origin) in SeedTsv.ReadRows(path, minimumFields: 3))
        {
            if (!builders.TryGetValue(fields[0], out var family))
            {
                builders[fields[0]] = family = new InflectionFamily.Builder(fields[0]);
                order.Add(fields[0]);
            }

            var values = fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            switch (fields[1])
            {
                case "languages":
                    family.Languages.AddRange(values);
                    break;
                case "shortest" when values.Length == 1 && int.TryParse(values[0], out var shortest) && shortest > 0:
                    family.Shortest = shortest;
                    break;
                case "endings":
                    family.Endings.AddRange(values);
                    break;
                case "articles":
                    family.Articles.AddRange(values);
                    break;
                case "stem":
                    foreach (var rule in values)
                    {
                        var parts = rule.Split('→');
                        if (parts.Length != 2 || parts[0].Length == 0)
                        {
                            throw new InvalidDataException($"{origin}: a stem rule is written from→to, not '{rule}'.");
                        }

                        family.StemRules.Add((parts[0], parts[1]));
                    }

                    break;
                default:
                    throw new InvalidDataException($"{origin}: unknown rule '{fields[1]}' (languages, shortest, endings, articles or stem).");
            }
        }

        return new InflectionRules(order.Select(name => builders[name].Build()).ToList());
    }
}

/// <summary>The endings and alternations of one family of languages (Serbian, Croatian, Bosnian and Montenegrin are one).</summary>
internal sealed class InflectionFamily
{
    // Longest first, so "ima" is removed before "a".
    private readonly string[] _endings;
    private readonly (string From, string To)[] _stemRules;
    private readonly FrozenSet<string> _articles;
    private readonly string? _article;

    private InflectionFamily(string name, IReadOnlyList<string> languages, int shortest, IEnumerable<string> endings, IEnumerable<(string, string)> stemRules, IReadOnlyList<string> articles)
    {
        Name = name;
        Languages = languages;
        Shortest = shortest;
        _endings = endings.Distinct(StringComparer.Ordinal).OrderByDescending(ending => ending.Length).ToArray();
        _stemRules = stemRules.ToArray();
        _articles = articles.ToFrozenSet(StringComparer.Ordinal);
        _article = articles.Count > 0 ? articles[0] : null;
    }

    /// <summary>The family's name in the file ("sh", "sq").</summary>
    public string Name { get; }

    public IReadOnlyList<string> Languages { get; }

    /// <summary>The shortest stem an ending may leave; shorter words are their own stem.</summary>
    public int Shortest { get; }

    /// <summary>
    /// The stem of one folded lowercase word: its longest ending removed (when at least <see cref="Shortest"/>
    /// letters are left), then the stem rules. Words not ending in a letter are their own stem.
    /// </summary>
    public string Stem(string key)
    {
        if (_article is not null && _articles.Contains(key))
        {
            return _article;
        }

        if (key.Length == 0 || !char.IsLetter(key[^1]))
        {
            return key;
        }

        // A short word keeps its letters but still meets its declined forms: Beč (bec) and Beču (bec → bek) at bek.
        var stem = Strip(key) ?? key;
        foreach (var (from, to) in _stemRules)
        {
            if (stem.EndsWith(from, StringComparison.Ordinal) && stem.Length - from.Length + to.Length >= Shortest)
            {
                stem = string.Concat(stem.AsSpan(0, stem.Length - from.Length), to);
            }
        }

        return stem;
    }

    /// <summary>
    /// The word without its longest ending and without any alternation, or null when it has none: the form a
    /// foreign name is written in before the ending is added (Londonu → london, Helsinkiju → helsinki).
    /// </summary>
    public string? Strip(string key)
    {
        if (key.Length <= Shortest || !char.IsLetter(key[^1]))
        {
            return null;
        }

        foreach (var ending in _endings)
        {
            if (key.Length - ending.Length >= Shortest && key.EndsWith(ending, StringComparison.Ordinal))
            {
                // Skoplju is Skoplje + u: the j of lj and nj is part of the letter, not of the ending.
                var length = ending == "ju" && key[^3] is 'l' or 'n' ? 1 : ending.Length;
                return key[..^length];
            }
        }

        return null;
    }

    /// <summary>Stems each word of a space-separated key ("crnoj gori" → "crn gor").</summary>
    public string StemPhrase(string key) =>
        key.Contains(' ', StringComparison.Ordinal)
            ? string.Join(' ', key.Split(' ').Select(Stem))
            : Stem(key);

    /// <summary>Collects the rows of one family while the file is read.</summary>
    internal sealed class Builder(string name)
    {
        public List<string> Languages { get; } = [];

        public int Shortest { get; set; } = 3;

        public List<string> Endings { get; } = [];

        public List<string> Articles { get; } = [];

        public List<(string From, string To)> StemRules { get; } = [];

        public InflectionFamily Build() => new(name, Languages, Shortest, Endings, StemRules, Articles);
    }
}
