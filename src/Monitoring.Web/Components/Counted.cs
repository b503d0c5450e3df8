using System.Globalization;

namespace Monitoring.Web.Components;

/// <summary>Counts in sentences: "1 story", "1,204 stories".</summary>
public static class Counted
{
    public static string Of(long count, string one, string many) =>
        count == 1 ? $"1 {one}" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} {many}");
}
