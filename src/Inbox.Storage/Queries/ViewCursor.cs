using System.Globalization;
using System.Text;

namespace Inbox.Storage.Queries;

/// <summary>The keyset position after a row: its last activity and id, opaque to callers.</summary>
internal readonly record struct ViewCursor(DateTimeOffset LastActivityAt, long Id)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes($"{LastActivityAt.UtcTicks}:{Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? text, out ViewCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64) return false;
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Split(':');
            if (parts.Length != 2
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || ticks > DateTimeOffset.MaxValue.UtcTicks)
                return false;
            cursor = new ViewCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
