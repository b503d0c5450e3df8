using Monitoring.Core.Articles;

namespace Monitoring.Core.Tests.Articles;

public sealed class TitleFromTextTests
{
    [Theory]
    [InlineData("Talks resumed in Brussels. Both sides agreed to meet again.", "Talks resumed in Brussels.")]
    [InlineData("Gen. Mladić was sentenced in The Hague. The court ruled today.", "Gen. Mladić was sentenced in The Hague.")]
    [InlineData("U.S. troops left the base on Monday. More follow.", "U.S. troops left the base on Monday.")]
    [InlineData("\"We will not give up,\" he said! Then he left.", "\"We will not give up,\" he said!")]
    [InlineData("Да ли ће преговори почети? Одговор стиже сутра.", "Да ли ће преговори почети?")]
    [InlineData("A sentence without an end", "A sentence without an end")]
    [InlineData("First paragraph only\n\nSecond paragraph.", "First paragraph only")]
    public void TakesTheFirstSentence(string text, string expected) =>
        Assert.Equal(expected, TitleFromText.FirstSentence(text));

    [Fact]
    public void ALongFirstSentence_IsCutAtAWord_AndMarkedAsCut()
    {
        var text = string.Join(' ', Enumerable.Repeat("Negotiators", 30)) + ".";

        var title = TitleFromText.FirstSentence(text);

        Assert.True(title.Length <= TitleFromText.MaxLength, title);
        Assert.EndsWith("Negotiators…", title, StringComparison.Ordinal);
    }
}
