using Monitoring.Web.Features.Search;

namespace Monitoring.Web.Tests.Features.Search;

public sealed class CsvExportWriterTests
{
    [Theory]
    [InlineData("Unrest in Kosovo", "Unrest in Kosovo")]
    [InlineData("Kosovo, Serbia", "\"Kosovo, Serbia\"")]
    [InlineData("the \"Brussels\" deal", "\"the \"\"Brussels\"\" deal\"")]
    [InlineData("two\nlines\r\nhere", "two lines here")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-election", "'-election")]
    [InlineData("", "")]
    public void Cells_AreOneLine_QuotedWhenNeeded_AndNeverFormulas(string value, string written) =>
        Assert.Equal(written, CsvExportWriter.Cell(value));
}
