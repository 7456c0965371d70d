using Inbox.Channels.Email.Mail;

namespace Inbox.Channels.Email.Tests;

public sealed class MailMessageIdsTests
{
    [Fact]
    public void A_reply_id_reads_back_its_message_and_conversation()
    {
        var id = MailMessageIds.ForReply(1234, 56, "acme.test");

        Assert.True(MailMessageIds.TryParseReply(id, out var message, out var conversation));
        Assert.Equal((1234, 56), (message, conversation));
        Assert.False(MailMessageIds.TryParseReply("CAF=abc@mail.gmail.com", out _, out _));
        Assert.False(MailMessageIds.TryParseReply("inbox.x.56@acme.test", out _, out _));
    }

    [Fact]
    public void A_message_id_becomes_an_external_id_and_back()
    {
        var external = MailMessageIds.ExternalIdOf("abc.123@mail.test");

        Assert.Equal("email:abc.123@mail.test", external);
        Assert.Equal("abc.123@mail.test", MailMessageIds.MessageIdOf(external));
    }

    [Fact]
    public void Ids_too_long_to_store_and_mails_without_one_get_hashes_that_name_no_message_id()
    {
        var longId = new string('x', 500) + "@mail.test";

        var hashed = MailMessageIds.ExternalIdOf(longId);
        var ofContent = MailMessageIds.ExternalIdOfContent([1, 2, 3]);

        Assert.True(hashed.Length <= 400);
        Assert.Equal(hashed, MailMessageIds.ExternalIdOf(longId));
        Assert.StartsWith("email:sha256:", ofContent);
        Assert.Null(MailMessageIds.MessageIdOf(hashed));
        Assert.Null(MailMessageIds.MessageIdOf(ofContent));
        Assert.Null(MailMessageIds.MessageIdOf("widget:abc@def"));
    }
}
