namespace Monitoring.Cli;

/// <summary>
/// Evaluations compare withdrawn states through their principal successor on both sides: a 1987 story on the
/// USSR tagged through "Moscow" (RU) and "Soviet" (SU) is one country, as its annotators saw it, and a mention
/// of the Soviet Union is right for a gold point in Russia.
/// </summary>
internal static class HistoricSuccessors
{
    private static readonly Dictionary<string, string> Successors = new(StringComparer.Ordinal)
    {
        ["SU"] = "RU",
        ["YU"] = "RS",
        ["CS"] = "CZ",
        ["DD"] = "DE",
        ["YD"] = "YE",
    };

    /// <summary>The code to compare: the successor of a withdrawn state, any other code as it is.</summary>
    public static string Comparable(string code) => Successors.GetValueOrDefault(code, code);
}
