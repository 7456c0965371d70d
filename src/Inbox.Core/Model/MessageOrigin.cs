namespace Inbox.Core.Model;

/// <summary>Where an operator wrote a message, read from its external id ("slack:...", "teams:..."): bridges say so when they mirror it elsewhere.</summary>
public static class MessageOrigin
{
    /// <summary>The surface prefix of the message's external id, or null when it was written through Inbox itself (the operator API).</summary>
    public static string? SurfaceOf(Message message)
    {
        var id = message.ExternalId;
        var colon = id?.IndexOf(':') ?? -1;
        return colon > 0 ? id![..colon] : null;
    }

    /// <summary>True when <paramref name="message"/> was written on <paramref name="surface"/> and is therefore already shown there.</summary>
    public static bool IsFrom(Message message, string surface) =>
        message.ExternalId is { } id && id.Length > surface.Length && id[surface.Length] == ':' && id.StartsWith(surface, StringComparison.Ordinal);
}
