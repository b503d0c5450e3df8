using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;
using Monitoring.Ingestion.Fetching;

namespace Monitoring.Ingestion.Tests.Fetching;

public sealed class DestinationGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("0.0.0.0")]
    [InlineData("10.20.30.40")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("224.0.0.251")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    public void RefusesAnAddressThatIsNotPublic(string address)
    {
        Assert.False(Guard().Permits(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("11.0.0.1")]
    [InlineData("2a00:1450:4001:82a::200e")]
    [InlineData("::ffff:93.184.215.14")]
    public void PermitsAPublicAddress(string address)
    {
        Assert.True(Guard().Permits(IPAddress.Parse(address)));
    }

    [Fact]
    public void AnAllowedNetwork_OpensExactlyThatRange()
    {
        var guard = Guard("127.0.0.1/32", "10.1.0.0/16");

        Assert.True(guard.Permits(IPAddress.Parse("127.0.0.1")));
        Assert.True(guard.Permits(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.True(guard.Permits(IPAddress.Parse("10.1.200.3")));
        Assert.False(guard.Permits(IPAddress.Parse("127.0.0.2")));
        Assert.False(guard.Permits(IPAddress.Parse("10.2.0.1")));
        Assert.False(guard.Permits(IPAddress.Parse("169.254.169.254")));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("10.0.0.0/33")]
    [InlineData("")]
    public void ANetworkThatIsNotInCidrNotation_FailsValidationNamingIt(string network)
    {
        var options = new OutboundRequestsOptions();
        options.AllowedNetworks.Add(network);

        var errors = new List<ValidationResult>();
        var valid = Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains($"'{network}' is not a network in CIDR notation", Assert.Single(errors).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostNameThatResolvesToLoopback_IsRefusedBeforeAnyConnection()
    {
        using var client = new HttpClient(Guard().CreateHandler());

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("http://localhost:9/"), TestContext.Current.CancellationToken));

        var refused = Assert.IsType<DestinationRefusedException>(error.InnerException);
        Assert.StartsWith("localhost resolves to ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("OutboundRequests:AllowedNetworks", refused.Message, StringComparison.Ordinal);
    }

    private static DestinationGuard Guard(params string[] allowed)
    {
        var options = new OutboundRequestsOptions();
        foreach (var network in allowed)
        {
            options.AllowedNetworks.Add(network);
        }

        return new DestinationGuard(Options.Create(options));
    }
}
