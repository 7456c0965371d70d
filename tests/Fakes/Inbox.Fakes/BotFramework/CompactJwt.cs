using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inbox.Fakes.BotFramework;

/// <summary>Writes and checks JWS compact tokens by hand, so the fake controls every header field and can also write broken ones.</summary>
internal static class CompactJwt
{
    public static string SignRs256(JsonObject header, JsonObject payload, RSA key)
    {
        var signingInput = Encode(header) + "." + Encode(payload);
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>An unsecured JWT (RFC 7519 section 6): the signature part is empty.</summary>
    public static string Unsigned(JsonObject header, JsonObject payload) => Encode(header) + "." + Encode(payload) + ".";

    /// <summary>The payload of an RS256 token whose signature <paramref name="key"/> verifies; null for anything else.</summary>
    public static JsonObject? VerifiedPayload(string token, RSA key)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[2].Length == 0) return null;
        try
        {
            if (Decode(parts[0]) is not JsonObject header || (string?)header["alg"] != "RS256") return null;
            var signature = Base64Url.DecodeFromChars(parts[2]);
            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            if (!key.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)) return null;
            return Decode(parts[1]) as JsonObject;
        }
        catch (Exception e) when (e is FormatException or JsonException or CryptographicException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Encode(JsonObject part) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(part.ToJsonString()));

    private static JsonNode? Decode(string part) => JsonNode.Parse(Base64Url.DecodeFromChars(part));
}
