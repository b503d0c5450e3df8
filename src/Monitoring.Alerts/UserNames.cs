namespace Monitoring.Alerts;

/// <summary>
/// User names as alerts store and compare them (owners, shared recipients, notification recipients):
/// trimmed and lower-cased, so "Ana.Petrovic" and "ana.petrovic" are one user. Stored normalised, so
/// that database queries can compare with plain equality on every provider.
/// </summary>
public static class UserNames
{
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant();
    }

    /// <summary>The names of a comma- (or semicolon- or line-) separated list, normalised, each once.</summary>
    public static IReadOnlyList<string> Split(string? list) =>
        list is null ? [] : [.. list.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Normalise).Distinct(Comparer)];
}
