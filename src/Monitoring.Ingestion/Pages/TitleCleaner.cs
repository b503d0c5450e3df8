namespace Monitoring.Ingestion.Pages;

/// <summary>Removes the site name that pages add to their &lt;title&gt; ("Headline | Site", "Site – Headline").</summary>
internal static class TitleCleaner
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " _ ", "_", " / "];

    /// <param name="title">The raw title.</param>
    /// <param name="siteName">The outlet's declared name, when known: it is removed wherever it stands.</param>
    /// <param name="headings">The page's h1/h2 texts: a part of the title equal to one of them is the headline.</param>
    public static string Clean(string title, string? siteName, IReadOnlyCollection<string> headings)
    {
        title = PageText.Normalize(title);
        foreach (var heading in headings)
        {
            if (heading.Length >= 10 && !string.Equals(heading, title, StringComparison.Ordinal)
                && title.Contains(heading, StringComparison.OrdinalIgnoreCase) && HasSeparatorAround(title, heading))
            {
                return heading;
            }
        }

        if (!string.IsNullOrWhiteSpace(siteName))
        {
            var withoutSite = RemoveSiteName(title, PageText.Normalize(siteName));
            if (withoutSite is not null)
            {
                return withoutSite;
            }
        }

        foreach (var separator in Separators)
        {
            var last = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (last <= 0)
            {
                continue;
            }

            // The site name is usually the short last part; a headline keeps several words.
            var head = title[..last].Trim();
            var tail = title[(last + separator.Length)..].Trim();
            if (WordCount(head) >= 3 && WordCount(tail) <= 4 && head.Length > tail.Length)
            {
                return Clean(head, null, []);
            }

            var first = title.IndexOf(separator, StringComparison.Ordinal);
            var lead = title[..first].Trim();
            var rest = title[(first + separator.Length)..].Trim();
            if (WordCount(rest) >= 4 && WordCount(lead) <= 2 && rest.Length > lead.Length * 2)
            {
                return rest;
            }
        }

        return title;
    }

    private static string? RemoveSiteName(string title, string siteName)
    {
        foreach (var separator in Separators)
        {
            if (title.EndsWith(separator + siteName, StringComparison.OrdinalIgnoreCase))
            {
                return title[..^(separator.Length + siteName.Length)].Trim();
            }

            if (title.StartsWith(siteName + separator, StringComparison.OrdinalIgnoreCase))
            {
                return title[(siteName.Length + separator.Length)..].Trim();
            }
        }

        return null;
    }

    /// <summary>True when the part stands alone in the title: at an end or between separators.</summary>
    internal static bool HasSeparatorAround(string title, string heading)
    {
        var at = title.IndexOf(heading, StringComparison.OrdinalIgnoreCase);
        var before = title[..at].TrimEnd();
        var after = title[(at + heading.Length)..].TrimStart();
        return (before.Length == 0 || Separators.Any(separator => before.EndsWith(separator.Trim(), StringComparison.Ordinal)))
            && (after.Length == 0 || Separators.Any(separator => after.StartsWith(separator.Trim(), StringComparison.Ordinal)));
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
