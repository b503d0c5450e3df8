using System.Text;

namespace Monitoring.Ingestion.Pages;

/// <summary>Whitespace handling shared by content and metadata: pages indent, wrap and pad text freely.</summary>
internal static class PageText
{
    /// <summary>Collapses every run of white space (including no-break and zero-width spaces) to one space and trims.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character) || character is '\u200B' or '\uFEFF')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(character);
        }

        return builder.ToString();
    }

    /// <summary>Commas of Latin and CJK scripts: a rough count of clauses, i.e. of prose rather than menus.</summary>
    public static int CountCommas(string text)
    {
        var count = 0;
        foreach (var character in text)
        {
            count += character is ',' or '，' or '、' or '،' ? 1 : 0;
        }

        return count;
    }
}
