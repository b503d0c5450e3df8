namespace Monitoring.Ingestion.Pages;

/// <summary>Recognises content that is not text (images, archives, PDFs) before it reaches the HTML parser.</summary>
internal static class BinaryContent
{
    private static readonly (string Name, byte[] Magic)[] Signatures =
    [
        ("PDF", "%PDF-"u8.ToArray()),
        ("PNG image", [0x89, 0x50, 0x4E, 0x47]),
        ("JPEG image", [0xFF, 0xD8, 0xFF]),
        ("GIF image", "GIF8"u8.ToArray()),
        ("ZIP archive", [0x50, 0x4B, 0x03, 0x04]),
        ("gzip data", [0x1F, 0x8B]),
        ("WebP/RIFF data", "RIFF"u8.ToArray()),
        ("executable", [0x7F, 0x45, 0x4C, 0x46]),
        ("executable", "MZ"u8.ToArray()),
    ];

    private static readonly byte[][] TextByteOrderMarks = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]];

    /// <summary>Why the bytes look binary, or null when they look like text.</summary>
    /// <param name="expected">What the content should have been, for the message, e.g. "a feed".</param>
    public static string? Describe(ReadOnlySpan<byte> content, string expected = "an HTML page")
    {
        foreach (var (name, magic) in Signatures)
        {
            if (content.StartsWith(magic))
            {
                return $"binary content ({name}), not {expected}";
            }
        }

        foreach (var bom in TextByteOrderMarks)
        {
            if (content.StartsWith(bom))
            {
                return null; // UTF-16 text is full of zero bytes; the byte-order mark says it is text.
            }
        }

        var sample = content[..Math.Min(content.Length, 8192)];
        var controls = 0;
        foreach (var value in sample)
        {
            if (value == 0)
            {
                return $"binary content (zero bytes), not {expected}";
            }

            controls += IsControl(value) ? 1 : 0;
        }

        return IsMostlyControls(controls, sample.Length) ? $"binary content (control characters), not {expected}" : null;
    }

    /// <summary>The same test for text that has already been decoded.</summary>
    public static string? Describe(string content)
    {
        var sample = content.AsSpan(0, Math.Min(content.Length, 8192));
        var controls = 0;
        foreach (var value in sample)
        {
            if (value == '\0')
            {
                return "binary content (zero characters), not an HTML page";
            }

            controls += value < 0x80 && IsControl((byte)value) ? 1 : 0;
        }

        return IsMostlyControls(controls, sample.Length) ? "binary content (control characters), not an HTML page" : null;
    }

    private static bool IsControl(byte value) => value < 0x20 && value is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C;

    // A few stray control characters occur in real pages; binary data has them everywhere.
    private static bool IsMostlyControls(int controls, int length) => length > 0 && controls > 8 && controls * 20 > length;
}
