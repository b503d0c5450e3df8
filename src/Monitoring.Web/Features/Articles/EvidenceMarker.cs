using System.Globalization;
using Monitoring.Core.Enrichment;

namespace Monitoring.Web.Features.Articles;

/// <summary>What a stretch of text is evidence for, so the article page can answer "why this tag?".</summary>
public enum EvidenceKind
{
    Country,
    Topic,
    Person,
    Tension,
}

/// <param name="TagKey">The tag this term supports, e.g. "country:RS", "topic:arms-trade".</param>
public sealed record EvidenceTerm(string Text, EvidenceKind Kind, string TagKey, string Label);

public sealed record TextSegment(string Text, EvidenceTerm? Evidence);

/// <summary>
/// Splits article text into plain and evidence segments by finding each tag's matched terms as whole
/// words (case-insensitive). Longer terms win where terms overlap ("Serbian Orthodox Church" over "Serbian").
/// </summary>
public sealed class EvidenceMarker
{
    private readonly List<EvidenceTerm> _terms;

    public EvidenceMarker(IEnumerable<EvidenceTerm> terms) =>
        _terms = [.. terms.Where(term => term.Text.Length > 0).OrderByDescending(term => term.Text.Length)];

    public static EvidenceMarker For(ArticleTags tags) => new(
    [
        .. tags.Countries.SelectMany(country => country.Evidence.Select(text =>
            new EvidenceTerm(text, EvidenceKind.Country, "country:" + country.Code, country.Name))),
        .. tags.Topics.SelectMany(topic => topic.Evidence.Select(text =>
            new EvidenceTerm(text, EvidenceKind.Topic, "topic:" + topic.Id, topic.Label))),
        .. tags.People.Select(person => new EvidenceTerm(person.Name, EvidenceKind.Person, "person:" + person.Name, person.Name)),
        .. tags.People.Select(person => LastName(person.Name))
            .Where(lastName => lastName is not null)
            .Select(lastName => new EvidenceTerm(lastName!, EvidenceKind.Person, "person:" + lastName, lastName!)),
        .. tags.Tension.Evidence.Select(term => new EvidenceTerm(term.Term, EvidenceKind.Tension, "tension", "Tension")),
    ]);

    /// <param name="onlyTag">When set, only the evidence of that tag is marked.</param>
    public IReadOnlyList<TextSegment> Mark(string text, string? onlyTag = null)
    {
        var claimed = new EvidenceTerm?[text.Length];
        foreach (var term in _terms.Where(term => onlyTag is null || term.TagKey == onlyTag || IsSameTag(term, onlyTag)))
        {
            for (var start = IndexOf(text, term.Text, 0); start >= 0; start = IndexOf(text, term.Text, start + 1))
            {
                var end = start + term.Text.Length;
                if (IsWordBoundary(text, start - 1) && IsWordBoundary(text, end) && IsFree(claimed, start, end))
                {
                    Array.Fill(claimed, term, start, term.Text.Length);
                }
            }
        }

        var segments = new List<TextSegment>();
        var segmentStart = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || !ReferenceEquals(claimed[i], claimed[segmentStart]))
            {
                segments.Add(new TextSegment(text[segmentStart..i], claimed[segmentStart]));
                segmentStart = i;
            }
        }

        return segments;
    }

    // A person's surname mentions support the same tag as the full name.
    private static bool IsSameTag(EvidenceTerm term, string onlyTag) =>
        term.Kind == EvidenceKind.Person && onlyTag.StartsWith("person:", StringComparison.Ordinal)
        && onlyTag.EndsWith(" " + term.Text, StringComparison.Ordinal);

    private static string? LastName(string fullName)
    {
        var space = fullName.LastIndexOf(' ');
        return space > 0 ? fullName[(space + 1)..] : null;
    }

    private static int IndexOf(string text, string term, int from) =>
        from >= text.Length ? -1 : CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, term, from, CompareOptions.IgnoreCase);

    private static bool IsWordBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);

    private static bool IsFree(EvidenceTerm?[] claimed, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (claimed[i] is not null)
            {
                return false;
            }
        }

        return true;
    }
}
