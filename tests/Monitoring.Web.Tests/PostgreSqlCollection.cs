namespace Monitoring.Web.Tests;

/// <summary>Tests that share one private PostgreSQL server, started when the first of them runs.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL";
}
