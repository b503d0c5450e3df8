using Monitoring.Core.Articles;

namespace Monitoring.Core.Tests.Articles;

public sealed class HtmlTextTests
{
    [Fact]
    public void ToParagraphs_BreaksAtBlocks_DecodesEntities_AndDropsScripts()
    {
        const string html = """
            <div><h1>Vučić meets&nbsp;Putin</h1><script>alert('x<p>')</script>
            <p>Belgrade &amp; Moscow signed   an <b>agreement</b>.</p><!-- ad --><p>Second<br>line</p>
            <style>p { color: red }</style></div>
            """;

        var paragraphs = HtmlText.ToParagraphs(html);

        Assert.Equal(["Vučić meets Putin", "Belgrade & Moscow signed an agreement.", "Second", "line"], paragraphs);
    }

    [Theory]
    [InlineData("<p>text</p>", true)]
    [InlineData("Tom &amp; Jerry", true)]
    [InlineData("a < b and c > d", false)]
    [InlineData("plain text", false)]
    public void LooksLikeHtml_TellsMarkupFromText(string text, bool expected) =>
        Assert.Equal(expected, HtmlText.LooksLikeHtml(text));
}
