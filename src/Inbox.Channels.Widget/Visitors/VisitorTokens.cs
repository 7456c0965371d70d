using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Widget.Visitors;

/// <summary>Issues and checks the signed tokens that identify a widget visitor.</summary>
/// <remarks>Format: <c>visitorKey.issuedAtUnixSeconds.signature</c>, all base64url; HMAC-SHA256 over the first two parts.</remarks>
public sealed class VisitorTokens
{
    private readonly byte[] _key;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public VisitorTokens(IOptions<WidgetOptions> options, TimeProvider time)
    {
        _key = SigningKey.Load(options.Value);
        _lifetime = options.Value.TokenLifetime;
        _time = time;
    }

    /// <summary>A new visitor: a random key and a token for it.</summary>
    public (string VisitorKey, string Token) IssueNew()
    {
        var visitorKey = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        return (visitorKey, Issue(visitorKey));
    }

    public string Issue(string visitorKey)
    {
        var body = $"{visitorKey}.{_time.GetUtcNow().ToUnixTimeSeconds()}";
        return $"{body}.{Sign(body)}";
    }

    /// <summary>The visitor key inside a valid, unexpired token; null for anything else.</summary>
    public string? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200) return null;
        var lastDot = token.LastIndexOf('.');
        if (lastDot <= 0) return null;
        var body = token[..lastDot];
        var parts = body.Split('.');
        if (parts.Length != 2 || !long.TryParse(parts[1], out var issuedAt)) return null;

        byte[] given;
        try { given = WebEncoders.Base64UrlDecode(token[(lastDot + 1)..]); }
        catch (FormatException) { return null; }
        if (!CryptographicOperations.FixedTimeEquals(given, HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body))))
            return null;

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(issuedAt, 0, 253402300799));
        return age < _lifetime && age > TimeSpan.FromMinutes(-5) ? parts[0] : null;
    }

    private string Sign(string body) => WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body)));

    /// <summary>The configured key, or one generated on first start and kept in a file so tokens survive restarts.</summary>
    private static class SigningKey
    {
        public static byte[] Load(WidgetOptions options)
        {
            if (!string.IsNullOrWhiteSpace(options.TokenSigningKey))
                return Convert.FromBase64String(options.TokenSigningKey);
            var path = Path.GetFullPath(options.SigningKeyFile);
            if (File.Exists(path))
            {
                var stored = Convert.FromBase64String(File.ReadAllText(path).Trim());
                if (stored.Length >= 32) return stored;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var key = RandomNumberGenerator.GetBytes(32);
            File.WriteAllText(path, Convert.ToBase64String(key));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            return key;
        }
    }
}
