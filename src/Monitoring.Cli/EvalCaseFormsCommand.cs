using System.Globalization;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Enrichment.Countries;
using Monitoring.Core.Enrichment.Evaluation;

namespace Monitoring.Cli;

/// <summary>
/// <c>eval case-forms FILE.conllu [FILE2.conllu] [--seeds DIR] [--errors FILE]</c>: are places found in every
/// case form? On a treebank with human lemmas (UD SETimes), the gold is every word whose lemma the gazetteer
/// resolves to a country when looked up alone (a proper noun, a place adjective or a demonym; a name of several
/// words, such as Novom Sadu → Novi Sad, by its words' lemmas), and the prediction is the countries the tagger
/// finds in the inflected sentence at that word. With two files that translate the same articles (their
/// <c># parallel_id</c>s), it also counts how often both versions of an article get the same countries.
/// </summary>
internal static class EvalCaseFormsCommand
{
    // Words that only join the parts of a name ("Bosna i Hercegovina"): a mention spanning them is no extra claim.
    private static readonly HashSet<string> JoiningPartsOfSpeech = new(["ADP", "CCONJ", "SCONJ", "DET", "PUNCT", "AUX", "PART"], StringComparer.Ordinal);

    private sealed record Pair(int Sentence, int Word, string Code);

    private sealed record FileResult(string Name, LabelCounts Scores, IReadOnlyList<UdSentence> Sentences, IReadOnlyList<IReadOnlyList<CountryTag>> CountriesBySentence);

    public static int Run(IReadOnlyList<string> args)
    {
        var files = CliOptions.Positional(args);
        if (files.Count is 0 or > 2)
        {
            throw new CommandLineException("eval case-forms: give one or two CoNLL-U files (e.g. ../shared/data/ud-set/sr_set-ud-dev.conllu and hr_set-ud-dev.conllu).");
        }

        var sentencesByFile = files.Select(file => (File: CliOptions.ExistingFile(file, "eval case-forms"), Sentences: Read(file))).ToList();
        var model = EnrichmentModel.LoadFrom(CliOptions.Value(args, "--seeds") ?? "seeds");
        var enricher = new ArticleEnricher(model);
        var errorsFile = CliOptions.Value(args, "--errors");
        var errorLines = new List<string> { "file\tkind\tclass\tsentence\tword\tlemma\tgold\tpredicted\ttext" };

        var results = sentencesByFile.Select(pair => Evaluate(pair.File, pair.Sentences, model, enricher, errorLines)).ToList();
        if (results.Count == 2)
        {
            ReportAgreement(results[0], results[1], errorLines);
        }

        if (errorsFile is not null)
        {
            File.WriteAllLines(errorsFile, errorLines);
            Console.WriteLine($"Wrote {errorLines.Count - 1} errors to {errorsFile}.");
        }

        // The lower of the files: the aim holds only when it holds for each.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"case-form F1: {results.Min(result => result.Scores.F1):0.00}"));
        return 0;
    }

    private static IReadOnlyList<UdSentence> Read(string file)
    {
        try
        {
            return ConlluReader.Read(file);
        }
        catch (InvalidDataException problem)
        {
            throw new CommandLineException($"eval case-forms: {problem.Message}");
        }
    }

    private static FileResult Evaluate(string file, IReadOnlyList<UdSentence> sentences, EnrichmentModel model, ArticleEnricher enricher, List<string> errorLines)
    {
        var name = Path.GetFileName(file);
        var language = LanguageOf(name);
        var gold = new HashSet<Pair>();
        var predicted = new HashSet<Pair>();
        var countriesBySentence = new List<IReadOnlyList<CountryTag>>();
        var goldClass = new Dictionary<Pair, string>();
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            foreach (var (word, entry) in Gold(sentence.Words, model))
            {
                var pair = new Pair(s, word, entry.Code);
                gold.Add(pair);
                goldClass[pair] = Class(sentence.Words[word], entry);
            }

            var article = new Article
            {
                Id = ArticleId.ForContent("ud", sentence.Id, sentence.Text),
                Title = "",
                Paragraphs = [sentence.Text],
                Source = name,
                Language = language,
                IngestedAt = DateTimeOffset.UnixEpoch,
            };
            var countries = enricher.Enrich(article).Tags.Countries;
            countriesBySentence.Add(countries);
            for (var w = 0; w < sentence.Words.Count; w++)
            {
                var word = sentence.Words[w];
                if (word.Start < 0 || JoiningPartsOfSpeech.Contains(word.PartOfSpeech))
                {
                    continue;
                }

                foreach (var country in countries.Where(country => country.Positions.Any(span => span.Start < word.Start + word.Form.Length && word.Start < span.Start + span.Length)))
                {
                    predicted.Add(new Pair(s, w, country.Code));
                }
            }
        }

        var scores = new LabelCounts(name, gold.Count(predicted.Contains), predicted.Count(pair => !gold.Contains(pair)), gold.Count(pair => !predicted.Contains(pair)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {sentences.Count} sentences, {gold.Count} gold (word, country) pairs, language {language}."));
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| precision | {scores.Precision:0.000} ({scores.TruePositives} of {scores.TruePositives + scores.FalsePositives}) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| recall | {scores.Recall:0.000} ({scores.TruePositives} of {scores.Support}) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| F1 | {scores.F1:0.000} |"));

        var misses = gold.Where(pair => !predicted.Contains(pair)).ToList();
        var extras = predicted.Where(pair => !gold.Contains(pair)).ToList();
        var byClass = misses.GroupBy(pair => goldClass[pair]).Select(group => $"{group.Key} ×{group.Count()}")
            .Concat(extras.GroupBy(pair => "extra " + sentences[pair.Sentence].Words[pair.Word].PartOfSpeech).Select(group => $"{group.Key} ×{group.Count()}"));
        Console.WriteLine($"Misses by class: {string.Join("; ", byClass.OrderBy(text => text, StringComparer.Ordinal))}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"case-form F1 {name}: {scores.F1:0.00}"));
        Console.WriteLine();

        foreach (var pair in misses)
        {
            errorLines.Add(ErrorLine(name, "missed", goldClass[pair], sentences[pair.Sentence], pair, predicted));
        }

        foreach (var pair in extras)
        {
            errorLines.Add(ErrorLine(name, "extra", sentences[pair.Sentence].Words[pair.Word].PartOfSpeech, sentences[pair.Sentence], pair, gold));
        }

        return new FileResult(name, scores, sentences, countriesBySentence);
    }

    /// <summary>
    /// Gold words: runs of capitalised nouns and adjectives looked up as a name of several words (longest first,
    /// adjectives in their dictionary form agreeing in gender and number: "Novom Sadu" → "Novi Sad"), then single
    /// proper nouns by their lemma, and adjectives and common nouns when their lemma is a place adjective or demonym.
    /// The words of a name the gazetteer blocks (Latinska Amerika) are no gold.
    /// </summary>
    private static IEnumerable<(int Word, GazetteerEntry Entry)> Gold(IReadOnlyList<UdWord> words, EnrichmentModel model)
    {
        var done = new bool[words.Count];
        for (var start = 0; start < words.Count; start++)
        {
            var end = start;
            while (end < words.Count && IsNameWord(words[end]))
            {
                end++;
            }

            for (var length = end - start; length >= 2; length--)
            {
                var phrase = string.Join(' ', Enumerable.Range(start, length).Select(k => DictionaryForm(words[k])));
                // "Latinskoj Americi" is a region, not the USA: no word of a blocked name is gold.
                if (model.IsBlockedPlace(phrase))
                {
                    Array.Fill(done, true, start, length);
                    start += length - 1;
                    break;
                }

                if (model.LookUpPlace(phrase) is { } entry)
                {
                    for (var k = start; k < start + length; k++)
                    {
                        done[k] = true;
                        yield return (k, entry);
                    }

                    start += length - 1;
                    break;
                }
            }
        }

        for (var k = 0; k < words.Count; k++)
        {
            if (done[k] || model.LookUpPlace(words[k].Lemma) is not { } entry)
            {
                continue;
            }

            if (words[k].PartOfSpeech == "PROPN" || (words[k].PartOfSpeech is "ADJ" or "NOUN" && entry.Kind == GazetteerKind.Demonym))
            {
                yield return (k, entry);
            }
        }
    }

    private static bool IsNameWord(UdWord word) => word.IsCapitalised && word.PartOfSpeech is "PROPN" or "ADJ" or "NOUN";

    // Case endings of adjectives, longest first, to find the stem of an inflected adjective of a name.
    private static readonly string[] AdjectiveEndings = ["ima", "oga", "ome", "omu", "ega", "emu", "om", "em", "og", "oj", "ih", "im", "a", "e", "i", "o", "u"];

    // The lemma as it stands in a name: capitalised as written, and an adjective in the gender and number of the
    // word, built from the written form (UD lemmatises Novom to "nov", Južnoj to "južan"; the names say Novi, Južna).
    private static string DictionaryForm(UdWord word)
    {
        var lemma = word.Lemma;
        if (word.PartOfSpeech == "ADJ")
        {
            var form = word.Form.ToLowerInvariant();
            var ending = AdjectiveEndings.FirstOrDefault(candidate => form.Length > candidate.Length + 2 && form.EndsWith(candidate, StringComparison.Ordinal)) ?? "";
            var plural = word.Feature("Number") == "Plur";
            lemma = form[..^ending.Length] + (word.Feature("Gender"), plural) switch
            {
                ("Fem", false) => "a",
                ("Neut", false) => "o",
                ("Fem", true) => "e",
                ("Neut", true) => "a",
                _ => "i",
            };
        }

        return word.IsCapitalised && lemma.Length > 0 ? char.ToUpperInvariant(lemma[0]) + lemma[1..] : lemma;
    }

    private static string Class(UdWord word, GazetteerEntry entry)
    {
        var inflection = string.Equals(word.Form, word.Lemma, StringComparison.OrdinalIgnoreCase) ? "dictionary form" : word.Feature("Case") ?? "inflected";
        return $"missed {entry.Kind.ToString().ToLowerInvariant()} {word.PartOfSpeech} {inflection}";
    }

    private static string ErrorLine(string file, string kind, string errorClass, UdSentence sentence, Pair pair, HashSet<Pair> other)
    {
        var word = sentence.Words[pair.Word];
        var otherCodes = string.Join(',', other.Where(candidate => candidate.Sentence == pair.Sentence && candidate.Word == pair.Word).Select(candidate => candidate.Code));
        var (gold, predicted) = kind == "missed" ? (pair.Code, otherCodes) : (otherCodes, pair.Code);
        return $"{file}\t{kind}\t{errorClass}\t{sentence.Id}\t{word.Form}\t{word.Lemma}\t{gold}\t{predicted}\t{sentence.Text.Replace('\t', ' ')}";
    }

    private static string Codes(IEnumerable<IGrouping<string, CountryTag>> countries) => string.Join(',', countries.Select(country => country.Key).Order(StringComparer.Ordinal));

    private static string Evidence(IEnumerable<IGrouping<string, CountryTag>> countries) =>
        string.Join(", ", countries.Select(country => $"{country.Key} ({string.Join('|', country.SelectMany(tag => tag.Evidence).Distinct(StringComparer.Ordinal))})"));

    // sr_set-ud-dev.conllu → sr; a file named otherwise is read in the language the detector finds.
    private static string LanguageOf(string fileName) =>
        fileName.Length > 3 && fileName[2] == '_' && char.IsLetter(fileName[0]) && char.IsLetter(fileName[1]) ? fileName[..2].ToLowerInvariant() : "und";

    /// <summary>
    /// Pairs the articles of two translations by their sentences' parallel ids and compares the countries found in
    /// the sentences both have: an article agrees when both versions name the same set.
    /// </summary>
    private static void ReportAgreement(FileResult first, FileResult second, List<string> errorLines)
    {
        var secondByParallel = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < second.Sentences.Count; s++)
        {
            if (second.Sentences[s].ParallelId is { } id)
            {
                secondByParallel.TryAdd(id, s);
            }
        }

        var articles = 0;
        var agreeing = 0;
        foreach (var document in Enumerable.Range(0, first.Sentences.Count).GroupBy(s => first.Sentences[s].Document, StringComparer.Ordinal))
        {
            var shared = document
                .Where(s => first.Sentences[s].ParallelId is { } id && secondByParallel.ContainsKey(id))
                .Select(s => (First: s, Second: secondByParallel[first.Sentences[s].ParallelId!]))
                .ToList();
            if (shared.Count == 0)
            {
                continue;
            }

            articles++;
            var firstCountries = shared.SelectMany(pair => first.CountriesBySentence[pair.First]).ToLookup(country => country.Code, StringComparer.Ordinal);
            var secondCountries = shared.SelectMany(pair => second.CountriesBySentence[pair.Second]).ToLookup(country => country.Code, StringComparer.Ordinal);
            var onlyFirst = firstCountries.Where(country => !secondCountries.Contains(country.Key)).ToList();
            var onlySecond = secondCountries.Where(country => !firstCountries.Contains(country.Key)).ToList();
            if (onlyFirst.Count == 0 && onlySecond.Count == 0)
            {
                agreeing++;
                continue;
            }

            errorLines.Add($"{first.Name}+{second.Name}\tdisagree\tarticle\t{document.Key}\t\t\t{Codes(onlyFirst)}\t{Codes(onlySecond)}\tonly in {first.Name}: {Evidence(onlyFirst)}; only in {second.Name}: {Evidence(onlySecond)}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Parallel articles with the same countries in {first.Name} and {second.Name}: {agreeing} of {articles} ({(double)agreeing / Math.Max(articles, 1):0.000})."));
    }
}
