using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Inbox.Slack.Inbound;

/// <summary>Checks that a request really comes from Slack: a v0 HMAC-SHA256 signature over <c>v0:timestamp:body</c> and a fresh timestamp.</summary>
/// <remarks>Run on the raw body bytes before anything is parsed or stored.</remarks>
public sealed class SlackRequestVerifier(string signingSecret, TimeSpan maxAge, TimeProvider time)
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    private const string Version = "v0";

    private readonly byte[] _secret = Encoding.UTF8.GetBytes(signingSecret);

    public SlackVerification Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
            return SlackVerification.Refused("The request is not signed.");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return SlackVerification.Refused("The request timestamp is not a number.");
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if (age.Duration() > maxAge)
            return SlackVerification.Refused("The request timestamp is too far from now (a replay?).");
        if (!signature.StartsWith(Version + "=", StringComparison.Ordinal))
            return SlackVerification.Refused("The signature version is not v0.");

        byte[] given;
        try { given = Convert.FromHexString(signature.AsSpan(Version.Length + 1)); }
        catch (FormatException) { return SlackVerification.Refused("The signature is not hexadecimal."); }

        var prefix = Encoding.ASCII.GetBytes($"{Version}:{timestamp}:");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var expected = HMACSHA256.HashData(_secret, signed);
        return CryptographicOperations.FixedTimeEquals(given, expected)
            ? SlackVerification.Accepted
            : SlackVerification.Refused("The signature does not match.");
    }
}

/// <summary>The outcome of checking a request's signature.</summary>
public sealed record SlackVerification(bool IsValid, string? Reason)
{
    public static SlackVerification Accepted { get; } = new(true, null);

    public static SlackVerification Refused(string reason) => new(false, reason);
}
