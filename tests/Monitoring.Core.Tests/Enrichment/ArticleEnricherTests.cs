using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Enrichment;

public sealed class ArticleEnricherTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    [Fact]
    public void ABatch_IsEnrichedInOrder_AndOneArticleThatFails_LeavesTheOthersTagged()
    {
        var example = TextArticleReader.Read(RepositoryPaths.ExampleArticle, DateTimeOffset.UnixEpoch);
        var kosovo = example with { Id = ArticleId.ForContent("test", "Pristina", "Pristina"), Title = "Pristina", Paragraphs = ["Talks in Pristina."] };

        var results = fixture.Enricher.EnrichEach([example, null!, kosovo], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, results.Count);
        Assert.Equal(example.Id, results[0].Article!.Article.Id);
        Assert.Contains(results[0].Article!.Tags.Countries, country => country.Code == "RS");
        Assert.IsType<ArgumentNullException>(results[1].Failure);
        Assert.Contains(results[2].Article!.Tags.Countries, country => country.Code == "XK");
    }

    [Fact]
    public void Example_MentionsTheCountriesOfTheStory()
    {
        var codes = fixture.EnrichExample().Tags.Countries.Select(country => country.Code);

        Assert.Superset(new HashSet<string>(["RS", "RU", "XK", "ME", "BA", "HR", "UA"]), codes.ToHashSet());
    }

    [Fact]
    public void Example_FindsBosnia_BothHyphenatedAndShort()
    {
        var bosnia = Assert.Single(fixture.EnrichExample().Tags.Countries, country => country.Code == "BA");

        Assert.Equal("Bosnia and Herzegovina", bosnia.Name);
        Assert.Contains("Bosnia-Herzegovina", bosnia.Evidence);
        Assert.Contains("Bosnia", bosnia.Evidence);

        // "Bosnia-Herzegovina" once, "Bosnia" twice ("neighboring Montenegro and Bosnia", "leader in Bosnia").
        Assert.Equal(3, bosnia.Mentions);
    }

    [Fact]
    public void Example_FindsRussia_ThroughMoscowAndTheDemonym()
    {
        var russia = Assert.Single(fixture.EnrichExample().Tags.Countries, country => country.Code == "RU");

        Assert.Contains("Moscow", russia.Evidence);
        Assert.Contains("Russian", russia.Evidence);
    }

    [Fact]
    public void Example_FindsSerbia_ThroughBelgradeDemonymsAndPossessive()
    {
        var serbia = Assert.Single(fixture.EnrichExample().Tags.Countries, country => country.Code == "RS");

        Assert.Superset(new HashSet<string>(["Belgrade", "Serbian", "Serbs", "Serb", "Serbia"]), serbia.Evidence.ToHashSet());
    }

    [Fact]
    public void Example_IsAboutMilitaryCooperationAndArmsTrade()
    {
        var topics = fixture.EnrichExample().Tags.Topics;

        var cooperation = Assert.Single(topics, topic => topic.Id == "military-cooperation");
        Assert.Equal("Military cooperation", cooperation.Label);
        Assert.Contains("military cooperation", cooperation.Evidence);
        var arms = Assert.Single(topics, topic => topic.Id == "arms-trade");
        Assert.Contains("fighter jets", arms.Evidence);
        Assert.Contains("S-400", arms.Evidence);
    }

    [Fact]
    public void Example_NamesShoiguAndVulin_CountingSurnameOnlyMentions()
    {
        var people = fixture.EnrichExample().Tags.People;

        // Shoigu: "Sergei Shoigu", "Shoigu said", "Shoigu also invited", "with Shoigu" (the caption is not body).
        var shoigu = Assert.Single(people, person => person.Name == "Sergei Shoigu");
        Assert.Equal(4, shoigu.Mentions);

        // Vulin: "Aleksandar Vulin said", "invited Vulin", "Vulin’s ninth meeting".
        var vulin = Assert.Single(people, person => person.Name == "Aleksandar Vulin");
        Assert.Equal(3, vulin.Mentions);
    }

    [Theory]
    [InlineData("Defense Ministry")]
    [InlineData("Victory Day")]
    [InlineData("Nazi Germany")]
    [InlineData("Serbian Orthodox Church")]
    [InlineData("Orthodox Church")]
    [InlineData("European Union")]
    [InlineData("World War")]
    public void Example_DoesNotTakeInstitutionsOrEventsForPeople(string notAPerson)
    {
        Assert.DoesNotContain(fixture.EnrichExample().Tags.People, person => person.Name.Contains(notAPerson, StringComparison.Ordinal));
    }

    [Fact]
    public void Example_IsTense_WithTheWordsThatMadeItSo()
    {
        var tension = fixture.EnrichExample().Tags.Tension;

        Assert.InRange(tension.Value, 1, 99);
        Assert.Contains(tension.Evidence, item => item.Term == "bloody" && item.Count == 2);
        Assert.Contains(tension.Evidence, item => item.Term == "secession" && item.Count == 1);
    }

    [Fact]
    public void Tension_IsZero_ForACalmText()
    {
        var calm = fixture.EnrichText("Library opens", "The city library opened a new reading room on Monday.");

        Assert.Equal(0, calm.Tags.Tension.Value);
        Assert.Empty(calm.Tags.Tension.Evidence);
    }

    [Fact]
    public void Tension_OfALongArticle_StaysBelowTheMaximum()
    {
        var sentence = "Clashes broke out and two people were killed as tensions rose. ";
        var longText = string.Concat(Enumerable.Repeat(sentence, 200));

        var tense = fixture.EnrichText("Violence", longText);

        Assert.InRange(tense.Tags.Tension.Value, 50, 99.9);
    }

    [Fact]
    public void Organisations_AreNotCountries()
    {
        var enriched = fixture.EnrichText("Summit", "NATO and the EU agreed at the UN that the European Union will act.");

        Assert.Empty(enriched.Tags.Countries);
    }

    [Fact]
    public void LowercaseWords_ThatAreAlsoPlaceNames_AreNotCountries()
    {
        var enriched = fixture.EnrichText("Dinner", "We had turkey at a nice bar and then had to split the bill.");

        Assert.Empty(enriched.Tags.Countries);
    }

    [Fact]
    public void Tags_Serbia_WhenBelgradeIsMentioned()
    {
        var enriched = fixture.EnrichText("Visit", "The delegation arrived in Belgrade on Tuesday.");

        var country = Assert.Single(enriched.Tags.Countries);
        Assert.Equal("RS", country.Code);
        Assert.Equal(["Belgrade"], country.Evidence);
    }

    [Fact]
    public void Tags_Kosovo_WhenPristinaIsMentioned()
    {
        var enriched = fixture.EnrichText("Talks", "Officials in Pristina rejected the proposal.");

        Assert.Equal("XK", Assert.Single(enriched.Tags.Countries).Code);
    }

    [Fact]
    public void Tags_TheUnitedStates_NotMexico_ForNewMexico()
    {
        var enriched = fixture.EnrichText("Weather", "Storms hit New Mexico on Sunday.");

        Assert.Equal("US", Assert.Single(enriched.Tags.Countries).Code);
    }

    [Fact]
    public void Model_NamesCountriesAndTopics_AndFallsBackToTheCode()
    {
        Assert.Equal("Kosovo", fixture.Model.CountryName("XK"));
        Assert.Equal("QQ", fixture.Model.CountryName("QQ"));
        Assert.Equal("Arms trade", fixture.Model.TopicLabel("arms-trade"));
        Assert.Equal("no-such-topic", fixture.Model.TopicLabel("no-such-topic"));
    }

    [Fact]
    public void Model_HasTheTopicsOfTheTaxonomy()
    {
        var ids = fixture.Model.Topics.Select(topic => topic.Id).ToHashSet();

        Assert.Superset(
            new HashSet<string>([
                "military-cooperation", "arms-trade", "military-exercises", "diplomacy", "eu-accession", "nato",
                "russian-influence", "elections", "protests", "ethnic-tensions", "secession", "kosovo-serbia-dialogue",
                "war-legacy", "energy", "organised-crime-corruption", "chinese-influence", "economy-sanctions",
                "media-freedom", "migration",
            ]),
            ids);
    }

    [Fact]
    public void DemoCorpus_InParallel_GivesTheSameTagsAsInSequence()
    {
        // Speed is measured by `monitoring eval countries` (articles/s in docs/quality.md), not here.
        var articles = SeedFolder.ReadArticles(RepositoryPaths.Seeds, DateTimeOffset.UnixEpoch).ToList();
        var enricher = fixture.Enricher;

        var sequential = articles.Select(enricher.Enrich).ToList();
        var parallel = articles.AsParallel().AsOrdered().Select(enricher.Enrich).ToList();

        Assert.Equal(
            sequential.Select(article => string.Join(',', article.Tags.Countries.Select(country => country.Code))),
            parallel.Select(article => string.Join(',', article.Tags.Countries.Select(country => country.Code))));
    }

    [Theory]
    [InlineData("Нови круг дијалога Београда и Приштине у Бриселу", "Разговори о Заједници српских општина настављени су у Бриселу.", "kosovo-serbia-dialogue")]
    [InlineData("Migranti na balkanskoj ruti", "Izbeglice i migranti čekaju na granici.", "migration")]
    public void Topics_AreFound_InSerbianText(string title, string body, string topic)
    {
        var topics = fixture.EnrichText(title, body, "sr").Tags.Topics;

        Assert.Contains(topics, found => found.Id == topic);
    }
}
