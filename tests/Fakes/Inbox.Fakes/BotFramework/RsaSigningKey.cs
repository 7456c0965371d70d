using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Inbox.Fakes.BotFramework;

/// <summary>An RSA 2048 key pair with the <c>kid</c> tokens name it by.</summary>
internal sealed class RsaSigningKey : IDisposable
{
    private RsaSigningKey(string keyId, RSA rsa)
    {
        KeyId = keyId;
        Rsa = rsa;
    }

    public string KeyId { get; }
    public RSA Rsa { get; }

    /// <summary>A key with freshly generated material.</summary>
    public static RsaSigningKey Create(string kidPrefix) => new(NewKeyId(kidPrefix), RSA.Create(2048));

    /// <summary>A key with its own <c>kid</c> over material shared in the process (see <see cref="SharedKeyMaterial"/>).</summary>
    public static RsaSigningKey FromShared(string kidPrefix, RSAParameters material)
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(material);
        return new(NewKeyId(kidPrefix), rsa);
    }

    /// <summary>The public half as a JWK, with Bot Framework's <c>endorsements</c> extension.</summary>
    public JsonObject ToJwk(IReadOnlyList<string> endorsements)
    {
        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
            ["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode?)e).ToArray()),
        };
    }

    public void Dispose() => Rsa.Dispose();

    private static string NewKeyId(string prefix) => prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));
}

/// <summary>
/// RSA 2048 material made once per process and never changed. Generating a key takes about half a second
/// on a small CI machine and every test starts its own fake, so fakes share the material of their first keys
/// (each under its own <c>kid</c>); keys made by rotation are always fresh. Each role has distinct material.
/// </summary>
internal static class SharedKeyMaterial
{
    private static readonly Lazy<RSAParameters> ChannelLazy = new(Generate);
    private static readonly Lazy<RSAParameters> UnpublishedLazy = new(Generate);
    private static readonly Lazy<RSAParameters> AccessTokenLazy = new(Generate);

    /// <summary>The channel service's first signing key.</summary>
    public static RSAParameters Channel => ChannelLazy.Value;

    /// <summary>The forger's key, never in any JWKS.</summary>
    public static RSAParameters Unpublished => UnpublishedLazy.Value;

    /// <summary>The token endpoint's key for Connector access tokens.</summary>
    public static RSAParameters AccessToken => AccessTokenLazy.Value;

    private static RSAParameters Generate()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportParameters(includePrivateParameters: true);
    }
}
