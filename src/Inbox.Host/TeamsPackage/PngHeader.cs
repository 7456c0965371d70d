using System.Buffers.Binary;

namespace Inbox.Host.TeamsPackage;

/// <summary>The size and colour type from a PNG file's IHDR chunk, enough to check an app icon without decoding it.</summary>
internal sealed record PngHeader(int Width, int Height, byte ColorType)
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Greyscale with alpha (4) or RGBA (6): the pixels can be transparent.</summary>
    public bool HasAlpha => ColorType is 4 or 6;

    /// <summary>The header of <paramref name="file"/>, or null when it is not a PNG.</summary>
    public static PngHeader? Read(ReadOnlySpan<byte> file)
    {
        // Signature (8), IHDR length (4) and type (4), then width, height, bit depth and colour type.
        if (file.Length < 26 || !file[..8].SequenceEqual(Signature) || !file.Slice(12, 4).SequenceEqual("IHDR"u8))
            return null;
        return new PngHeader(
            BinaryPrimitives.ReadInt32BigEndian(file.Slice(16, 4)),
            BinaryPrimitives.ReadInt32BigEndian(file.Slice(20, 4)),
            file[25]);
    }
}
