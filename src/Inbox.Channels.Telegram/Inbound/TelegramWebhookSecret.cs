using System.Security.Cryptography;
using System.Text;

namespace Inbox.Channels.Telegram.Inbound;

/// <summary>Checks the X-Telegram-Bot-Api-Secret-Token header against the configured secret in constant time.</summary>
/// <remarks>Both sides are hashed first, so neither the secret's content nor its length shows in how long a refusal takes.</remarks>
public sealed class TelegramWebhookSecret(string secret)
{
    public const string Header = "X-Telegram-Bot-Api-Secret-Token";

    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public bool Matches(string? presented) =>
        !string.IsNullOrEmpty(presented)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expected);
}
