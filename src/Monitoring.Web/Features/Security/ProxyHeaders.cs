using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Monitoring.Web.Features.Security;

/// <summary>
/// The <c>ForwardedHeaders</c> section: behind a reverse proxy every request comes from the proxy, so rate limits
/// would count all clients as one. From the proxies named here, and only from them, the client's address is taken
/// from <c>X-Forwarded-For</c> (and the scheme from <c>X-Forwarded-Proto</c>).
/// </summary>
public sealed class ProxyHeadersOptions : IValidatableObject
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Off by default: a client talking to the app directly could otherwise claim any address.</summary>
    public bool Enabled { get; set; }

    /// <summary>Addresses of the proxies to believe, e.g. <c>10.0.0.7</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of the proxies to believe, in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(proxy => !IPAddress.TryParse(proxy, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.");
        }

        foreach (var network in KnownNetworks.Where(network => !System.Net.IPNetwork.TryParse(network, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR notation (10.0.0.0/8).");
        }

        if (Enabled && KnownProxies.Count == 0 && KnownNetworks.Count == 0)
        {
            yield return new ValidationResult("ForwardedHeaders:Enabled needs the proxies to believe: set KnownProxies or KnownNetworks.");
        }
    }
}

public static class ProxyHeaders
{
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services)
    {
        services.AddOptions<ProxyHeadersOptions>()
            .BindConfiguration(ProxyHeadersOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }

    /// <summary>Takes the client's address from the known proxies' headers, before anything that counts by address.</summary>
    public static IApplicationBuilder UseProxyHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.ApplicationServices.GetRequiredService<IOptions<ProxyHeadersOptions>>().Value;
        if (!settings.Enabled)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        return app.UseForwardedHeaders(options);
    }
}
