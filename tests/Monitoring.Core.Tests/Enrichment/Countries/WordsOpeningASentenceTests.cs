namespace Monitoring.Core.Tests.Enrichment.Countries;

/// <summary>
/// A word that opens a sentence or follows a colon is capitalised by its position: an ordinary word there ("Korak",
/// "Riječ", "Pune") is no place it meets only through the stemmer's alternations or as a short foreign town, while a
/// place written letter for letter apart from its ending still counts (Srbiji, Kosovu, Prishtinën). Albanian's
/// accusative definite in -në (Serbinë, Shqipërinë) meets its country. Expected codes are read off the sentences by hand.
/// </summary>
public sealed class WordsOpeningASentenceTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    private List<string> Codes(string text, string language) =>
        [.. fixture.EnrichText(text, text, language).Tags.Countries.Select(country => country.Code).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("Korak bliže rešenju spora", "sr")]
    [InlineData("Корак ближе решењу спора", "sr")]
    [InlineData("Ministar: Korak po korak do rešenja", "sr")]
    [InlineData("Riječ je o velikom problemu", "hr")]
    [InlineData("Pune ruke posla za inspekciju", "sr")]
    [InlineData("Пуне руке посла за инспекцију", "sr")]
    public void AnOrdinaryWordOpeningASentence_IsNoPlace(string text, string language)
    {
        Assert.Empty(Codes(text, language));
    }

    [Theory]
    [InlineData("Srbiji prete nove sankcije", "sr", "RS")]
    [InlineData("Србији прете нове санкције", "sr", "RS")]
    [InlineData("Kosovu potrebna nova vlada", "sr", "XK")]
    [InlineData("Rijeka dobila novu bolnicu", "hr", "HR")]
    [InlineData("Prishtinën e viziton ministri", "sq", "XK")]
    [InlineData("Србија ја поддржа одлуката", "mk", "RS")]
    [InlineData("Delegacija doputovala u Šapcu i Rijeci", "hr", "HR,RS")]
    public void APlaceOpeningASentence_OrDeclinedInside_StaysAPlace(string text, string language, string expected)
    {
        Assert.Equal(expected, string.Join(",", Codes(text, language)));
    }

    [Theory]
    [InlineData("Kurti akuzon Serbinë për sulmin", "RS")]
    [InlineData("Ministri vizitoi Shqipërinë", "AL")]
    [InlineData("Qeveria kritikoi Greqinë", "GR")]
    public void TheAlbanianAccusativeDefinite_MeetsItsCountry(string text, string code)
    {
        Assert.Contains(code, Codes(text, "sq"));
    }
}
