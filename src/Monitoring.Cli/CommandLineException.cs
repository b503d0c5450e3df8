namespace Monitoring.Cli;

/// <summary>A command line that cannot be carried out as given; the message says what to give instead.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
