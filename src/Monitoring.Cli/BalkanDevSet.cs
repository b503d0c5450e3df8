using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Cli;

/// <summary>One hand-labelled item of the Balkan-language development set (docs/quality.md has the guide).</summary>
/// <param name="Id"><c>rts:NUMBER</c> (the article number of an RTS URL), <c>ud:sr|hr:SENT_ID</c> or <c>own:LANG:N</c>.</param>
/// <param name="Variant">sr-Cyrl, sr-Latn, hr, sq or mk.</param>
/// <param name="Outlet">The outlet the item comes from or is written in the style of; given to the enricher as the source.</param>
/// <param name="Text">The headline or sentence: stored in the set for our own items, read from the corpora for the others.</param>
internal sealed record BalkanDevItem(
    string Id,
    string Variant,
    string Outlet,
    IReadOnlySet<string> Countries,
    bool Unrest,
    bool Tense,
    IReadOnlySet<string> Topics,
    string Text)
{
    /// <summary>The country of the outlet (the set's <c># outlets:</c> line), as a configured source knows it; null for a regional outlet.</summary>
    public string? OutletCountry { get; init; }

    /// <summary>Where the item comes from: "rts", "ud" or "own" (the prefix of its id).</summary>
    public string Source => Id.Split(':')[0];

    /// <summary>The language the enricher is told, as a feed would declare it: both Serbian scripts are "sr".</summary>
    public string Language => Variant.StartsWith("sr-", StringComparison.Ordinal) ? "sr" : Variant;

    /// <summary>
    /// The fixed split: the development half when the first byte of SHA-256 of the id is even, else held out.
    /// A hash, not the order of the file, so that adding items never moves one from half to half.
    /// </summary>
    public bool IsDevelopment => SHA256.HashData(Encoding.UTF8.GetBytes(Id))[0] % 2 == 0;
}

/// <summary>
/// Reads the set (<c>seeds/evaluation/balkan-dev-set.tsv</c>): a header line, then one item a line with the
/// columns id, language, outlet, countries, unrest, tense, topics, text. Lines starting with '#' are comments,
/// except <c># topics: id, id…</c>, which names the topic ids that are labelled (the others are not scored), and
/// <c># outlets: Name=CC; Name=CC…</c>, the country of each outlet that has one (a feed's configured source knows it).
/// RTS headlines (© RTS) and UD sentences are not stored in the set: their text is read from the corpora folder
/// (balkans/rts.csv for Cyrillic, balkans/rts_latin.csv for Latin, ud-set/*_set-ud-dev.conllu), keyed by id.
/// Anything malformed is a <see cref="CommandLineException"/> naming the line.
/// </summary>
internal static class BalkanDevSet
{
    public const string Header = "id\tlanguage\toutlet\tcountries\tunrest\ttense\ttopics\ttext";

    public static readonly IReadOnlyList<string> Variants = ["sr-Cyrl", "sr-Latn", "hr", "sq", "mk"];

    private const string TopicsDirective = "# topics:";

    private const string OutletsDirective = "# outlets:";

    public static (IReadOnlyList<BalkanDevItem> Items, IReadOnlyList<string> Topics) Read(string path, string corpora, IReadOnlySet<string> knownTopics)
    {
        var lines = File.ReadAllLines(path);
        var content = lines.Select((line, index) => (Line: line, Number: index + 1)).Where(entry => entry.Line.Length > 0).ToList();
        var topicLine = content.FirstOrDefault(entry => entry.Line.StartsWith(TopicsDirective, StringComparison.Ordinal));
        if (topicLine.Line is null)
        {
            throw Problem(path, 0, $"no '{TopicsDirective} …' line naming the labelled topic ids.");
        }

        var topics = topicLine.Line[TopicsDirective.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var topic in topics.Where(topic => !knownTopics.Contains(topic)))
        {
            throw Problem(path, topicLine.Number, $"topic '{topic}' is not in the taxonomy (seeds/enrichment/topics.json).");
        }

        var outlets = new Dictionary<string, string>(StringComparer.Ordinal);
        var outletLine = content.FirstOrDefault(entry => entry.Line.StartsWith(OutletsDirective, StringComparison.Ordinal));
        foreach (var pair in outletLine.Line?[OutletsDirective.Length..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [])
        {
            var (name, code) = (pair.Split('=')[0].Trim(), pair.Split('=').ElementAtOrDefault(1)?.Trim() ?? "");
            if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
            {
                throw Problem(path, outletLine.Number, $"outlet '{pair}': write Name=CC with an ISO alpha-2 code.");
            }

            outlets[name] = code;
        }

        var rows = content.Where(entry => !entry.Line.StartsWith('#')).ToList();
        if (rows.Count == 0 || rows[0].Line != Header)
        {
            throw Problem(path, rows.Count == 0 ? 0 : rows[0].Number, $"the first line that is not a comment must be the header: {Header.Replace('\t', ' ')}");
        }

        var texts = new CorpusTexts(corpora);
        var items = new List<BalkanDevItem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, number) in rows.Skip(1))
        {
            var item = Parse(path, line, number, topics.ToHashSet(StringComparer.Ordinal), texts);
            if (!ids.Add(item.Id))
            {
                throw Problem(path, number, $"the id {item.Id} is in the set twice.");
            }

            items.Add(item with { OutletCountry = outlets.GetValueOrDefault(item.Outlet) });
        }

        return (items, topics);
    }

    private static BalkanDevItem Parse(string path, string line, int number, HashSet<string> topics, CorpusTexts texts)
    {
        var fields = line.Split('\t');
        if (fields.Length != 8)
        {
            throw Problem(path, number, $"{fields.Length} columns, expected 8 ({Header.Replace('\t', ' ')}).");
        }

        var (id, variant, outlet, text) = (fields[0], fields[1], fields[2], fields[7].Trim());
        if (!Variants.Contains(variant))
        {
            throw Problem(path, number, $"language '{variant}': give one of {string.Join(", ", Variants)}.");
        }

        var countries = Set(fields[3]);
        foreach (var code in countries.Where(code => code.Length != 2 || !code.All(char.IsAsciiLetterUpper)))
        {
            throw Problem(path, number, $"country '{code}': give ISO 3166 alpha-2 codes in capitals (XK for Kosovo), '-' for none.");
        }

        var labelled = Set(fields[6]);
        foreach (var topic in labelled.Where(topic => !topics.Contains(topic)))
        {
            throw Problem(path, number, $"topic '{topic}' is not one of the labelled topics ({string.Join(", ", topics)}).");
        }

        var kind = id.Split(':')[0];
        if (kind == "own")
        {
            if (text.Length == 0)
            {
                throw Problem(path, number, $"{id} is our own item and needs its text.");
            }
        }
        else if (kind is "rts" or "ud")
        {
            if (text.Length > 0)
            {
                // RTS headlines are © RTS and UD is CC BY-SA: the set refers to them, it never holds them.
                throw Problem(path, number, $"{id} comes from the corpora: leave its text empty, it is read from there.");
            }

            text = texts.Find(id, variant) ?? throw Problem(path, number, $"{id} ({variant}) is not in the corpora at {texts.Folder}.");
        }
        else
        {
            throw Problem(path, number, $"id '{id}': start it with rts:, ud: or own:.");
        }

        return new BalkanDevItem(id, variant, outlet, countries, YesNo(path, number, "unrest", fields[4]), YesNo(path, number, "tense", fields[5]), labelled, text);
    }

    private static HashSet<string> Set(string field) =>
        field.Trim() == "-"
            ? []
            : field.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static bool YesNo(string path, int number, string column, string value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => throw Problem(path, number, $"{column} '{value}': give yes or no."),
    };

    private static CommandLineException Problem(string path, int line, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"eval balkan: {path}{(line > 0 ? $":{line}" : "")}: {message}"));

    /// <summary>The texts of the corpora the set refers to, each file read once and only when an item needs it.</summary>
    private sealed class CorpusTexts(string folder)
    {
        private readonly Dictionary<string, Dictionary<string, string>> _files = new(StringComparer.Ordinal);

        public string Folder => folder;

        public string? Find(string id, string variant)
        {
            var parts = id.Split(':');
            var (file, key) = parts switch
            {
                ["rts", var article] => (Path.Combine("balkans", variant == "sr-Cyrl" ? "rts.csv" : "rts_latin.csv"), article),
                ["ud", "sr" or "hr", var sentence] => (Path.Combine("ud-set", $"{parts[1]}_set-ud-dev.conllu"), sentence),
                _ => (null, null),
            };
            if (file is null || key is null)
            {
                return null;
            }

            if (!_files.TryGetValue(file, out var texts))
            {
                var full = Path.Combine(folder, file);
                if (!File.Exists(full))
                {
                    throw new CommandLineException($"eval balkan: no such file {full} (give --corpora, the shared data folder).");
                }

                texts = file.EndsWith(".csv", StringComparison.Ordinal) ? RtsHeadlines(full) : UdSentences(full);
                _files[file] = texts;
            }

            return texts.GetValueOrDefault(key);
        }

        // headline,url,datePublished; the first row of each article number (rts.csv repeats a few).
        private static Dictionary<string, string> RtsHeadlines(string path)
        {
            var headlines = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var fields in File.ReadLines(path).Skip(1).Select(CsvFields).Where(fields => fields.Count >= 2))
            {
                var segments = fields[1].Split('/');
                if (segments.Length > 5)
                {
                    headlines.TryAdd(segments[5], fields[0].Trim());
                }
            }

            return headlines;
        }

        private static Dictionary<string, string> UdSentences(string path)
        {
            var sentences = new Dictionary<string, string>(StringComparer.Ordinal);
            string? sentence = null;
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith("# sent_id = ", StringComparison.Ordinal))
                {
                    sentence = line["# sent_id = ".Length..].Trim();
                }
                else if (line.StartsWith("# text = ", StringComparison.Ordinal) && sentence is not null)
                {
                    sentences.TryAdd(sentence, line["# text = ".Length..].Trim());
                }
            }

            return sentences;
        }

        // One CSV record on one line: fields in double quotes may hold commas and doubled quotes.
        private static List<string> CsvFields(string line)
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            return fields;
        }
    }
}
