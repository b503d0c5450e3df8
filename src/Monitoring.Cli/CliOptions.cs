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
