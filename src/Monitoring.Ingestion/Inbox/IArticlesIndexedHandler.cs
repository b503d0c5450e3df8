namespace Monitoring.Ingestion.Inbox;

/// <summary>
/// Told after an inbox run made new articles searchable, so that work waiting on new articles (alert
/// matching) starts at once instead of at its next sweep. A handler must not rely on being called: a
/// crash between indexing and the call skips it, so each keeps its own sweep as the guarantee.
/// </summary>
public interface IArticlesIndexedHandler
{
    Task ArticlesIndexedAsync(int count, CancellationToken cancellationToken);
}
