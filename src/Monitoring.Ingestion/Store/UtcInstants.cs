using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Monitoring.Ingestion.Store;

/// <summary>
/// PostgreSQL's <c>timestamp with time zone</c> holds an instant, and Npgsql refuses to write a
/// <see cref="DateTimeOffset"/> with any offset but zero; a feed's publication date keeps the publisher's
/// offset. The instant is what counts, so it is written in UTC (the offset is not kept on PostgreSQL).
/// </summary>
public static class UtcInstants
{
    /// <summary>Every <see cref="DateTimeOffset"/> property of the model is written as its UTC instant.</summary>
    public static ModelConfigurationBuilder StoreInstantsAsUtc(this ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<AsUtc>();
        return configurationBuilder;
    }

    private sealed class AsUtc() : ValueConverter<DateTimeOffset, DateTimeOffset>(value => value.ToUniversalTime(), value => value);
}
