using Inbox.Core.Model;

namespace Inbox.Core.Tests;

public sealed class ConversationActivityTests
{
    private readonly InMemoryInbox _inbox = new(new InboxOptions { InactiveAfter = TimeSpan.FromMinutes(30) });

    private bool IsActiveNow(Conversation conversation) => conversation.IsActiveAt(_inbox.Time.GetUtcNow(), _inbox.Options.InactiveAfter);

    [Fact]
    public async Task A_conversation_with_a_recent_message_is_active()
    {
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");
        _inbox.Wait(TimeSpan.FromMinutes(29));

        Assert.True(IsActiveNow(received.Conversation));
    }

    [Fact]
    public async Task A_conversation_quiet_for_the_inactivity_window_is_inactive()
    {
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");
        _inbox.Wait(TimeSpan.FromMinutes(30));

        Assert.False(IsActiveNow(received.Conversation));
    }

    [Fact]
    public async Task An_operator_reply_keeps_the_conversation_active()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");
        _inbox.Wait(TimeSpan.FromMinutes(25));
        await _inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, "Hi");
        _inbox.Wait(TimeSpan.FromMinutes(25));

        Assert.True(IsActiveNow(received.Conversation));
    }

    [Fact]
    public async Task A_closed_conversation_is_never_active()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");
        await _inbox.Operators.CloseAsync(received.Conversation.Id, dana.Id);

        Assert.False(IsActiveNow(received.Conversation));
    }
}
