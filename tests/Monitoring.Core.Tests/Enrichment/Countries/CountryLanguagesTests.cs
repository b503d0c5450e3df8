using Monitoring.Core.Enrichment;

namespace Monitoring.Core.Tests.Enrichment.Countries;

/// <summary>Serbian case forms in both scripts, Albanian, Macedonian and Russian forms; checked by hand.</summary>
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

    [Theory]
    [InlineData("Министр обороны России посетил Сербию.", "RU")]
    [InlineData("Министр обороны России посетил Сербию.", "RS")]
    [InlineData("Выборы в Черногории прошли спокойно.", "ME")]
    [InlineData("Делегация Хорватии прибыла в Белград.", "HR")]
    [InlineData("Премьер Албании встретился с лидерами Северной Македонии.", "MK")]
    [InlineData("Представители США и Косово провели встречу.", "US")]
    public void Finds_TheCountry_InDeclinedRussianForms(string sentence, string code)
    {
        Assert.Contains(Countries(sentence, "ru"), country => country.Code == code);
    }

    [Fact]
    public void TheRussianPronounTogo_IsNoCountry()
    {
        // "Того же мнения придерживается министр": "of that same opinion is the minister".
        Assert.Empty(Countries("Того же мнения придерживается министр.", "ru"));
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
