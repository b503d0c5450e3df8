using System.Reflection;
using System.Text;
using Monitoring.Tests;

namespace Monitoring.Benchmarks;

/// <summary>
/// Writes a run's figures into the latest-figures section of docs/performance.md (see
/// <see cref="LatestFiguresSection"/>): by default the repository's own, <c>--record &lt;path&gt;</c> another file,
/// <c>--record no</c> nowhere.
/// </summary>
internal static class FiguresRecorder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>The file the figures go to, or null for <c>--record no</c>.</summary>
    public static string? Destination(Options options) => options.Text("record", "") switch
    {
        "" => Path.Combine(RepositoryPaths.Root, "docs", "performance.md"),
        "no" => null,
        var path => Path.GetFullPath(path),
    };

    /// <summary>
    /// Records <paramref name="figures"/> (one block each) with this process's command line and prints where; returns
    /// the benchmark's exit code: 1 when the file's markers are malformed (the file is then left as it was).
    /// </summary>
    public static int Record(Options options, RunStart start, string loadAtEnd, params IReadOnlyList<BenchmarkFigures> figures)
    {
        var path = Destination(options);
        if (path is null)
        {
            Console.WriteLine("  figures not recorded (--record no)");
            return 0;
        }

        var run = new RunContext(start.StartedAt, CommandLine(Environment.GetCommandLineArgs().Skip(1)), Environment.ProcessorCount, start.LoadAtStart, loadAtEnd);
        try
        {
            WriteTo(path, run, figures);
        }
        catch (InvalidDataException ex)
        {
            Console.Error.WriteLine($"  figures not recorded in {path}: {ex.Message}");
            return 1;
        }

        Console.WriteLine($"  figures recorded in {path} ({string.Join(", ", figures.Select(figure => figure.Key))})");
        return 0;
    }

    /// <summary>
    /// Rewrites the blocks of <paramref name="figures"/> in the file at <paramref name="path"/> (created when missing),
    /// keeping every other byte, a byte-order mark included. The new text replaces the file in one rename, so an
    /// interrupted run never leaves half a document.
    /// </summary>
    public static void WriteTo(string path, RunContext run, IEnumerable<BenchmarkFigures> figures)
    {
        var bytes = File.Exists(path) ? File.ReadAllBytes(path) : [];
        var bom = bytes.AsSpan().StartsWith(ByteOrderMark);
        var document = StrictUtf8.GetString(bom ? bytes[ByteOrderMark.Length..] : bytes);
        foreach (var figure in figures)
        {
            document = LatestFiguresSection.Write(document, figure.Key, figure.ToMarkdown(run));
        }

        var temporary = path + ".writing";
        File.WriteAllBytes(temporary, [.. bom ? ByteOrderMark : [], .. StrictUtf8.GetBytes(document)]);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The command that reruns this benchmark, its arguments quoted for a POSIX shell where they need it.</summary>
    public static string CommandLine(IEnumerable<string> arguments)
    {
        var configuration = typeof(FiguresRecorder).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var quoted = arguments.Select(argument =>
            argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=,:+@".Contains(c, StringComparison.Ordinal))
                ? argument
                : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'");
        return $"dotnet run -c {configuration} --project tests/Monitoring.Benchmarks -- {string.Join(' ', quoted)}";
    }
}
