using Inbox.Core.Outbox;

namespace Inbox.Teams.Mirroring;

/// <summary>Keeps posts into each Teams thread near the pace Teams allows a bot, so deliveries wait instead of being throttled.</summary>
public sealed class TeamsThreadPacer(TimeProvider time, TimeSpan interval, int burst) : RatePacer(time, interval, burst);

/// <summary>Keeps all of the app's Connector calls under the per-tenant rate Teams allows.</summary>
public sealed class TeamsAppPacer(TimeProvider time, TimeSpan interval, int burst) : RatePacer(time, interval, burst);
