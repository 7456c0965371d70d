using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Inbox.Channels.Widget.Live;

/// <summary>In-process fan-out from the outbox to each visitor's open event streams.</summary>
/// <remarks>
/// It carries only nudges: the stream reads the messages themselves from the store, so a nudge
/// that is lost (or a stream that was down) costs nothing once the browser resumes with Last-Event-ID.
/// </remarks>
public sealed class WidgetLiveHub
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _byVisitor = new(StringComparer.Ordinal);

    public Subscription Subscribe(string visitorKey)
    {
        var subscription = new Subscription(this, visitorKey);
        _byVisitor.GetOrAdd(visitorKey, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    public void Publish(string visitorKey, WidgetNotification notification)
    {
        if (!_byVisitor.TryGetValue(visitorKey, out var subscriptions)) return;
        foreach (var subscription in subscriptions.Keys)
            subscription.Offer(notification);
    }

    private void Remove(Subscription subscription)
    {
        if (_byVisitor.TryGetValue(subscription.VisitorKey, out var subscriptions))
        {
            subscriptions.TryRemove(subscription, out _);
            if (subscriptions.IsEmpty) _byVisitor.TryRemove(new KeyValuePair<string, ConcurrentDictionary<Subscription, byte>>(subscription.VisitorKey, subscriptions));
        }
    }

    /// <summary>One open stream's inbox of nudges; dispose when the stream ends.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly WidgetLiveHub _hub;
        // A slow stream only needs to know "something changed"; old nudges may be dropped.
        private readonly Channel<WidgetNotification> _nudges = Channel.CreateBounded<WidgetNotification>(
            new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        internal Subscription(WidgetLiveHub hub, string visitorKey)
        {
            _hub = hub;
            VisitorKey = visitorKey;
        }

        public string VisitorKey { get; }
        public ChannelReader<WidgetNotification> Nudges => _nudges.Reader;

        internal void Offer(WidgetNotification notification) => _nudges.Writer.TryWrite(notification);

        public void Dispose()
        {
            _nudges.Writer.TryComplete();
            _hub.Remove(this);
        }
    }
}
