using System.ComponentModel.DataAnnotations;

namespace Monitoring.Hosting.AppData;

/// <summary>An event an editor pinned to the timeline: every time chart marks its date with its label.</summary>
public sealed class EventAnnotation
{
    public const int MaxLabelLength = 200;
    public const int MaxLinkLength = 2000;

    /// <summary>
    /// Real events inside the demo corpus's period (2002–2026), inserted once by the first migration so that
    /// a new user sees what annotations do; deleting them is final (no start-up re-seeding).
    /// </summary>
    internal static readonly EventAnnotation[] DemoEvents =
    [
        new() { Id = 1, Date = new DateOnly(2006, 6, 3), Label = "Montenegro declares independence", Link = "https://en.wikipedia.org/wiki/2006_Montenegrin_independence_referendum" },
        new() { Id = 2, Date = new DateOnly(2008, 2, 17), Label = "Kosovo declares independence", Link = "https://en.wikipedia.org/wiki/2008_Kosovo_declaration_of_independence" },
        new() { Id = 3, Date = new DateOnly(2013, 4, 19), Label = "Brussels Agreement (Serbia–Kosovo)", Link = "https://en.wikipedia.org/wiki/Brussels_Agreement_(2013)" },
    ];

    public int Id { get; set; }

    /// <summary>The day of the event (a calendar date, no time zone: it marks the day on every chart).</summary>
    public DateOnly Date { get; set; }

    [Required]
    [StringLength(MaxLabelLength)]
    public string Label { get; set; } = "";

    /// <summary>Optional absolute http(s) link to read more.</summary>
    [StringLength(MaxLinkLength)]
    public string? Link { get; set; }

    /// <summary>Whether <paramref name="link"/> is empty or an absolute http(s) URL (no javascript: links on charts).</summary>
    public static bool IsValidLink(string? link) =>
        string.IsNullOrWhiteSpace(link)
        || (Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}
