using System.Text;
using Monitoring.Core.Alerts;

namespace Monitoring.Core.Tests.Alerts;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void Sign_GivesTheHmacSha256OfTheBody_AsRfc4231Publishes()
    {
        // RFC 4231, test case 2.
        var body = Encoding.ASCII.GetBytes("what do ya want for nothing?");

        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", WebhookSignature.Sign("Jefe", body));
    }

    [Fact]
    public void Verify_AcceptsTheSignature_AndRefusesAnAlteredBodyOrAnotherSecret()
    {
        var body = Encoding.UTF8.GetBytes("{\"alert\":\"Kosovo\"}");
        var signature = WebhookSignature.Sign("s3cret", body);

        Assert.True(WebhookSignature.Verify("s3cret", body, signature));
        Assert.False(WebhookSignature.Verify("s3cret", Encoding.UTF8.GetBytes("{\"alert\":\"Kosovo!\"}"), signature));
        Assert.False(WebhookSignature.Verify("other", body, signature));
        Assert.False(WebhookSignature.Verify("s3cret", body, null));
    }
}
