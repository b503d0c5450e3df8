using System.Buffers;

namespace Monitoring.Core.Articles;

/// <summary>Runs of whitespace as one space, none at either end: what splitting on whitespace and joining with a space gives.</summary>
public static class Whitespace
{
    /// <summary>
    /// <paramref name="text"/> with every run of whitespace (<see cref="char.IsWhiteSpace(char)"/>) made one space and
    /// none at either end. Text that is already so is returned as it is, without a copy: most of an article's
    /// paragraphs are, and splitting them into words to join them again made a string per word (benchmark 2).
    /// </summary>
    public static string Collapse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsCollapsed(text))
        {
            return text;
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var length = 0;
            var pendingSpace = false;
            foreach (var character in text)
            {
                if (char.IsWhiteSpace(character))
                {
                    pendingSpace = length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    buffer[length++] = ' ';
                    pendingSpace = false;
                }

                buffer[length++] = character;
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool IsCollapsed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || i == 0 || i == text.Length - 1 || text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }
}
