namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>A brand and its version as listed in <c>Sec-CH-UA</c> or <c>Sec-CH-UA-Full-Version-List</c>.</summary>
internal readonly record struct BrandVersion(string Brand, string? Version);

/// <summary>Reads the few RFC 8941 structured-field shapes that user-agent client hints use.</summary>
/// <remarks>Lenient by design: a malformed value yields what could be read, never an exception.</remarks>
internal static class StructuredHeaderReader
{
    // Real lists hold three or four brands; anything far beyond that is noise or an attack.
    private const int MaxBrands = 16;
    private const int MaxLength = 1024;

    /// <summary>The string an <c>sf-string</c> (or, leniently, a bare token) carries; null when empty.</summary>
    public static string? ReadString(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > MaxLength)
        {
            return null;
        }

        var text = raw.AsSpan().Trim();
        if (text[0] != '"')
        {
            return text.ToString();
        }

        var position = 0;
        var value = ReadQuoted(text, ref position);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>The value of an <c>sf-boolean</c> (<c>?1</c> or <c>?0</c>); null when absent or unreadable.</summary>
    public static bool? ReadBoolean(string? raw) =>
        raw?.Trim() switch
        {
            "?1" or "1" or "true" => true,
            "?0" or "0" or "false" => false,
            _ => null,
        };

    /// <summary>The brands of a brand list such as <c>"Chromium";v="124", "Not-A.Brand";v="99"</c>.</summary>
    public static IReadOnlyList<BrandVersion> ReadBrandList(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > MaxLength)
        {
            return [];
        }

        var text = raw.AsSpan();
        var brands = new List<BrandVersion>(4);
        var position = 0;
        while (position < text.Length && brands.Count < MaxBrands)
        {
            SkipSpaces(text, ref position);
            if (position >= text.Length || text[position] != '"')
            {
                break;
            }

            var brand = ReadQuoted(text, ref position);
            if (brand is null)
            {
                break;
            }

            string? version = null;
            while (position < text.Length && text[position] == ';')
            {
                position++;
                var key = ReadKey(text, ref position);
                string? parameterValue = null;
                if (position < text.Length && text[position] == '=')
                {
                    position++;
                    parameterValue = text[position..].StartsWith("\"")
                        ? ReadQuoted(text, ref position)
                        : ReadBareToken(text, ref position);
                }

                if (key == "v")
                {
                    version = parameterValue;
                }
            }

            brands.Add(new BrandVersion(brand.Trim(), string.IsNullOrWhiteSpace(version) ? null : version.Trim()));

            SkipSpaces(text, ref position);
            if (position >= text.Length || text[position] != ',')
            {
                break;
            }

            position++;
        }

        return brands;
    }

    private static string? ReadQuoted(ReadOnlySpan<char> text, ref int position)
    {
        // Caller guarantees text[position] is the opening quote.
        position++;
        var builder = new System.Text.StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c == '\\' && position < text.Length)
            {
                c = text[position++];
            }

            builder.Append(c);
        }

        return null; // unterminated
    }

    private static string ReadKey(ReadOnlySpan<char> text, ref int position)
    {
        SkipSpaces(text, ref position);
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '_' or '-' or '.' or '*'))
        {
            position++;
        }

        return text[start..position].ToString();
    }

    private static string ReadBareToken(ReadOnlySpan<char> text, ref int position)
    {
        var start = position;
        while (position < text.Length && text[position] is not (';' or ',' or ' ' or '\t'))
        {
            position++;
        }

        return text[start..position].ToString();
    }

    private static void SkipSpaces(ReadOnlySpan<char> text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t')
        {
            position++;
        }
    }
}
