using System.Globalization;
using Monitoring.Core.Enrichment.Countries;
using Monitoring.Core.Search.Names;

namespace Monitoring.Cli;

internal static class BuildGazetteerCommand
{
    private static readonly string Header =
        "Built by `monitoring build-gazetteer` from mledoze/countries (ODbL-1.0), Debian iso-codes (LGPL-2.1+), " +
        "GeoNames cities15000 and, for the region, cities1000 (CC BY) and the curated gazetteer-supplement.tsv; see ATTRIBUTION.md.";

    private static readonly string GroupsHeader =
        "Built by `monitoring build-gazetteer` from gazetteer.tsv and the GeoNames records of the region's places (CC BY): " +
        "the names search treats as one; see docs/search.md.";

    public static int Run(IReadOnlyList<string> args)
    {
        var data = CliOptions.Value(args, "--data") ?? Path.Combine("..", "shared", "data", "gazetteer");
        var output = CliOptions.Value(args, "--out") ?? Path.Combine("seeds", "enrichment");
        if (!Directory.Exists(data))
        {
            Console.Error.WriteLine($"No gazetteer data at {Path.GetFullPath(data)} (pass --data).");
            return 1;
        }

        var build = GazetteerBuilder.Build(data, output);
        GazetteerFile.Write(output, build.Entries, build.Countries, Header);
        var groups = NameGroupsBuilder.Build(Path.Combine(data, "geonames"), build);
        NameGroupsFile.Write(output, groups, GroupsHeader);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {build.Entries.Count} entries for {build.Countries.Count} countries and {groups.Count} name groups to {Path.GetFullPath(output)}."));
        return 0;
    }

}
