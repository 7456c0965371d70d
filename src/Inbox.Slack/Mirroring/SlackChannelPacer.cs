using Inbox.Core.Outbox;

namespace Inbox.Slack.Mirroring;

/// <summary>Keeps posts to each channel near Slack's pace (about one per second, with short bursts) so deliveries wait instead of being refused.</summary>
public sealed class SlackChannelPacer(TimeProvider time, TimeSpan interval, int burst) : RatePacer(time, interval, burst);
