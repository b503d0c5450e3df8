using System.Text;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Enrichment.People;

namespace Monitoring.Core.Search.Names;

/// <summary>
/// The names search expands with: <c>name-groups.tsv</c> in <c>seeds/enrichment</c> (countries and the region's
/// places, built by <c>monitoring build-gazetteer</c>: kind, code, names separated by |) and the curated actors of
/// <c>actors.tsv</c> (people and organisations with their aliases in every script).
/// </summary>
public static class NameGroupsFile
{
    public const string FileName = "name-groups.tsv";

    /// <summary>Every group: the built places and countries, then the actors.</summary>
    /// <param name="seedsFolder">The <c>seeds</c> folder; the files are read from its <c>enrichment</c> subfolder.</param>
    /// <exception cref="InvalidDataException">A line is malformed; the message names file and line.</exception>
    public static IReadOnlyList<NameGroup> LoadFrom(string seedsFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seedsFolder);
        var folder = Path.Combine(seedsFolder, "enrichment");
        var groups = new List<NameGroup>(Read(Path.Combine(folder, FileName)));
        groups.AddRange(Actor.ReadAll(Path.Combine(folder, "actors.tsv")).Select(actor => new NameGroup(
            actor.Kind == ActorKind.Person ? NameGroupKind.Person : NameGroupKind.Organisation,
            actor.CountryCode,
            actor.Aliases)));
        return groups;
    }

    /// <exception cref="InvalidDataException">A line is malformed; the message names file and line.</exception>
    public static IReadOnlyList<NameGroup> Read(string path)
    {
        var groups = new List<NameGroup>();
        foreach (var (fields, origin) in SeedTsv.ReadRows(path, minimumFields: 3))
        {
            if (!Enum.TryParse<NameGroupKind>(fields[0], ignoreCase: true, out var kind))
            {
                throw new InvalidDataException($"{origin}: unknown kind '{fields[0]}'.");
            }

            var names = fields[2].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            groups.Add(new NameGroup(kind, fields[1] == "-" ? null : fields[1], names));
        }

        return groups;
    }

    public static void Write(string folder, IEnumerable<NameGroup> groups, string header)
    {
        Directory.CreateDirectory(folder);
        var text = new StringBuilder();
        text.Append("# ").AppendLine(header);
        text.AppendLine("# kind\tcode\tnames (the display name first)");
        foreach (var group in groups)
        {
            text.Append(group.Kind.ToString().ToLowerInvariant()).Append('\t')
                .Append(group.Code ?? "-").Append('\t')
                .AppendJoin('|', group.Names).AppendLine();
        }

        File.WriteAllText(Path.Combine(folder, FileName), text.ToString().ReplaceLineEndings("\n"));
    }
}
