using Monitoring.Core.Articles;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Articles;

public sealed class WhitespaceTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("Vučić met Kurti", "Vučić met Kurti")]
    [InlineData("  Vučić   met\tKurti \n", "Vučić met Kurti")]
    [InlineData("Протест\u00a0у\u2003Београду", "Протест у Београду")]
    [InlineData("one\r\n\r\ntwo", "one two")]
    [InlineData("x", "x")]
    [InlineData(" x", "x")]
    [InlineData("x ", "x")]
    public void RunsOfWhitespace_BecomeOneSpace_AndTheEndsAreTrimmed(string text, string expected) =>
        Assert.Equal(expected, Whitespace.Collapse(text));

    [Fact]
    public void TextThatIsAlreadyCollapsed_IsReturnedWithoutACopy()
    {
        var text = "Serbia and Russia signed a military cooperation plan.";

        Assert.Same(text, Whitespace.Collapse(text));
    }

    [Fact]
    public void EveryLineOfTheDemoCorpus_CollapsesAsSplittingAndJoiningDoes()
    {
        var lines = File.ReadLines(Path.Combine(RepositoryPaths.Seeds, "corpus", "wikipedia-current-events-balkans.jsonl"))
            .Concat(File.ReadLines(RepositoryPaths.ExampleArticle))
            .Select(line => line.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal))
            .ToList();

        Assert.True(lines.Count > 1_000, $"{lines.Count} lines");
        Assert.All(lines, line =>
            Assert.Equal(string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), Whitespace.Collapse(line)));
    }
}
