using Monitoring.Cli;

return args switch
{
    ["build-gazetteer", .. var rest] => BuildGazetteerCommand.Run(rest),
    ["enrich", .. var rest] => EnrichCommand.Run(rest),
    ["build-language-profiles", .. var rest] => BuildLanguageProfilesCommand.Run(rest),
    ["eval", "countries", .. var rest] => EvalCountriesCommand.Run(rest),
    ["eval", "language", .. var rest] => EvalLanguageCommand.Run(rest),
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
        """);
    return 2;
}
