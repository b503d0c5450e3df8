using System.Globalization;
using Monitoring.Core.Enrichment;

namespace Monitoring.Cli;

/// <summary>"--name value" options and bare arguments of a command line.</summary>
internal static class CliOptions
{
    public static string? Value(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (string.Equals(args[i], name, StringComparison.Ordinal))
            {
                return args[i + 1];
            }
        }

        return null;
    }

    /// <summary>A positive whole number, or <paramref name="fallback"/> when the option is not given.</summary>
    public static int PositiveNumber(IReadOnlyList<string> args, string name, int fallback)
    {
        var value = Value(args, name);
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new CommandLineException($"{name} {value}: give a positive whole number.");
    }

    public static string ExistingFile(string path, string what) =>
        File.Exists(path) ? path : throw new CommandLineException($"{what}: no such file {path}");

    public static string ExistingFolder(string path, string what) =>
        Directory.Exists(path) ? path : throw new CommandLineException($"{what}: no such folder {path}");

    /// <summary>A folder holding reut2-*.sgm and reuters_places_to_iso3166.csv, as ../shared/data/reuters21578 does.</summary>
    public static string ReutersFolder(string path, string what)
    {
        ExistingFolder(path, what);
        return Directory.EnumerateFiles(path, "reut2-*.sgm").Any()
            ? path
            : throw new CommandLineException($"{what}: {path} holds no reut2-*.sgm files (give --reuters DIR, as ../shared/data/reuters21578).");
    }

    /// <summary>
    /// The enrichment settings under the app's keys (<c>--Enrichment:SourceCountryPrior false</c>); defaults for
    /// what is not given.
    /// </summary>
    public static EnrichmentOptions Enrichment(IReadOnlyList<string> args)
    {
        const string priorKey = "--" + EnrichmentOptions.SectionName + ":" + nameof(EnrichmentOptions.SourceCountryPrior);
        var prior = Value(args, priorKey);
        if (prior is null)
        {
            return new EnrichmentOptions();
        }

        return bool.TryParse(prior, out var on)
            ? new EnrichmentOptions { SourceCountryPrior = on }
            : throw new CommandLineException($"{priorKey} {prior}: give true or false.");
    }

    public static bool Flag(IReadOnlyList<string> args, string name) => args.Contains(name, StringComparer.Ordinal);

    /// <summary>Arguments that are neither options nor option values.</summary>
    public static IReadOnlyList<string> Positional(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                i += i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? 1 : 0;
                continue;
            }

            positional.Add(args[i]);
        }

        return positional;
    }
}
