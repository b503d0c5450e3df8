using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;

namespace Monitoring.Core.Tests.Enrichment.Language;

/// <summary>Sentences written for these tests; the measured accuracy on real text is in docs/quality.md.</summary>
public sealed class LanguageDetectorTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    [Theory]
    [InlineData("Влада Србије је данас усвојила нови закон о јавном информисању.", "sr", "Cyrl")]
    [InlineData("Vlada Srbije je danas usvojila novi zakon o javnom informisanju i bezbednosti.", "sr", "Latn")]
    [InlineData("Правительство России сегодня приняло новый закон о средствах массовой информации.", "ru", "Cyrl")]
    [InlineData("Владата на Северна Македонија ќе донесе нов закон за медиумите следната недела.", "mk", "Cyrl")]
    [InlineData("Qeveria e Kosovës miratoi sot një ligj të ri për mediat dhe sigurinë.", "sq", "Latn")]
    [InlineData("Die Bundesregierung hat heute ein neues Gesetz über die Medien beschlossen.", "de", "Latn")]
    [InlineData("Le gouvernement a adopté aujourd'hui une nouvelle loi sur les médias.", "fr", "Latn")]
    [InlineData("The government adopted a new law on the media and security today.", "en", "Latn")]
    public void Detects_TheLanguageAndScript(string text, string language, string script)
    {
        var guess = fixture.Model.LanguageDetector.Detect(text);

        Assert.Equal(language, guess.Language);
        Assert.Equal(script, guess.Script);
        Assert.InRange(guess.Confidence, 0.5, 1);
    }

    [Fact]
    public void Detects_CroatianByItsIjekavianAndCroatianWords()
    {
        var guess = fixture.Model.LanguageDetector.Detect("Predsjednik je tijekom tjedna posjetio tisuću građana u Zagrebu, također i u Splitu.");

        Assert.Equal("hr", guess.Language);
    }

    [Fact]
    public void ATooShortText_IsUndetermined()
    {
        Assert.Equal(LanguageGuess.Undetermined, fixture.Model.LanguageDetector.Detect("OK").Language);
    }

    [Fact]
    public void AnUndeterminedArticle_GetsTheDetectedLanguage_AndADeclaredOneIsKept()
    {
        var undetermined = fixture.EnrichText("Вучић у Москви", "Председник Србије Александар Вучић састао се у Москви са руским председником.", LanguageGuess.Undetermined);
        var declared = fixture.EnrichText("Vučić u Moskvi", "Predsednik Srbije sastao se u Moskvi.", "sr");

        Assert.Equal("sr", undetermined.Article.Language);
        Assert.Equal("sr", undetermined.Tags.DetectedLanguage.Language);
        Assert.Contains(undetermined.Tags.Countries, country => country.Code == "RU");
        Assert.Equal("sr", declared.Article.Language);
    }

    [Fact]
    public void ATextFileWithoutSidecar_IsReadInTheLanguageDetected_WithItsCaseForms()
    {
        var folder = Directory.CreateTempSubdirectory("monitoring-language-");
        try
        {
            var path = Path.Combine(folder.FullName, "vizit.txt");
            File.WriteAllText(path, "Министр обороны России посетил Сербию\n\nСергей Шойгу прибыл в Белград, где обсудил сотрудничество с Черногорией.\n");

            var enriched = fixture.Enricher.Enrich(TextArticleReader.Read(path, DateTimeOffset.UnixEpoch));

            Assert.Equal("ru", enriched.Article.Language);
            Assert.Equal(["ME", "RS", "RU"], enriched.Tags.Countries.Select(country => country.Code).Order(StringComparer.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void AnEmptyLanguage_IsDetectedToo()
    {
        var article = new Article
        {
            Id = ArticleId.ForContent("test", "t", "b"),
            Title = "Die Regierung",
            Paragraphs = ["Die Bundesregierung hat heute ein neues Gesetz beschlossen."],
            Source = "test",
            Language = "",
            IngestedAt = DateTimeOffset.UnixEpoch,
        };

        Assert.Equal("de", fixture.Enricher.Enrich(article).Article.Language);
    }
}
