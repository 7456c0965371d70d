namespace Inbox.Fakes.Slack;

/// <summary>Who the fake workspace says the bot is, which token it accepts, and which clock it keeps.</summary>
public sealed record FakeSlackOptions
{
    /// <summary>The only token the fake accepts, as <c>Authorization: Bearer ...</c> (or a <c>token</c> form field, as Slack allows).</summary>
    public string BotToken { get; init; } = "xoxb-fake-bot-token";

    public string TeamId { get; init; } = "T0FAKETEAM";
    public string TeamName { get; init; } = "Fake Workspace";
    public string BotUserId { get; init; } = "U0FAKEBOT";
    public string BotId { get; init; } = "B0FAKEBOT";
    public string BotName { get; init; } = "inbox";
    public string AppId { get; init; } = "A0FAKEAPP";

    /// <summary>Feeds message <c>ts</c> values and the per-channel rate limit; a <c>FakeTimeProvider</c> makes both deterministic.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where permalinks point; never resolvable on purpose.</summary>
    public Uri WorkspaceUrl { get; init; } = new("https://fake.slack.test/");
}
