namespace Monitoring.Core.Tests.Enrichment.Countries;

/// <summary>
/// The same headline in Cyrillic and in Latin gets the same countries, about flags and actors: Serbian
/// (written once in Latin and put into Cyrillic letter for letter) and Macedonian (both spellings written out, the
/// Latin one as Macedonian outlets transliterate: ќ kj, ѓ gj, ш š, ч č, ж ž; a Serbian name in Macedonian spelling,
/// Вучиќ, is the same actor). Expected codes are read off the
/// sentences by hand.
/// </summary>
public sealed class CountriesInBothScriptsTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    private string Tags(string text, string language)
    {
        var tags = fixture.EnrichText(text, text, language).Tags;
        return string.Join(";", tags.Countries.OrderBy(country => country.Code, StringComparer.Ordinal)
            .Select(country => $"{country.Code}{(country.IsAbout ? "+" : "")}{country.Mentions}:{string.Join("|", country.Actors)}"));
    }

    private List<string> About(string text, string language) =>
        [.. fixture.EnrichText(text, text, language).Tags.Countries.Where(country => country.IsAbout).Select(country => country.Code).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("Vučić razgovarao sa Orbanom u Beogradu o gasovodu", "HU,RS")]
    [InlineData("Srpska lista predala žalbu, Kurti odbio dijalog", "XK")]
    [InlineData("Uhapšen Srbin iz Leposavića, protest u Zvečanu", "XK")]
    [InlineData("Delegacija Crne Gore u Nišu i Novom Pazaru", "ME,RS")]
    // Brussels seats the EU: where a minister goes for it is the venue (docs/enrichment.md, "Leaders, venues and villages").
    [InlineData("Korak bliže Evropi: Dačić u Briselu", "RS")]
    [InlineData("Pripadnici mađarske manjine u Vojvodini traže škole", "RS")]
    public void ASerbianHeadline_GetsTheSameTagsInCyrillicAndLatin(string latin, string about)
    {
        var cyrillic = SerbianScripts.ToCyrillic(latin);

        Assert.Equal(about, string.Join(",", About(latin, "sr")));
        Assert.Equal(Tags(latin, "sr"), Tags(cyrillic, "sr"));
    }

    [Theory]
    [InlineData("Мицкоски и Рама се сретнаа во Скопје", "Mickoski i Rama se sretnaa vo Skopje", "AL,MK")]
    [InlineData("Вучиќ разговараше со Мицкоски за граничниот премин", "Vučikj razgovaraše so Mickoski za graničniot premin", "MK,RS")]
    [InlineData("Протест во Тетово и Куманово против владата", "Protest vo Tetovo i Kumanovo protiv vladata", "MK")]
    [InlineData("Бугарија повторно го блокира почетокот на преговорите", "Bugarija povtorno go blokira početokot na pregovorite", "BG")]
    public void AMacedonianHeadline_GetsTheSameCountriesInCyrillicAndLatin(string cyrillic, string latin, string about)
    {
        Assert.Equal(about, string.Join(",", About(cyrillic, "mk")));
        Assert.Equal(about, string.Join(",", About(latin, "mk")));
    }
}
