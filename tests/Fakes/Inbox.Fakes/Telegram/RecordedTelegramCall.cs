using System.Text.Json.Nodes;

namespace Inbox.Fakes.Telegram;

/// <summary>One request the fake received, as it arrived (recorded before the token, faults or validation are checked).</summary>
/// <param name="Method">The Bot API method from the URL (e.g. <c>sendMessage</c>), or <see cref="FakeTelegram.FileDownload"/> for a file download.</param>
/// <param name="Arguments">Query string and body arguments: a JSON body as sent, form fields as strings.</param>
/// <param name="ContentType">The request's <c>Content-Type</c>, if any.</param>
/// <param name="At">When it arrived, on the fake's clock.</param>
public sealed record RecordedTelegramCall(string Method, JsonObject Arguments, string? ContentType, DateTimeOffset At)
{
    /// <summary>An argument as text: strings as they are, anything else as its JSON.</summary>
    public string? Argument(string name) => TelegramArguments.TextOf(Arguments[name]);
}
