using System.Globalization;
using System.Text;
using Monitoring.Core.Enrichment.Language;

namespace Monitoring.Cli;

/// <summary>
/// Builds <c>language-profiles.tsv</c> from the translations of GTK, GLib, GDK-Pixbuf and AT-SPI that Debian
/// installs under /usr/share/locale (LGPL-2.1-or-later): real sentences written by translators in every
/// language we detect, under a licence that lets the derived counts ship (see seeds/enrichment/ATTRIBUTION.md).
/// English comes from the same catalogues' original strings.
/// </summary>
internal static class BuildLanguageProfilesCommand
{
    /// <summary>The most frequent trigrams kept per variant.</summary>
    public const int TrigramsPerVariant = 1500;

    /// <summary>The catalogues the profiles are built from; <c>eval language</c> measures on the others.</summary>
    internal static readonly string[] Catalogues = ["gtk30.mo", "gtk20.mo", "glib20.mo", "gtk30-properties.mo", "gtk20-properties.mo", "gdk-pixbuf.mo", "at-spi2-core.mo"];

    // Variant → locale folder; "en-Latn" reads the original strings of the German catalogues.
    private static readonly (string Variant, string Locale)[] Variants =
    [
        ("en-Latn", "de"), ("sr-Cyrl", "sr"), ("sr-Latn", "sr@latin"), ("hr-Latn", "hr"), ("bs-Latn", "bs"), ("sq-Latn", "sq"),
        ("mk-Cyrl", "mk"), ("ru-Cyrl", "ru"), ("de-Latn", "de"), ("fr-Latn", "fr"), ("sl-Latn", "sl"),
    ];

    public static int Run(IReadOnlyList<string> args)
    {
        var locale = CliOptions.Value(args, "--locale") ?? "/usr/share/locale";
        var output = CliOptions.Value(args, "--out") ?? Path.Combine("seeds", "enrichment", "language-profiles.tsv");
        var text = new StringBuilder();
        text.AppendLine("# Character trigram counts per language variant, built by `monitoring build-language-profiles` from the");
        text.AppendLine("# GTK, GLib, GDK-Pixbuf and AT-SPI translations (LGPL-2.1-or-later); see ATTRIBUTION.md.");
        text.AppendLine("# variant\ttrigram\tcount");
        foreach (var (variant, folder) in Variants)
        {
            var messages = Catalogues
                .Select(catalogue => Path.Combine(locale, folder, "LC_MESSAGES", catalogue))
                .Where(File.Exists)
                .SelectMany(path => MoCatalogue.Read(path))
                .Select(pair => variant == "en-Latn" ? pair.Original : pair.Translation)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (messages.Count == 0)
            {
                Console.Error.WriteLine($"No catalogues for {variant} under {Path.Combine(locale, folder)}.");
                return 1;
            }

            var counts = messages
                .SelectMany(message => LanguageDetector.Trigrams(StripMarkup(message)))
                .GroupBy(trigram => trigram, StringComparer.Ordinal)
                .Select(group => (Trigram: group.Key, Count: group.Count()))
                .OrderByDescending(pair => pair.Count)
                .ThenBy(pair => pair.Trigram, StringComparer.Ordinal)
                .Take(TrigramsPerVariant);
            foreach (var (trigram, count) in counts)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{variant}\t{trigram}\t{count}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{variant}: {messages.Count} messages"));
        }

        File.WriteAllText(output, text.ToString().ReplaceLineEndings("\n"));
        Console.WriteLine($"Wrote {Path.GetFullPath(output)}.");
        return 0;
    }

    // Format placeholders (%s, %d), mnemonics (_Open) and markup are not language.
    internal static string StripMarkup(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @"<[^>]*>|%[-+ #0-9.]*[a-zA-Z]|\$\{[^}]*\}|_", " ");
}

/// <summary>Reads the original and translated strings of a GNU gettext .mo file.</summary>
internal static class MoCatalogue
{
    public static IEnumerable<(string Original, string Translation)> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var littleEndian = BitConverter.ToUInt32(bytes, 0) == 0x950412de;
        uint Word(int offset)
        {
            var value = BitConverter.ToUInt32(bytes, offset);
            return littleEndian ? value : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(value);
        }

        var count = (int)Word(8);
        var originals = (int)Word(12);
        var translations = (int)Word(16);
        for (var i = 0; i < count; i++)
        {
            var original = Text(bytes, (int)Word(originals + (8 * i)), (int)Word(originals + (8 * i) + 4));
            var translation = Text(bytes, (int)Word(translations + (8 * i)), (int)Word(translations + (8 * i) + 4));
            if (original.Length > 0)
            {
                // Plural forms are separated by NUL; a context precedes the message after EOT.
                yield return (original.Split('\u0004')[^1].Split('\0')[0], translation.Split('\0')[0]);
            }
        }
    }

    private static string Text(byte[] bytes, int length, int offset) => Encoding.UTF8.GetString(bytes, offset, length);
}
