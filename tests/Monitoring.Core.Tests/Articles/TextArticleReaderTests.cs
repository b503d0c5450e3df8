using Monitoring.Core.Articles;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Articles;

public sealed class TextArticleReaderTests : IDisposable
{
    private static readonly DateTimeOffset IngestedAt = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("monitoring-core-tests-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Example_TakesSourceLanguageAndDate_FromItsSidecar()
    {
        var article = TextArticleReader.Read(RepositoryPaths.ExampleArticle, IngestedAt);

        Assert.Equal("RFE/RL", article.Source);
        Assert.Equal("en", article.Language);
        Assert.Equal(new DateTimeOffset(2020, 2, 17, 0, 0, 0, TimeSpan.Zero), article.Published);
        Assert.False(article.IsUndated);
        Assert.Equal("With reporting by AP", article.Credit);
    }

    [Fact]
    public void TextWithoutSidecar_IsUndated_WithDefaultSourceAndLanguage()
    {
        var path = Write("plain.txt", "Some headline\n\nSome body.\n");

        var article = TextArticleReader.Read(path, IngestedAt);

        Assert.Null(article.Published);
        Assert.True(article.IsUndated);
        Assert.Equal(IngestedAt, article.EffectiveDate);
        Assert.Equal(ArticleSidecar.UnknownSource, article.Source);
        Assert.Equal("und", article.Language); // detected when enriched
        Assert.Equal(ArticleId.ForContent("unknown", "Some headline", "Some body."), article.Id);
    }

    [Fact]
    public void SidecarWithUrl_GivesTheUrlId()
    {
        var path = Write("linked.txt", "Headline\n\nBody.\n");
        Write("linked.meta.json", """{"source":"RFE/RL","language":"en","published":"2020-02-17","url":"https://www.rferl.org/a/x.html"}""");

        var article = TextArticleReader.Read(path, IngestedAt);

        Assert.Equal(ArticleId.ForUrl(new Uri("https://www.rferl.org/a/x.html")), article.Id);
        Assert.Equal(new Uri("https://www.rferl.org/a/x.html"), article.Url);
    }

    [Fact]
    public void SidecarWithSourceCountry_GivesTheOutletsCountry_InUpperCase()
    {
        var path = Write("rts.txt", "Skupština usvojila budžet\n\nBody.\n");
        Write("rts.meta.json", """{"source":"RTS","language":"sr","sourceCountry":"rs"}""");

        var article = TextArticleReader.Read(path, IngestedAt);

        Assert.Equal("RS", article.SourceCountry);
    }

    [Fact]
    public void SidecarWithASourceCountryThatIsNoCode_Throws_NamingTheFile()
    {
        var path = Write("serbia.txt", "Headline\n\nBody.\n");
        Write("serbia.meta.json", """{"source":"RTS","sourceCountry":"Serbia"}""");

        var error = Assert.Throws<InvalidDataException>(() => TextArticleReader.Read(path, IngestedAt));

        Assert.Contains("serbia.meta.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("sourceCountry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadSidecar_Throws_NamingTheFile()
    {
        var path = Write("broken.txt", "Headline\n\nBody.\n");
        Write("broken.meta.json", "{ \"source\": ");

        var error = Assert.Throws<InvalidDataException>(() => TextArticleReader.Read(path, IngestedAt));

        Assert.Contains("broken.meta.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SidecarWithUnreadableDate_Throws_NamingTheFile()
    {
        var path = Write("dated.txt", "Headline\n\nBody.\n");
        Write("dated.meta.json", """{"source":"X","published":"17 Feb 2020 maybe"}""");

        var error = Assert.Throws<InvalidDataException>(() => TextArticleReader.Read(path, IngestedAt));

        Assert.Contains("dated.meta.json", error.Message, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
