using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitoring.Core.Articles;

/// <summary>
/// Reads the dates feeds and publishers write (RFC 822 with its many variants, ISO 8601) as UTC, and
/// says when a date cannot be true, so that it is flagged instead of being charted silently.
/// </summary>
public static partial class PublicationDate
{
    /// <summary>Dates before this are typing errors or placeholders (0001-01-01, 1970-01-01 is still allowed).</summary>
    public static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far ahead of the clock a date may be before it counts as in the future (time-zone slips).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromHours(26);

    // RFC 822 zone names still written by feeds; military single letters are too ambiguous to trust.
    private static readonly Dictionary<string, string> ZoneOffsets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = "+0000",
        ["UTC"] = "+0000",
        ["GMT"] = "+0000",
        ["Z"] = "+0000",
        ["EST"] = "-0500",
        ["EDT"] = "-0400",
        ["CST"] = "-0600",
        ["CDT"] = "-0500",
        ["MST"] = "-0700",
        ["MDT"] = "-0600",
        ["PST"] = "-0800",
        ["PDT"] = "-0700",
        ["CET"] = "+0100",
        ["CEST"] = "+0200",
        ["EET"] = "+0200",
        ["EEST"] = "+0300",
        ["BST"] = "+0100",
        ["MSK"] = "+0300",
    };

    private static readonly string[] Rfc822Formats =
    [
        "d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yy HH:mm:ss zzz", "d MMM yy HH:mm zzz",
        "d MMM yyyy HHmm zzz", "d MMM yy HHmm zzz", "d MMMM yyyy HH:mm:ss zzz", "d MMM yyyy",
    ];

    /// <summary>
    /// The date as UTC, or null when the text is no date this parser knows. A date without zone is taken
    /// in <paramref name="assumedOffset"/> (the source's zone), else UTC.
    /// </summary>
    public static DateTimeOffset? Parse(string? text, TimeSpan? assumedOffset = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = Whitespace.Collapse(text);
        var offset = assumedOffset ?? TimeSpan.Zero;
        if (IsoDate().IsMatch(trimmed))
        {
            var style = HasZone().IsMatch(trimmed) ? DateTimeStyles.None : DateTimeStyles.AssumeUniversal;
            if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, style, out var iso))
            {
                return (style == DateTimeStyles.AssumeUniversal ? new DateTimeOffset(iso.DateTime, offset) : iso).ToUniversalTime();
            }

            return null;
        }

        return ParseRfc822(trimmed, offset);
    }

    /// <summary>Why a parsed date cannot be a publication date, or null when it is plausible.</summary>
    public static string? Implausibility(DateTimeOffset published, DateTimeOffset now)
    {
        if (published < Earliest)
        {
            return $"published {published:yyyy-MM-dd} is before 1900";
        }

        return published > now + FutureTolerance
            ? $"published {published.UtcDateTime:yyyy-MM-ddTHH:mm}Z is in the future"
            : null;
    }

    private static DateTimeOffset? ParseRfc822(string text, TimeSpan assumedOffset)
    {
        // Drop the weekday ("Mon, "), which feeds get wrong often enough that it must not decide anything.
        var withoutDay = Weekday().Replace(text, string.Empty);
        var zoneMatch = TrailingZone().Match(withoutDay);
        string body;
        string zone;
        if (zoneMatch.Success)
        {
            body = withoutDay[..zoneMatch.Index].Trim();
            var name = zoneMatch.Groups["zone"].Value;
            zone = ZoneOffsets.TryGetValue(name, out var named) ? named : name;
        }
        else
        {
            body = withoutDay.Trim();
            zone = FormatOffset(assumedOffset);
        }

        if (zone.Length == 5 && (zone[0] == '+' || zone[0] == '-'))
        {
            zone = zone[..3] + ":" + zone[3..];
        }

        var candidate = body + " " + zone;
        foreach (var format in Rfc822Formats)
        {
            var withZone = format.EndsWith("zzz", StringComparison.Ordinal) ? candidate : body;
            if (DateTimeOffset.TryParseExact(withZone, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return parsed.ToUniversalTime();
            }
        }

        return null;
    }

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex HasZone();

    [GeneratedRegex(@"^[A-Za-z]{3,9},?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\s(?<zone>[+-]\d{4}|[A-Za-z]{1,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingZone();
}
