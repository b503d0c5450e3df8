using System.Xml.Linq;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Enrichment.Evaluation;

namespace Monitoring.Core.Tests.Enrichment.Evaluation;

/// <summary>Small corpora written here, in the layouts of LGL, GeoVirus and GeoWebNews.</summary>
public sealed class MentionCorpusTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    private const string Text = "Talks in Ankara and Istanbul went on in Prague.";

    [Fact]
    public void AGeoWebNewsLayout_IsNoLayoutItKnows_AndReadingItIsRefused_NamingTheExpectedLayouts()
    {
        var document = XDocument.Parse($"""
            <articles><article><text>{Text}</text><toponyms>
              <toponym><start>9</start><end>15</end><extractedName>Ankara</extractedName><type>Literal</type><lat>39.9</lat><lon>32.8</lon></toponym>
            </toponyms></article></articles>
            """);

        Assert.Null(MentionCorpus.DetectLayout(document));
        var error = Assert.Throws<InvalidDataException>(() => MentionCorpus.Read(document, fixture.Model.CountryCodeOf, NoGeocoder));
        Assert.Contains("<toponym><start/><end/><phrase/><gaztag><country/>", error.Message, StringComparison.Ordinal);
        Assert.Contains("<location><start/><end/><name/><lat/><lon/>", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<articles/>")]
    [InlineData("<root><item>no articles</item></root>")]
    public void ADocumentWithoutArticles_IsNoLayoutItKnows(string xml)
    {
        Assert.Null(MentionCorpus.DetectLayout(XDocument.Parse(xml)));
    }

    [Fact]
    public void GoldOffsetsThatAreNegativeReversedOrPastTheText_AreSkippedAndCounted()
    {
        var document = Lgl(
            Toponym(9, 15, "Ankara", "Turkey"),
            Toponym(-3, 4, "Talks", "Turkey"),
            Toponym(20, 16, "Istanbul", "Turkey"),
            Toponym(40, 400, "Prague", "Czech Republic"),
            Toponym("x", "15", "Ankara", "Turkey"));

        var corpus = MentionCorpus.Read(document, fixture.Model.CountryCodeOf, NoGeocoder);

        Assert.Equal(MentionCorpusLayout.Lgl, corpus.Layout);
        Assert.Equal(4, corpus.BadOffsets);
        var kept = Assert.Single(Assert.Single(corpus.Articles).Toponyms);
        Assert.Equal(("Ankara", 9, 15), (kept.Phrase, kept.Start, kept.End));
    }

    [Fact]
    public void AGoldCountryName_IsMatchedThroughTheGazetteersAliases_AndUnknownNamesAreCountedAndListed()
    {
        var document = Lgl(
            Toponym(9, 15, "Ankara", "Turkey"),
            Toponym(20, 28, "Istanbul", "Türkiye"),
            Toponym(40, 46, "Prague", "Czech Republic"),
            Toponym(40, 46, "Prague", "Bohemian Kingdom"),
            Toponym(40, 46, "Prague", "Bohemian Kingdom"));

        var corpus = MentionCorpus.Read(document, fixture.Model.CountryCodeOf, NoGeocoder);

        Assert.Equal(["TR", "TR", "CZ", null, null], Assert.Single(corpus.Articles).Toponyms.Select(toponym => toponym.Code));
        Assert.Equal(new Dictionary<string, int> { ["Bohemian Kingdom"] = 2 }, corpus.UnmatchedCountryNames);
    }

    [Fact]
    public void TheTally_FindsAndScoresTheToponyms_TheTaggerMarked()
    {
        var corpus = MentionCorpus.Read(
            Lgl(Toponym(9, 15, "Ankara", "Turkey"), Toponym(40, 46, "Prague", "Czech Republic"), Toponym(40, 46, "Prague", "Bohemian Kingdom")),
            fixture.Model.CountryCodeOf,
            NoGeocoder);
        var tally = new MentionTally(code => code);

        var article = Assert.Single(corpus.Articles);
        tally.Add(article, fixture.EnrichText("", article.Text).Tags.Countries);

        Assert.Equal((3, 2, 2, 1), (tally.Gold, tally.Found, tally.Correct, tally.UnknownCountry));
    }

    [Fact]
    public void ATallyWithoutGold_HasNoShares_RatherThanNaN()
    {
        var tally = new MentionTally(code => code);

        Assert.Null(tally.FoundShare);
        Assert.Null(tally.Precision);
        Assert.Null(tally.Accuracy);
        Assert.Equal("—", MentionTally.Format(tally.Accuracy));
    }

    [Fact]
    public void GeoVirusLocations_WithoutAUsableCoordinate_AreSkippedAndCounted_AndSharedRegionsLeftOut()
    {
        var document = XDocument.Parse($"""
            <articles><article><text>{Text}</text><locations>
              <location><start>9</start><end>15</end><name>Ankara</name><lat>39.93</lat><lon>3286</lon><page>https://en.wikipedia.org/wiki/Ankara</page></location>
              <location><start>20</start><end>28</end><name>Istanbul</name><lat>north</lat><lon>28.97</lon><page>https://en.wikipedia.org/wiki/Istanbul</page></location>
              <location><start>0</start><end>5</end><name>Talks</name><lat>10</lat><lon>20</lon><page>https://en.wikipedia.org/wiki/Africa</page></location>
            </locations></article></articles>
            """);

        var corpus = MentionCorpus.Read(document, fixture.Model.CountryCodeOf, () => throw new InvalidOperationException("Nothing here is to be located."));

        Assert.Equal(MentionCorpusLayout.GeoVirus, corpus.Layout);
        Assert.Equal((2, 1), (corpus.BadCoordinates, corpus.SeveralCountries));
        Assert.Empty(Assert.Single(corpus.Articles).Toponyms);
    }

    private static ReverseGeocoder NoGeocoder() => throw new InvalidOperationException("An LGL corpus needs no geocoder.");

    private static XDocument Lgl(params string[] toponyms) =>
        XDocument.Parse($"<articles><article><text>{Text}</text><toponyms>{string.Concat(toponyms)}</toponyms></article></articles>");

    private static string Toponym(int start, int end, string phrase, string country) =>
        Toponym(start.ToString(System.Globalization.CultureInfo.InvariantCulture), end.ToString(System.Globalization.CultureInfo.InvariantCulture), phrase, country);

    private static string Toponym(string start, string end, string phrase, string country) =>
        $"<toponym><start>{start}</start><end>{end}</end><phrase>{phrase}</phrase><gaztag><country>{country}</country></gaztag></toponym>";
}
