using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment.Tension;

namespace Monitoring.Core.Enrichment;

/// <summary>An article with the tags the enricher gave it; this is what the search engines index.</summary>
public sealed record EnrichedArticle(Article Article, ArticleTags Tags)
{
    public ArticleId Id => Article.Id;
}

/// <summary>Everything enrichment found, each with the evidence that explains it.</summary>
public sealed record ArticleTags
{
    public static ArticleTags None { get; } = new();

    public IReadOnlyList<CountryTag> Countries { get; init; } = [];

    public IReadOnlyList<TopicTag> Topics { get; init; } = [];

    public IReadOnlyList<PersonTag> People { get; init; } = [];

    /// <summary>Curated organisations (NATO, EU, KFOR, parties…); one that acts for a country also weighs for it in <see cref="Countries"/> (<see cref="CountryTag.Actors"/>).</summary>
    public IReadOnlyList<OrganisationTag> Organisations { get; init; } = [];

    /// <summary>The language the text reads as, whatever the article declared.</summary>
    public LanguageGuess DetectedLanguage { get; init; } = LanguageGuess.Unknown;

    public TensionScore Tension { get; init; } = TensionScore.Calm;
}

/// <param name="Code">ISO 3166-1 alpha-2, Kosovo is XK.</param>
/// <param name="Name">English short name, for display.</param>
/// <param name="Mentions">How often the country was referred to.</param>
/// <param name="Evidence">The surface forms that matched, e.g. "Belgrade", "Serbian".</param>
public sealed record CountryTag(string Code, string Name, int Mentions, IReadOnlyList<string> Evidence)
{
    /// <summary>
    /// True when the story is mainly about this country (title, lead, frequency), not merely mentioning it.
    /// Every tag is a mention; some are also "about".
    /// </summary>
    public bool IsAbout { get; init; }

    /// <summary>The weight that decided <see cref="IsAbout"/>: 3 for the title, 2 for the lead, 1 per mention.</summary>
    public double AboutWeight { get; init; }

    /// <summary>
    /// True when no word of the text names the country: the article names no country (nor a curated person or
    /// organisation of one) and its outlet's country (<c>Article.SourceCountry</c>) is taken for what it is about.
    /// Such a tag has no mentions and no positions; its evidence is "from &lt;source&gt; (&lt;country&gt;)".
    /// </summary>
    public bool IsInferred { get; init; }

    /// <summary>Where each mention is, in text order (the same count as <see cref="Mentions"/>).</summary>
    public IReadOnlyList<TextSpan> Positions { get; init; } = [];

    /// <summary>
    /// The curated people and organisations who act for the country and were named ("Aleksandar Vučić" for RS):
    /// they weigh in <see cref="AboutWeight"/> like mentions and are listed in <see cref="Evidence"/>, but are no
    /// place, so they are not in <see cref="Mentions"/> or <see cref="Positions"/>. A country named only by its
    /// politicians has no mentions.
    /// </summary>
    public IReadOnlyList<string> Actors { get; init; } = [];
}

/// <param name="Id">Stable topic id from the taxonomy, e.g. "military-cooperation".</param>
/// <param name="Label">Display label, e.g. "Military cooperation".</param>
/// <param name="Score">Sum of the weights of the rules that matched.</param>
/// <param name="Evidence">The terms that matched.</param>
public sealed record TopicTag(string Id, string Label, double Score, IReadOnlyList<string> Evidence);

/// <param name="Name">Full name as first written, e.g. "Sergei Shoigu".</param>
/// <param name="Mentions">How often the person was referred to (surname-only mentions included).</param>
public sealed record PersonTag(string Name, int Mentions)
{
    /// <summary>The country the person acts for, when known (ISO 3166-1 alpha-2).</summary>
    public string? CountryCode { get; init; }

    /// <summary>The forms that matched, e.g. "Sergei Shoigu", "Shoigu" (curated actors; empty for discovered names).</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>Where the curated actor's mentions are.</summary>
    public IReadOnlyList<TextSpan> Positions { get; init; } = [];

    /// <summary>A person tag is its name, mentions and country; evidence and positions explain it and are left out.</summary>
    public bool Equals(PersonTag? other) =>
        other is not null && Name == other.Name && Mentions == other.Mentions && CountryCode == other.CountryCode;

    public override int GetHashCode() => HashCode.Combine(Name, Mentions, CountryCode);
}

/// <param name="Name">Display name from <c>actors.tsv</c>, e.g. "NATO", "European Union".</param>
/// <param name="Mentions">How often it was referred to, by any alias.</param>
/// <param name="Evidence">The aliases that matched, e.g. "EU", "Evropska unija".</param>
public sealed record OrganisationTag(string Name, int Mentions, IReadOnlyList<string> Evidence)
{
    /// <summary>The country the organisation belongs to (a party, a ministry), null for international bodies.</summary>
    public string? CountryCode { get; init; }

    public IReadOnlyList<TextSpan> Positions { get; init; } = [];
}

/// <param name="Value">0 (calm) to 100 (open conflict).</param>
/// <param name="Evidence">The lexicon terms that contributed, with their counts.</param>
public sealed record TensionScore(double Value, IReadOnlyList<TensionEvidence> Evidence)
{
    public static TensionScore Calm { get; } = new(0, []);

    /// <summary>
    /// Whether the article counts as tense for the tension index (the share of a country's coverage that
    /// is tense, per period).
    /// </summary>
    public bool IsTense { get; init; }

    /// <summary>The categories hit (war threats, violence…), heaviest first, each a threat or an act.</summary>
    public IReadOnlyList<TensionCategoryHit> Categories { get; init; } = [];

    /// <summary>Terms found but not counted because a negation cue precedes them ("no threat of war"), kept to show why.</summary>
    public IReadOnlyList<TensionEvidence> Negated { get; init; } = [];
}

/// <param name="Term">The lexicon term, e.g. "bloody" or "napad*".</param>
/// <param name="Weight">Its weight in the lexicon.</param>
/// <param name="Count">How often it occurs.</param>
public sealed record TensionEvidence(string Term, double Weight, int Count)
{
    /// <summary>The category id of the term, e.g. "war-acts".</summary>
    public string Category { get; init; } = "";

    public TensionKind Kind { get; init; }

    public IReadOnlyList<TextSpan> Positions { get; init; } = [];

    /// <summary>Term, weight, count, category and kind; the positions explain it and are left out.</summary>
    public bool Equals(TensionEvidence? other) =>
        other is not null && Term == other.Term && Weight.Equals(other.Weight) && Count == other.Count && Category == other.Category && Kind == other.Kind;

    public override int GetHashCode() => HashCode.Combine(Term, Weight, Count, Category, Kind);
}

/// <param name="Id">Category id from <c>tension.json</c>, e.g. "secession-threats".</param>
/// <param name="Weight">Sum of weight × count of its terms.</param>
/// <param name="Count">How many term occurrences.</param>
public sealed record TensionCategoryHit(string Id, string Label, TensionKind Kind, double Weight, int Count);

/// <summary>Where a piece of evidence is: <see cref="Field"/> "title" or "body" (offsets into <c>Article.Body</c>).</summary>
public sealed record TextSpan(string Field, int Start, int Length)
{
    public const string TitleField = "title";

    public const string BodyField = "body";
}
