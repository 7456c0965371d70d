namespace Inbox.Channels.Widget;

/// <summary>The website widget's settings, bound from the "Widget" section.</summary>
public sealed class WidgetOptions
{
    public const string Section = "Widget";

    /// <summary>Base64 key (at least 32 bytes) that signs visitor tokens; empty means a key generated once and kept in <see cref="SigningKeyFile"/>.</summary>
    public string? TokenSigningKey { get; set; }
    /// <summary>Where the generated signing key is kept when <see cref="TokenSigningKey"/> is empty.</summary>
    public string SigningKeyFile { get; set; } = "data/widget-signing.key";
    /// <summary>How long a visitor token stays valid; the widget gets a new one (and a new identity) after that.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(365);
    /// <summary>Longest visitor message, in characters; longer ones are refused with 413.</summary>
    public int MaxMessageLength { get; set; } = 4000;
    /// <summary>Largest file a visitor may send, in bytes (413 above).</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>The address customers and operators reach this host at, for file links (e.g. https://inbox.example.com); empty: taken from each upload request.</summary>
    public Uri? PublicBaseUrl { get; set; }
    /// <summary>Messages (and new chats) one visitor may send per minute.</summary>
    public int MessagesPerMinute { get; set; } = 30;
    /// <summary>New visitor sessions one client address may open per minute.</summary>
    public int SessionsPerMinute { get; set; } = 20;
    /// <summary>Origins whose pages may embed the widget; empty allows every origin (tokens, not cookies, carry identity).</summary>
    public string[] AllowedOrigins { get; set; } = [];
    /// <summary>How often the live stream sends a keep-alive comment.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<string> Validate()
    {
        if (!string.IsNullOrWhiteSpace(TokenSigningKey))
        {
            byte[]? key = null;
            try { key = Convert.FromBase64String(TokenSigningKey); } catch (FormatException) { }
            if (key is null || key.Length < 32)
                yield return $"{Section}:TokenSigningKey must be base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`).";
        }
        else if (string.IsNullOrWhiteSpace(SigningKeyFile))
            yield return $"{Section}:SigningKeyFile must be set when {Section}:TokenSigningKey is empty.";
        if (TokenLifetime <= TimeSpan.Zero) yield return $"{Section}:TokenLifetime must be positive.";
        if (MaxMessageLength is < 1 or > 100_000) yield return $"{Section}:MaxMessageLength must be between 1 and 100000.";
        if (MaxAttachmentBytes is < 1 or > 100 * 1024 * 1024) yield return $"{Section}:MaxAttachmentBytes must be between 1 and 104857600.";
        if (PublicBaseUrl is { IsAbsoluteUri: false } || PublicBaseUrl?.Scheme is not (null or "http" or "https"))
            yield return $"{Section}:PublicBaseUrl must be an absolute http(s) address such as https://inbox.example.com.";
        if (MessagesPerMinute < 1) yield return $"{Section}:MessagesPerMinute must be at least 1.";
        if (SessionsPerMinute < 1) yield return $"{Section}:SessionsPerMinute must be at least 1.";
        if (HeartbeatInterval <= TimeSpan.Zero) yield return $"{Section}:HeartbeatInterval must be positive.";
        foreach (var origin in AllowedOrigins)
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/")
                yield return $"{Section}:AllowedOrigins: '{origin}' is not an origin such as https://www.example.com.";
    }
}
