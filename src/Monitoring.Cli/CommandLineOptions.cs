namespace Monitoring.Cli;

/// <summary>Reads "--name value" pairs from a command's arguments.</summary>
internal static class CommandLineOptions
{
    public static string? Option(IReadOnlyList<string> args, string name)
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
}
