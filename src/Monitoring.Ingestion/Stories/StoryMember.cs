namespace Monitoring.Ingestion.Stories;

/// <summary>An indexed article's place in story clustering: its story and its MinHash signature.</summary>
public sealed class StoryMember
{
    /// <summary>The article's <see cref="Core.Articles.ArticleId"/> value.</summary>
    public required string ArticleId { get; set; }

    /// <summary>The id of the story's first article; the article's own id when it started the story.</summary>
    public required string StoryId { get; set; }

    /// <summary><see cref="StorySignature.MinHashes"/> as little-endian bytes.</summary>
    public required byte[] Signature { get; set; }
}

/// <summary>One LSH band of a member's signature: articles sharing a band key are candidates for one story.</summary>
public sealed class StoryBand
{
    public long BandKey { get; set; }

    public required string ArticleId { get; set; }
}
