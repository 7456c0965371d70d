using System.Net.Http.Headers;
using System.Text;

namespace Inbox.Host.Tests.Faults.Fuzzing;

/// <summary>One fuzzed request body: the exact bytes, the content type sent with them (null: none), and what was done to them.</summary>
internal sealed record FuzzedBody(byte[] Bytes, string? ContentType, string Mutation)
{
    public static FuzzedBody Text(string text, string? contentType, string mutation) => new(Encoding.UTF8.GetBytes(text), contentType, mutation);

    public HttpContent Content()
    {
        var content = new ByteArrayContent(Bytes);
        if (ContentType is not null && MediaTypeHeaderValue.TryParse(ContentType, out var type)) content.Headers.ContentType = type;
        else if (ContentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        return content;
    }

    /// <summary>What a failure message shows of the body: its start, with bytes that are not printable ASCII escaped.</summary>
    public string Preview(int length = 300)
    {
        var builder = new StringBuilder();
        foreach (var b in Bytes.Take(length))
            builder.Append(b is >= 0x20 and < 0x7f ? (char)b : $"\\x{b:X2}");
        if (Bytes.Length > length) builder.Append($"… ({Bytes.Length} bytes)");
        return builder.ToString();
    }
}
