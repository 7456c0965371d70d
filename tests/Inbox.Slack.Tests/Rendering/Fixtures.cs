using System.Reflection;
using Inbox.Core.Model;

namespace Inbox.Slack.Tests.Rendering;

/// <summary>Core model objects as the renderers receive them.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static Contact Contact(ContactProfile? profile = null, ChannelKind channel = ChannelKind.Widget)
    {
        var contact = new Contact(Guid.Parse("0b6f7c1e-33a4-4c51-9d1f-5e8a0c2d4b7a"), new ContactIdentity(channel, "visitor-1"), Now);
        if (profile is not null) contact.Update(profile);
        return contact;
    }

    /// <summary>A conversation in <paramref name="status"/>, moved there by Core's own transition methods.</summary>
    /// <remarks>Core changes status only through its commands (which need a store); calling the transitions they use keeps Core's rules intact.</remarks>
    public static Conversation Conversation(ConversationStatus status = ConversationStatus.Open, long id = 123, ChannelKind channel = ChannelKind.Widget)
    {
        var conversation = new Conversation(id, Guid.NewGuid(), channel, null, Now);
        var transition = status switch
        {
            ConversationStatus.Closed => "Close",
            ConversationStatus.Spam => "MarkSpam",
            _ => null,
        };
        if (transition is not null)
            typeof(Conversation).GetMethod(transition, BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(conversation, [Now]);
        return conversation;
    }

    public static Operator Operator(string name = "Ann Operator") => new(Guid.NewGuid(), name, "ann@example.com");

    public static Message CustomerMessage(string text, params Attachment[] attachments) =>
        new(1, 123, MessageDirection.FromCustomer, text, Now, attachments: attachments);
}
