namespace Monitoring.Core.Tests.Enrichment.People;

public sealed class ActorTaggerTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    [Fact]
    public void Example_GivesShoiguAndVulinTheirCountries()
    {
        var people = fixture.EnrichExample().Tags.People;

        Assert.Equal("RU", Assert.Single(people, person => person.Name == "Sergei Shoigu").CountryCode);
        Assert.Equal("RS", Assert.Single(people, person => person.Name == "Aleksandar Vulin").CountryCode);
    }

    [Theory]
    [InlineData("Vučić met Kurti.", "en")]
    [InlineData("Vucic met Kurti.", "en")]
    [InlineData("Вучић се састао са Куртијем.", "sr")]
    [InlineData("Vučić se sastao sa Kurtijem.", "sr")]
    [InlineData("Kryeministri Kurti dhe presidenti Vuçiq u takuan.", "sq")]
    [InlineData("Вучич встретился с Курти.", "ru")]
    public void Finds_CuratedPeople_InEitherScriptAndDeclined(string text, string language)
    {
        var people = fixture.EnrichText("Dijalog", text, language).Tags.People;

        Assert.Equal("RS", Assert.Single(people, person => person.Name == "Aleksandar Vučić").CountryCode);
        Assert.Equal("XK", Assert.Single(people, person => person.Name == "Albin Kurti").CountryCode);
    }

    [Theory]
    [InlineData("Shojgu mbërriti në Beograd.", "sq")]
    [InlineData("Сергей Шойгу прибыл в Белград.", "ru")]
    public void Finds_Shoigu_InAlbanianAndRussian(string text, string language)
    {
        var people = fixture.EnrichText("Vizita", text, language).Tags.People;

        Assert.Equal("RU", Assert.Single(people, person => person.Name == "Sergei Shoigu").CountryCode);
    }

    [Fact]
    public void CountsEveryAlias_OfOnePerson()
    {
        var people = fixture.EnrichText("Banja Luka", "Milorad Dodik spoke. Later Dodik left.").Tags.People;

        var dodik = Assert.Single(people, person => person.Name == "Milorad Dodik");
        Assert.Equal(2, dodik.Mentions);
        Assert.Equal("BA", dodik.CountryCode);
        Assert.Equal(["Milorad Dodik", "Dodik"], dodik.Evidence);
    }

    [Fact]
    public void AnAcronymAlias_MustBeWrittenInCapitals()
    {
        var tags = fixture.EnrichText("Eu", "The Eu river flows north.").Tags;

        Assert.Empty(tags.Organisations);
    }
}
