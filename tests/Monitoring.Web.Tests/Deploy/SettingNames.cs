using System.Collections;
using System.Reflection;
using Monitoring.Alerts;
using Monitoring.Hosting.Jobs;
using Monitoring.Ingestion;
using Monitoring.Search;

namespace Monitoring.Web.Tests.Deploy;

/// <summary>
/// Whether a configuration key (<c>Jobs:Storage</c>, or as an environment variable <c>Jobs__Storage</c>) is a
/// setting the app binds: a property path under the section of one of its options classes (each declares its
/// <c>SectionName</c>), or one of the few keys the host itself reads.
/// </summary>
internal static class SettingNames
{
    private static readonly string[] HostKeys = ["ASPNETCORE_ENVIRONMENT", "Urls"];

    private static readonly Dictionary<string, Type> Sections = new[] { typeof(Program).Assembly, typeof(IngestionOptions).Assembly, typeof(SearchOptions).Assembly, typeof(AlertsOptions).Assembly, typeof(JobsOptions).Assembly }
        .SelectMany(assembly => assembly.GetTypes())
        .Select(type => (Type: type, Field: type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
        .Where(pair => pair.Field is { IsLiteral: true } && pair.Field.FieldType == typeof(string))
        .ToDictionary(pair => (string)pair.Field!.GetRawConstantValue()!, pair => pair.Type, StringComparer.OrdinalIgnoreCase);

    public static bool Exists(string key)
    {
        var path = key.Replace("__", ":", StringComparison.Ordinal);
        if (HostKeys.Contains(path, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        var segments = path.Split(':');
        for (var length = segments.Length - 1; length >= 1; length--)
        {
            if (Sections.TryGetValue(string.Join(':', segments[..length]), out var options))
            {
                return Binds(options, segments[length..]);
            }
        }

        return false;
    }

    private static bool Binds(Type type, string[] rest)
    {
        if (rest.Length == 0)
        {
            return IsValue(type);
        }

        if (ElementType(type) is { } element)
        {
            return int.TryParse(rest[0], out _) && Binds(element, rest[1..]);
        }

        var property = type.GetProperty(rest[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is not null && (property.CanWrite || ElementType(property.PropertyType) is not null || !IsValue(property.PropertyType))
            && Binds(property.PropertyType, rest[1..]);
    }

    private static bool IsValue(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(TimeSpan) || underlying == typeof(Uri) || underlying == typeof(DateTimeOffset);
    }

    private static Type? ElementType(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type)
            ? null
            : type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();
}
