namespace Inbox.Fakes.BotFramework;

/// <summary>
/// Flaws to put in a channel token so tests can prove a validator rejects it; the default is a token
/// exactly as the Bot Framework channel service would send. Flaws combine.
/// </summary>
public sealed record ChannelTokenOptions
{
    /// <summary>Validity ended an hour ago (far beyond the customary 5 minute clock skew).</summary>
    public bool Expired { get; init; }

    /// <summary>Valid only from an hour from now.</summary>
    public bool NotYetValid { get; init; }

    /// <summary><c>aud</c> is another bot's app id.</summary>
    public bool WrongAudience { get; init; }

    /// <summary><c>iss</c> is not <c>https://api.botframework.com</c>.</summary>
    public bool WrongIssuer { get; init; }

    /// <summary>Signed RS256 with a key whose <c>kid</c> the JWKS never lists (as a forger would).</summary>
    public bool SignedWithUnknownKey { get; init; }

    /// <summary>An unsecured token: header <c>"alg":"none"</c> and an empty signature.</summary>
    public bool AlgNone { get; init; }

    /// <summary>The <c>serviceurl</c> claim names another service than the activity's <c>serviceUrl</c>.</summary>
    public bool WrongServiceUrl { get; init; }

    public static ChannelTokenOptions Valid { get; } = new();
}
