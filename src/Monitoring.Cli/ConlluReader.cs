using System.Globalization;

namespace Monitoring.Cli;

/// <summary>One word of a CoNLL-U sentence, with where its form starts in the sentence's <c># text</c> (-1 when not found).</summary>
internal sealed record UdWord(string Form, string Lemma, string PartOfSpeech, string Features, int Start)
{
    public bool IsCapitalised => Form.Length > 0 && char.IsUpper(Form[0]);

    /// <summary>A feature's value ("Gender" → "Fem"), or null.</summary>
    public string? Feature(string name) =>
        Features.Split('|').Select(pair => pair.Split('=', 2)).FirstOrDefault(pair => pair.Length == 2 && pair[0] == name)?[1];
}

/// <summary>One sentence: the document it belongs to (<c># newdoc id</c>), its id, its <c># parallel_id</c>, text and words.</summary>
internal sealed record UdSentence(string Document, string Id, string? ParallelId, string Text, IReadOnlyList<UdWord> Words);

/// <summary>
/// Reads Universal Dependencies CoNLL-U files (https://universaldependencies.org/format.html): comment lines
/// carry the metadata, word lines ten tab-separated columns; multi-word ranges (1-2) and empty nodes (1.1) are skipped.
/// </summary>
internal static class ConlluReader
{
    /// <exception cref="InvalidDataException">The file is not CoNLL-U; the message says which line and why.</exception>
    public static IReadOnlyList<UdSentence> Read(string path)
    {
        var sentences = new List<UdSentence>();
        var document = "";
        string? id = null;
        string? parallel = null;
        string? text = null;
        var words = new List<UdWord>();
        var position = 0;
        var lineNumber = 0;

        void Finish()
        {
            if (words.Count > 0)
            {
                sentences.Add(new UdSentence(document, id ?? $"line {lineNumber}", parallel, text ?? string.Join(' ', words.Select(word => word.Form)), words));
            }

            words = [];
            id = parallel = text = null;
            position = 0;
        }

        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                Finish();
            }
            else if (line.StartsWith('#'))
            {
                var (name, value) = Comment(line);
                switch (name)
                {
                    case "newdoc id":
                        document = value;
                        break;
                    case "sent_id":
                        id = value;
                        break;
                    case "parallel_id":
                        parallel = value;
                        break;
                    case "text":
                        text = value;
                        break;
                }
            }
            else
            {
                var columns = line.Split('\t');
                if (columns.Length != 10)
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: not CoNLL-U (a word line has ten tab-separated columns, this one {columns.Length}).");
                }

                if (!int.TryParse(columns[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    continue;
                }

                var start = text?.IndexOf(columns[1], position, StringComparison.Ordinal) ?? -1;
                if (start >= 0)
                {
                    position = start + columns[1].Length;
                }

                words.Add(new UdWord(columns[1], columns[2], columns[3], columns[5], start));
            }
        }

        Finish();
        return sentences.Count > 0 ? sentences : throw new InvalidDataException($"{path}: not CoNLL-U (no sentence found).");
    }

    private static (string Name, string Value) Comment(string line)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? ("", "") : (line[1..equals].Trim(), line[(equals + 1)..].Trim());
    }
}
