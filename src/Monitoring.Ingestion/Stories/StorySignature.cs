using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using System.Text;
using Monitoring.Core.Articles;

namespace Monitoring.Ingestion.Stories;

/// <summary>
/// MinHash of an article's word shingles, so that two articles' share of common shingles (their Jaccard
/// similarity) can be estimated from 96 numbers each, and candidates found by LSH bands without comparing
/// every pair. The constants are measured on Reuters-21578 (docs/ingestion.md, "Story clusters").
/// </summary>
public sealed class StorySignature
{
    /// <summary>Words per shingle: one changed word changes at most this many shingles.</summary>
    public const int ShingleWords = 3;

    public const int HashCount = Bands * RowsPerBand;

    /// <summary>
    /// 32 bands of 3 rows: two articles with Jaccard similarity s share a band with probability
    /// 1 − (1 − s³)³², 0.986 at s = 0.5 and 0.58 at s = 0.3 (those candidates are then checked).
    /// </summary>
    public const int Bands = 32;

    public const int RowsPerBand = 3;

    /// <summary>
    /// Fewer shingles than this (about 40 words) say too little to match on: on Reuters-21578, short templated
    /// items (fund payouts, dividends) of different companies share half their shingles.
    /// </summary>
    public const int MinShingles = 40;

    private const ulong FnvOffset = 14695981039346656037UL;

    private const ulong FnvPrime = 1099511628211UL;

    private static readonly ulong[] Seeds = Enumerable.Range(1, HashCount)
        .Select(i => Mix((ulong)i * 0x9E3779B97F4A7C15UL))
        .ToArray();

    private StorySignature(uint[] minHashes, int shingleCount)
    {
        MinHashes = minHashes;
        ShingleCount = shingleCount;
    }

    public IReadOnlyList<uint> MinHashes { get; }

    public int ShingleCount { get; }

    /// <summary>True when there is enough text to compare; shorter articles are stories of their own.</summary>
    public bool IsComparable => ShingleCount >= MinShingles;

    public static StorySignature Of(string title, string body)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        return Of([title, body], Vector256.IsHardwareAccelerated);
    }

    /// <summary>
    /// The signature of the article's title and body, read paragraph by paragraph: the same values as
    /// <see cref="Of(string, string)"/> with <see cref="Article.Body"/>, without joining the body into one more copy.
    /// </summary>
    public static StorySignature Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Of([article.Title, .. article.Paragraphs], Vector256.IsHardwareAccelerated);
    }

    /// <summary>With <paramref name="vectorised"/> false, one seed at a time: the same values on any processor.</summary>
    internal static StorySignature Of(string title, string body, bool vectorised) => Of([title, body], vectorised);

    // Each text ends a word, as the line break between title and body did when they were joined.
    private static StorySignature Of(IReadOnlyList<string> texts, bool vectorised)
    {
        var shingles = Shingles(Words(texts)).ToArray();
        var minHashes = new uint[HashCount];
        if (vectorised)
        {
            // Four seeds at a time, the minima kept in a register: the same values as one by one, in a third of the time
            // (story signatures were a tenth of the pipeline's own work, docs/performance.md). HashCount is a multiple of 4.
            for (var i = 0; i < HashCount; i += Vector256<ulong>.Count)
            {
                var seeds = Vector256.Create<ulong>(Seeds.AsSpan(i));
                var min = Vector256.Create((long)uint.MaxValue);
                foreach (var shingle in shingles)
                {
                    // The top 32 bits, so the signed comparison AVX2 has is the unsigned one wanted.
                    min = Vector256.Min(min, (Mix(Vector256.Create(shingle) ^ seeds) >>> 32).AsInt64());
                }

                for (var lane = 0; lane < Vector256<ulong>.Count; lane++)
                {
                    minHashes[i + lane] = (uint)min.GetElement(lane);
                }
            }
        }
        else
        {
            for (var i = 0; i < HashCount; i++)
            {
                var min = uint.MaxValue;
                foreach (var shingle in shingles)
                {
                    min = Math.Min(min, (uint)(Mix(shingle ^ Seeds[i]) >> 32));
                }

                minHashes[i] = min;
            }
        }

        return new StorySignature(minHashes, shingles.Length);
    }

    public static StorySignature FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length != HashCount * sizeof(uint))
        {
            throw new ArgumentException($"A story signature is {HashCount * sizeof(uint)} bytes, not {bytes.Length}.", nameof(bytes));
        }

        var minHashes = new uint[HashCount];
        for (var i = 0; i < HashCount; i++)
        {
            minHashes[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)));
        }

        // Only comparable signatures are stored, so a stored one is comparable.
        return new StorySignature(minHashes, MinShingles);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[HashCount * sizeof(uint)];
        for (var i = 0; i < HashCount; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), MinHashes[i]);
        }

        return bytes;
    }

    /// <summary>The estimated Jaccard similarity of the two shingle sets: the share of equal min-hashes.</summary>
    public double Similarity(StorySignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var equal = 0;
        for (var i = 0; i < HashCount; i++)
        {
            equal += MinHashes[i] == other.MinHashes[i] ? 1 : 0;
        }

        return (double)equal / HashCount;
    }

    /// <summary>One key per band; articles sharing any key are candidates for one story.</summary>
    public IReadOnlyList<long> BandKeys()
    {
        var keys = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var key = (ulong)band * 0x9E3779B97F4A7C15UL;
            for (var row = 0; row < RowsPerBand; row++)
            {
                key = Mix(key ^ MinHashes[(band * RowsPerBand) + row]);
            }

            keys[band] = (long)key;
        }

        return keys;
    }

    /// <summary>The exact Jaccard similarity of two texts' shingle sets; for measuring the estimate.</summary>
    public static double ExactSimilarity(string first, string second)
    {
        var a = Shingles(first);
        var b = Shingles(second);
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var common = a.Count(b.Contains);
        return (double)common / (a.Count + b.Count - common);
    }

    /// <summary>Hashes of every run of <see cref="ShingleWords"/> words, letters and digits only, case folded.</summary>
    public static HashSet<ulong> Shingles(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Shingles(Words([text]));
    }

    private static HashSet<ulong> Shingles(List<ulong> words)
    {
        // Sized once: nearly every shingle of news text is distinct.
        var shingles = new HashSet<ulong>(words.Count);
        for (var i = 0; i + ShingleWords <= words.Count; i++)
        {
            var hash = FnvOffset;
            for (var w = i; w < i + ShingleWords; w++)
            {
                hash = Mix(hash ^ words[w]);
            }

            shingles.Add(hash);
        }

        if (shingles.Count == 0 && words.Count > 0)
        {
            shingles.Add(words.Aggregate(FnvOffset, (hash, word) => Mix(hash ^ word)));
        }

        return shingles;
    }

    /// <summary>FNV-1a of each run of letters and digits, lower-cased, hashed as it is read.</summary>
    private static List<ulong> Words(IReadOnlyList<string> texts)
    {
        var length = 0;
        foreach (var text in texts)
        {
            length += text.Length;
        }

        // A guess of one word per six characters: short of it on figure-heavy text, where a list of 8-byte hashes grows
        // once more (cheap beside the taggers' 50-byte tokens, which are sized by an exact count, Tokenizer.MostWords).
        var words = new List<ulong>((length / 6) + 1);
        foreach (var text in texts)
        {
            var hash = FnvOffset;
            var inWord = false;
            foreach (var c in text.Normalize(NormalizationForm.FormKC))
            {
                if (char.IsLetterOrDigit(c))
                {
                    hash = (hash ^ char.ToLowerInvariant(c)) * FnvPrime;
                    inWord = true;
                }
                else if (inWord)
                {
                    words.Add(hash);
                    hash = FnvOffset;
                    inWord = false;
                }
            }

            if (inWord)
            {
                words.Add(hash);
            }
        }

        return words;
    }

    // SplitMix64's finaliser: a cheap, well-mixed 64-bit permutation.
    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    private static Vector256<ulong> Mix(Vector256<ulong> value)
    {
        value = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >>> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >>> 31);
    }
}
