using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitoring.Ingestion.Pages;

/// <summary>Reads the publication times pages write in meta tags, JSON-LD and &lt;time datetime&gt;.</summary>
internal static partial class PageDates
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd HH:mm:sszzz",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd",
        "yyyyMMdd",
        "ddd, dd MMM yyyy HH:mm:ss zzz",
        "ddd, d MMM yyyy HH:mm:ss zzz",
    ];

    /// <summary>
    /// The instant in UTC, using the offset written in the value (Z, +01:00, +0100, GMT); a value without
    /// an offset is taken as UTC. Null when the value is not a date the product can trust.
    /// </summary>
    public static DateTimeOffset? Parse(string? value)
    {
        var text = PageText.Normalize(value);
        if (text.Length is < 8 or > 64)
        {
            return null;
        }

        text = CompactOffset().Replace(text, "$1$2:$3");
        text = text.EndsWith(" GMT", StringComparison.OrdinalIgnoreCase) || text.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase)
            ? text[..^4] + " +00:00"
            : text;
        text = text.EndsWith('Z') ? text[..^1] + "+00:00" : text;

        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, Styles, out var exact))
        {
            return Plausible(exact);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out var loose) ? Plausible(loose) : null;
    }

    private static DateTimeOffset? Plausible(DateTimeOffset value) =>
        value.Year is >= 1900 and <= 2200 ? value.ToUniversalTime() : null;

    // "+0100" at the end: .NET's zzz wants "+01:00".
    [GeneratedRegex(@"(\d)([+-]\d{2})(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactOffset();
}
