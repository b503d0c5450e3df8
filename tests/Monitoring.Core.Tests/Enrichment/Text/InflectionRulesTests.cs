using Monitoring.Core.Enrichment.Text;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Enrichment.Text;

/// <summary>
/// The shipped suffix tables (seeds/enrichment/inflection.tsv): a declined form and its dictionary form meet at one
/// stem, in each language family, on the folded keys the tokenizer makes (Cyrillic and Latin alike). Pairs by hand.
/// </summary>
public sealed class InflectionRulesTests
{
    private static readonly InflectionRules Rules = InflectionRules.Read(Path.Combine(RepositoryPaths.Seeds, "enrichment", InflectionRules.FileName));

    private static string Stem(string word, string language) =>
        Rules.For(language)!.Stem(TextFolding.Fold(word.ToLowerInvariant()));

    [Theory]
    [InlineData("Srbija", "Srbiji")]
    [InlineData("Srbija", "Srbijom")]
    [InlineData("Kosovo", "Kosova")]
    [InlineData("Kosovo", "Kosovu")]
    [InlineData("Beograd", "Beogradu")]
    [InlineData("Podgorica", "Podgorici")]
    [InlineData("Sarajevo", "Sarajevu")]
    [InlineData("Niš", "Nišu")]
    [InlineData("Skoplje", "Skoplju")]
    public void Serbian_CaseEndings_MeetTheDictionaryForm(string dictionaryForm, string declined)
    {
        Assert.Equal(Stem(dictionaryForm, "sr"), Stem(declined, "sr"));
    }

    [Theory]
    [InlineData("Šabac", "Šapca")]
    [InlineData("Šabac", "Šapcu")]
    [InlineData("Kragujevac", "Kragujevcu")]
    [InlineData("Čačak", "Čačku")]
    [InlineData("Zadar", "Zadru")]
    [InlineData("Albanac", "Albanaca")]
    [InlineData("Albanac", "Albancima")]
    public void Serbian_FleetingA_AndVoicing_MeetTheDictionaryForm(string dictionaryForm, string declined)
    {
        Assert.Equal(Stem(dictionaryForm, "sr"), Stem(declined, "sr"));
    }

    [Theory]
    [InlineData("Amerika", "Americi")]
    [InlineData("Rijeka", "Rijeci")]
    [InlineData("Bošnjak", "Bošnjaci")]
    [InlineData("Beč", "Beču")]
    public void Croatian_VelarAlternation_MeetsTheDictionaryForm(string dictionaryForm, string declined)
    {
        Assert.Equal(Stem(dictionaryForm, "hr"), Stem(declined, "hr"));
    }

    [Theory]
    [InlineData("srpski", "srpskog")]
    [InlineData("srpski", "srpskoj")]
    [InlineData("srpski", "srpskih")]
    [InlineData("kosovski", "kosovskom")]
    [InlineData("novosadski", "novosadskoga")]
    [InlineData("beogradski", "beogradskim")]
    public void Bosnian_PlaceAdjectives_InEveryCaseAndGender_MeetTheDictionaryForm(string dictionaryForm, string declined)
    {
        Assert.Equal(Stem(dictionaryForm, "bs"), Stem(declined, "bs"));
    }

    [Theory]
    [InlineData("Crna Gora", "Crnoj Gori")]
    [InlineData("Novi Sad", "Novom Sadu")]
    [InlineData("Novi Pazar", "Novog Pazara")]
    public void Montenegrin_NamesOfSeveralWords_DeclineWordByWord(string dictionaryForm, string declined)
    {
        var family = Rules.For("cnr")!;

        Assert.Equal(family.StemPhrase(TextFolding.Fold(dictionaryForm.ToLowerInvariant())), family.StemPhrase(TextFolding.Fold(declined.ToLowerInvariant())));
    }

    [Theory]
    [InlineData("Србија", "Srbiji")]
    [InlineData("Нишу", "Nišu")]
    [InlineData("Шапца", "Šapca")]
    public void SerbianCyrillic_AndLatin_StemAlike(string cyrillic, string latin)
    {
        Assert.Equal(Stem(latin, "sr"), Stem(cyrillic, "sr"));
    }

    [Theory]
    [InlineData("Kosovë", "Kosova")]
    [InlineData("Kosovë", "Kosovës")]
    [InlineData("Kosovë", "Kosovën")]
    [InlineData("Serbi", "Serbia")]
    [InlineData("Serbi", "Serbisë")]
    [InlineData("Shqipëri", "Shqipëria")]
    [InlineData("Shqipëri", "Shqipërisë")]
    [InlineData("Mitrovicë", "Mitrovica")]
    [InlineData("Prishtinë", "Prishtinës")]
    [InlineData("Gjilan", "Gjilanit")]
    [InlineData("Shkodër", "Shkodrës")]
    public void Albanian_DefiniteAndCaseForms_MeetTheIndefiniteForm(string indefinite, string declined)
    {
        Assert.Equal(Stem(indefinite, "sq"), Stem(declined, "sq"));
    }

    [Theory]
    [InlineData("македонски", "македонската")]
    [InlineData("македонски", "македонскиот")]
    [InlineData("македонски", "македонските")]
    [InlineData("српски", "српската")]
    [InlineData("Македонија", "Македонијата")]
    public void Macedonian_DefiniteArticleSuffixes_MeetTheBareForm(string bare, string definite)
    {
        Assert.Equal(Stem(bare, "mk"), Stem(definite, "mk"));
    }

    [Theory]
    [InlineData("Slovenija", "Sloveniji")]
    [InlineData("Slovenija", "Slovenijo")]
    [InlineData("Ljubljana", "Ljubljano")]
    [InlineData("Hrvaška", "Hrvaškem")]
    [InlineData("Koper", "Kopru")]
    public void Slovenian_CaseForms_MeetTheDictionaryForm(string dictionaryForm, string declined)
    {
        Assert.Equal(Stem(dictionaryForm, "sl"), Stem(declined, "sl"));
    }

    [Fact]
    public void English_IsNotDeclined()
    {
        Assert.Null(Rules.For("en"));
    }

    [Fact]
    public void ALanguageWithoutItsOwnTable_UsesTheTableForEveryOtherLanguage()
    {
        Assert.Equal("any", Rules.For("ru")!.Name);
        Assert.Equal("sh", Rules.For("sr-Latn")!.Name);
    }

    [Fact]
    public void AForeignName_LosesOnlyItsEnding()
    {
        var croatian = Rules.For("hr")!;

        Assert.Equal("helsinki", croatian.Strip("helsinkiju"));
        Assert.Equal("london", croatian.Strip("londonu"));
        Assert.Null(croatian.Strip("nis"));
    }

    [Fact]
    public void AMalformedRule_IsRefused_NamingTheLine()
    {
        var file = Path.Combine(Path.GetTempPath(), $"inflection-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(file, "sh\tlanguages\tsr\nsh\tstem\tac-c\n");
        try
        {
            var problem = Assert.Throws<InvalidDataException>(() => InflectionRules.Read(file));

            Assert.Contains("line 2", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
