using Monitoring.Core.Enrichment;

namespace Monitoring.Core.Tests.Enrichment.Countries;

/// <summary>Serbian case forms in both scripts, Albanian and Macedonian forms; checked by hand.</summary>
public sealed class CountryLanguagesTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    private IReadOnlyList<CountryTag> Countries(string body, string language) =>
        fixture.EnrichText("Vesti", body, language).Tags.Countries;

    [Theory]
    [InlineData("Predsednik je boravio u Srbiji.", "RS")]
    [InlineData("Председник је боравио у Србији.", "RS")]
    [InlineData("Delegacija je stigla u Beograd.", "RS")]
    [InlineData("Sastanak je održan u Beogradu.", "RS")]
    [InlineData("Састанак је одржан у Београду.", "RS")]
    [InlineData("Razgovarali su o Kosovu.", "XK")]
    [InlineData("Разговарали су о Косову.", "XK")]
    [InlineData("Policija Kosova je reagovala.", "XK")]
    [InlineData("Sastanak u Prištini je otkazan.", "XK")]
    [InlineData("Izbori u Crnoj Gori su završeni.", "ME")]
    [InlineData("Vlada Republike Srpske je odlučila.", "BA")]
    [InlineData("Ministar je otputovao u Moskvu.", "RU")]
    [InlineData("Odnosi sa Rusijom su dobri.", "RU")]
    public void Finds_TheCountry_InADeclinedSerbianForm(string sentence, string code)
    {
        Assert.Contains(Countries(sentence, "sr"), country => country.Code == code);
    }

    [Theory]
    [InlineData("Qeveria e Kosovës mbajti mbledhje në Prishtinë.", "XK")]
    [InlineData("Kryeministri i Shqipërisë vizitoi Tiranën.", "AL")]
    public void Finds_TheCountry_InAlbanianForms(string sentence, string code)
    {
        Assert.Contains(Countries(sentence, "sq"), country => country.Code == code);
    }

    [Fact]
    public void Finds_SerbianAdjectives_InLowercase()
    {
        var countries = Countries("Srpski i ruski ministri razgovarali su o kineskim investicijama.", "sr");

        Assert.Equal(["CN", "RS", "RU"], countries.Select(country => country.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DoesNotDecline_EnglishText()
    {
        // "Serbs" is a curated demonym; "Serbo" is no form, and English text is matched as written.
        Assert.Empty(Countries("The Serbo committee met.", "en"));
    }
}
