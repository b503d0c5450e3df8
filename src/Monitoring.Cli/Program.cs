using Monitoring.Cli;

return args switch
{
    ["build-gazetteer", .. var rest] => BuildGazetteerCommand.Run(rest),
    ["enrich", .. var rest] => EnrichCommand.Run(rest),
    ["extract", .. var rest] => ExtractCommand.Run(rest),
    ["eval", "extraction", .. var rest] => EvalExtractionCommand.Run(rest),
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

          eval extraction [--pages <shared/data/readability/test-pages>] [--pages-detail]
              Measures page extraction on test pages: text F1 against expected.html, metadata accuracy.
        """);
    return 2;
}
