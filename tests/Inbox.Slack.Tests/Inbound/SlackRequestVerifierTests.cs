using System.Security.Cryptography;
using System.Text;
using Inbox.Slack.Inbound;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Slack.Tests.Inbound;

public sealed class SlackRequestVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private readonly FakeTimeProvider _time = new(Now);

    private SlackRequestVerifier Verifier => new(Secret, TimeSpan.FromMinutes(5), _time);

    private static string Sign(string timestamp, string body, string secret = Secret) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));

    [Fact]
    public void A_request_signed_with_the_secret_moments_ago_is_accepted()
    {
        var timestamp = Now.AddSeconds(-30).ToUnixTimeSeconds().ToString();
        const string body = "token=x&team_id=T1&command=%2Finbox&text=help";

        Assert.True(Verifier.Verify(timestamp, Sign(timestamp, body), Encoding.UTF8.GetBytes(body)).IsValid);
    }

    [Theory]
    [InlineData("wrong-secret-entirely")]
    public void A_signature_made_with_another_secret_is_refused(string otherSecret)
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString();
        var result = Verifier.Verify(timestamp, Sign(timestamp, "{}", otherSecret), "{}"u8);
        Assert.False(result.IsValid);
        Assert.Equal("The signature does not match.", result.Reason);
    }

    [Fact]
    public void A_body_changed_after_signing_is_refused()
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString();
        Assert.False(Verifier.Verify(timestamp, Sign(timestamp, "{\"a\":1}"), "{\"a\":2}"u8).IsValid);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void A_timestamp_more_than_five_minutes_away_is_refused_as_a_replay(int offsetSeconds)
    {
        var timestamp = Now.AddSeconds(offsetSeconds).ToUnixTimeSeconds().ToString();
        var result = Verifier.Verify(timestamp, Sign(timestamp, "{}"), "{}"u8);
        Assert.False(result.IsValid);
        Assert.Contains("replay", result.Reason);
    }

    [Theory]
    [InlineData(null, "v0=00")]
    [InlineData("1800000000", null)]
    [InlineData("soon", "v0=00")]
    [InlineData("1800000000", "v1=abcdef")]
    [InlineData("1800000000", "v0=not-hex")]
    [InlineData("1800000000", "v0=")]
    public void Missing_or_malformed_headers_are_refused(string? timestamp, string? signature) =>
        Assert.False(Verifier.Verify(timestamp, signature, "{}"u8).IsValid);
}
