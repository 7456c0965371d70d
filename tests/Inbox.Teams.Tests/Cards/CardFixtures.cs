using System.Reflection;
using Inbox.Core.Model;

namespace Inbox.Teams.Tests.Cards;

/// <summary>Core model objects as the card renderers receive them, built through Core's public surface.</summary>
internal static class CardFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static readonly ContactProfile FullProfile = new(
        Name: "Jane Doe", Email: "jane@example.com", Phone: "+442079460958", City: "London", Country: "GB",
        Device: "iPhone", OperatingSystem: "iOS 18", Browser: "Safari");

    public static Contact Contact(ContactProfile? profile = null, params string[] tags)
    {
        var contact = new Contact(Guid.Parse("0b6f7c1e-33a4-4c51-9d1f-5e8a0c2d4b7a"), new ContactIdentity(ChannelKind.Widget, "visitor-1"), Now);
        if (profile is not null) contact.Update(profile);
        foreach (var tag in tags) contact.AddTag(tag);
        return contact;
    }

    /// <summary>A conversation in <paramref name="status"/>, moved there by Core's own transition methods.</summary>
    /// <remarks>Core changes status only through its commands (which need a store); calling the transitions they use keeps Core's rules intact.</remarks>
    public static Conversation Conversation(ConversationStatus status = ConversationStatus.Open, long id = 123, ChannelKind channel = ChannelKind.Widget, params string[] tags)
    {
        var conversation = new Conversation(id, Guid.NewGuid(), channel, null, Now);
        foreach (var tag in tags) conversation.AddTag(tag);
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

    public static Operator Operator(string name = "Ann Operator", string email = "ann@example.com") => new(Guid.NewGuid(), name, email);
}
