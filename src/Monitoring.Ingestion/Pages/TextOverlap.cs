using System.Globalization;
using System.Text;

namespace Monitoring.Ingestion.Pages;

/// <summary>Token-level agreement of an extracted text with the expected text (bags of words, order ignored).</summary>
public sealed record TextOverlap(int ExtractedTokens, int ExpectedTokens, int CommonTokens)
{
    public double Precision => ExtractedTokens == 0 ? 0 : CommonTokens / (double)ExtractedTokens;

    public double Recall => ExpectedTokens == 0 ? 0 : CommonTokens / (double)ExpectedTokens;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>
    /// Counts the tokens both texts share, each token as often as it occurs in both. Tokens are lower-case runs of
    /// letters and digits; each Chinese, Japanese or Korean character is a token of its own, as those scripts do
    /// not separate words with spaces.
    /// </summary>
    public static TextOverlap Compare(string extracted, string expected)
    {
        var extractedCounts = Count(Tokens(extracted));
        var expectedCounts = Count(Tokens(expected));
        var common = extractedCounts.Sum(entry => Math.Min(entry.Value, expectedCounts.GetValueOrDefault(entry.Key)));
        return new TextOverlap(extractedCounts.Values.Sum(), expectedCounts.Values.Sum(), common);
    }

    public static IEnumerable<string> Tokens(string text)
    {
        var word = new StringBuilder();
        foreach (var character in text)
        {
            if (IsIdeographic(character))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                yield return character.ToString();
            }
            else if (char.IsLetterOrDigit(character) || char.GetUnicodeCategory(character) is UnicodeCategory.NonSpacingMark)
            {
                word.Append(char.ToLowerInvariant(character));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static bool IsIdeographic(char character) =>
        character is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF');

    private static Dictionary<string, int> Count(IEnumerable<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        return counts;
    }
}
