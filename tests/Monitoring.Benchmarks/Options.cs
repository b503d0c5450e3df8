using System.Globalization;

namespace Monitoring.Benchmarks;

/// <summary>The <c>--name value</c> options after a benchmark's name; positional values stay in order.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _named = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    public Options(IEnumerable<string> args)
    {
        using var items = args.GetEnumerator();
        while (items.MoveNext())
        {
            if (items.Current.StartsWith("--", StringComparison.Ordinal))
            {
                var name = items.Current[2..];
                _named[name] = items.MoveNext() ? items.Current : throw new ArgumentException($"--{name} needs a value.");
            }
            else
            {
                _positional.Add(items.Current);
            }
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    public int Int(string name, int fallback) =>
        _named.TryGetValue(name, out var value) ? int.Parse(value.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

    public string Text(string name, string fallback) => _named.GetValueOrDefault(name, fallback);

    /// <summary>The folder the large replayed indexes are cached in between runs.</summary>
    public string IndexRoot => Text("index-root", Path.Combine(Path.GetTempPath(), "monitoring-bench"));
}
