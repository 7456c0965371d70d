using System.Security.Cryptography;
using System.Text;
using Inbox.Fakes.Slack;
using Inbox.Slack.Inbound;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Slack.Tests.Fakes;

public sealed class SlackRequestSignerTests
{
    // The worked example in Slack's "Verifying requests from Slack" guide: a slash command body,
    // its timestamp, the sample signing secret and the signature Slack shows for them.
    private const string DocumentedSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const long DocumentedTimestamp = 1531420618;
    private const string DocumentedBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
        + "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
        + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
        + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string DocumentedSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    [Fact]
    public void Signing_slacks_documented_example_gives_slacks_documented_signature()
    {
        var headers = SlackRequestSigner.Sign(DocumentedBody, DateTimeOffset.FromUnixTimeSeconds(DocumentedTimestamp), DocumentedSecret);

        Assert.Equal("1531420618", headers.Timestamp);
        Assert.Equal(DocumentedSignature, headers.Signature);
    }

    [Fact]
    public void The_signature_is_v0_and_lowercase_hex_of_an_hmac_over_version_timestamp_and_body()
    {
        const string body = """{"type":"event_callback","event_id":"Ev1"}""";
        var at = DateTimeOffset.FromUnixTimeSeconds(1_800_000_123);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("another-secret"));
        var independent = "v0=" + string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes("v0:1800000123:" + body)).Select(b => b.ToString("x2")));

        var headers = SlackRequestSigner.Sign(body, at, "another-secret");

        Assert.Equal(independent, headers.Signature);
        Assert.Equal("1800000123", headers.Headers[SlackRequestSigner.TimestampHeader]);
        Assert.Equal(independent, headers.Headers[SlackRequestSigner.SignatureHeader]);
    }

    [Fact]
    public async Task A_signed_json_request_carries_the_headers_and_exactly_the_bytes_that_were_signed()
    {
        const string body = """{"type":"url_verification","challenge":"abc"}""";
        var at = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

        using var request = SlackRequestSigner.CreateJsonRequest(new Uri("http://127.0.0.1/slack/events"), body, at, "s3cret");

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal(body, await request.Content.ReadAsStringAsync());
        Assert.Equal("1800000000", request.Headers.GetValues("X-Slack-Request-Timestamp").Single());
        Assert.Equal(SlackRequestSigner.Sign(body, at, "s3cret").Signature, request.Headers.GetValues("X-Slack-Signature").Single());
    }

    [Fact]
    public async Task A_signed_form_request_is_accepted_by_our_own_verifier()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        using var request = SlackRequestSigner.CreateFormRequest(
            new Uri("http://127.0.0.1/slack/commands"),
            [KeyValuePair.Create("command", "/inbox"), KeyValuePair.Create("text", "assign #12 <@U1|ada>"), KeyValuePair.Create("user_id", "U1")],
            at,
            "s3cret");
        var body = await request.Content!.ReadAsByteArrayAsync();
        var verifier = new SlackRequestVerifier("s3cret", TimeSpan.FromMinutes(5), new FakeTimeProvider(at));

        var verdict = verifier.Verify(
            request.Headers.GetValues(SlackRequestSigner.TimestampHeader).Single(),
            request.Headers.GetValues(SlackRequestSigner.SignatureHeader).Single(),
            body);

        Assert.True(verdict.IsValid, verdict.Reason);
        Assert.Equal("application/x-www-form-urlencoded", request.Content.Headers.ContentType!.MediaType);
        Assert.Equal("command=%2Finbox&text=assign+%2312+%3C%40U1%7Cada%3E&user_id=U1", Encoding.UTF8.GetString(body));
    }
}
