using System.Text.Encodings.Web;
using System.Text.Json;
using Monitoring.Ingestion.Pages;

namespace Monitoring.Cli;

/// <summary>Prints what the page extractor makes of one HTML file, with the reasons, so a wrong extraction can be understood.</summary>
internal static class ExtractCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable Cyrillic and quotes; the output goes to a terminal, not a page
    };

    public static int Run(IReadOnlyList<string> args)
    {
        var file = args.FirstOrDefault(arg => !arg.StartsWith("--", StringComparison.Ordinal) && !IsOptionValue(args, arg));
        if (file is null || !File.Exists(file))
        {
            Console.Error.WriteLine(file is null ? "extract: give an HTML file." : $"extract: no such file {file}");
            return 2;
        }

        var urlText = CommandLineOptions.Option(args, "--url");
        Uri? url = null;
        if (urlText is not null && !Uri.TryCreate(urlText, UriKind.Absolute, out url))
        {
            Console.Error.WriteLine($"extract: not an absolute URL: {urlText}");
            return 2;
        }

        var page = new ArticlePageExtractor().Extract(File.ReadAllBytes(file), url);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            error = page.Error,
            title = page.Title,
            byline = page.Byline,
            published = page.Published,
            language = page.Language,
            siteName = page.SiteName,
            url = page.CanonicalUrl,
            paragraphs = page.Paragraphs.Count,
            text = page.Text,
            why = new
            {
                contentElement = page.Trace.ContentElement,
                contentScore = page.Trace.ContentScore,
                fallback = page.Trace.Fallback,
                candidates = page.Trace.Candidates,
                fieldSources = page.Trace.FieldSources,
            },
        }, Json));
        return page.Succeeded ? 0 : 1;
    }

    private static bool IsOptionValue(IReadOnlyList<string> args, string arg)
    {
        for (var i = 1; i < args.Count; i++)
        {
            if (ReferenceEquals(args[i], arg) && args[i - 1].StartsWith("--", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
