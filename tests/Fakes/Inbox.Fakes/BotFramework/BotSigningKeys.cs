using System.Text.Json.Nodes;

namespace Inbox.Fakes.BotFramework;

/// <summary>
/// The channel service's signing keys: every key ever made stays published (so a validator holding an old
/// JWKS still knows it), tokens are signed with the newest, and one extra key is never published at all.
/// </summary>
internal sealed class BotSigningKeys : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<RsaSigningKey> _published = [RsaSigningKey.FromShared("bf-", SharedKeyMaterial.Channel)];
    private readonly IReadOnlyList<string> _endorsements;

    public BotSigningKeys(IReadOnlyList<string> endorsements) => _endorsements = endorsements;

    /// <summary>A key a forger might sign with: same algorithm, a kid the JWKS never lists.</summary>
    public RsaSigningKey Unpublished => _unpublished.Value;

    private readonly Lazy<RsaSigningKey> _unpublished = new(() => RsaSigningKey.FromShared("unlisted-", SharedKeyMaterial.Unpublished));

    public RsaSigningKey Current
    {
        get { lock (_gate) return _published[^1]; }
    }

    public IReadOnlyList<string> PublishedKeyIds
    {
        get { lock (_gate) return _published.Select(k => k.KeyId).ToArray(); }
    }

    public string Rotate()
    {
        var key = RsaSigningKey.Create("bf-");
        lock (_gate) _published.Add(key);
        return key.KeyId;
    }

    public JsonObject Jwks()
    {
        lock (_gate)
            return new JsonObject { ["keys"] = new JsonArray(_published.Select(k => (JsonNode?)k.ToJwk(_endorsements)).ToArray()) };
    }

    public void Dispose()
    {
        lock (_gate)
            foreach (var key in _published) key.Dispose();
        if (_unpublished.IsValueCreated) _unpublished.Value.Dispose();
    }
}
