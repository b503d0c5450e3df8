namespace Monitoring.Ingestion.Store;

/// <summary>The relational databases the app's stores run on.</summary>
public enum StoreProvider
{
    /// <summary>A file on this machine: the embedded default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, shared by many web and worker nodes.</summary>
    PostgreSql,
}
