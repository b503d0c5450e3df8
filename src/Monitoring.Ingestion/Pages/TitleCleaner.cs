namespace Monitoring.Ingestion.Pages;

/// <summary>Removes the site name that pages add to their &lt;title&gt; ("Headline | Site", "Site – Headline").</summary>
internal static class TitleCleaner
{
    // Word separators only: a bare "_" or "·" also joins words and names, so it does not split a title.
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " / ", " \\ ", " > "];

    private static readonly string[] HierarchicalSeparators = [" » ", " / ", " \\ ", " > "];

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

        return WithoutLastPart(title) ?? title;
    }

    /// <summary>
    /// "Headline | Site" → "Headline", "Site - Headline" → "Headline"; null when what would remain is too short to be
    /// a headline (four words or fewer), for then the separator more likely stands inside the headline
    /// ("Belgrade - Pristina dialogue resumes"). After a hierarchical separator (» / &gt; \) cutting off one word is
    /// always safe: "Section » Headline" names a place in the site, not a second clause.
    /// </summary>
    private static string? WithoutLastPart(string title)
    {
        var cut = CutAt(title, last: true);
        if (cut is null)
        {
            return null;
        }

        var kept = title[..cut.Value.At].Trim();
        if (WordCount(kept) < 3)
        {
            var first = CutAt(title, last: false)!.Value;
            kept = title[(first.At + first.Separator.Length)..].Trim();
        }

        var words = WordCount(kept);
        var allWords = WordCount(string.Join(' ', title.Split(' ').Where(word => !Separators.Contains($" {word} "))));
        var hierarchical = HierarchicalSeparators.Any(separator => title.Contains(separator, StringComparison.Ordinal));
        return words > 4 || (hierarchical && words == allWords - 1) ? kept : null;
    }

    private static (int At, string Separator)? CutAt(string title, bool last)
    {
        (int At, string Separator)? found = null;
        foreach (var separator in Separators)
        {
            var at = last ? title.LastIndexOf(separator, StringComparison.Ordinal) : title.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && (found is null || (last ? at > found.Value.At : at < found.Value.At)))
            {
                found = (at, separator);
            }
        }

        return found;
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
