namespace Inbox.Channels.Email;

/// <summary>Values the email channel falls back on when nothing is configured.</summary>
internal static class EmailDefaults
{
    /// <summary>Where attachment links point when neither Email:PublicBaseUrl nor Widget:PublicBaseUrl is set (the host's default address).</summary>
    public const string PublicBaseUrl = "http://localhost:5080";
}
