using Inbox.Channels.Email.Text;

namespace Inbox.Channels.Email.Tests.Text;

public sealed class SubjectLineTests
{
    [Theory]
    [InlineData("Printer broken", "Printer broken")]
    [InlineData("Re: Printer broken", "Printer broken")]
    [InlineData("RE: Fwd: re:  Printer   broken ", "Printer broken")]
    [InlineData("FW: Printer broken", "Printer broken")]
    [InlineData("AW: WG: Drucker kaputt", "Drucker kaputt")]
    [InlineData("Re[2]: Printer broken", "Printer broken")]
    [InlineData("Refund please", "Refund please")]
    [InlineData("Fwdx: kept", "Fwdx: kept")]
    public void A_new_conversation_takes_the_subject_without_reply_and_forward_prefixes(string subject, string topic)
    {
        Assert.Equal(topic, SubjectLine.ForConversation(subject));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("Re:")]
    public void A_subject_with_nothing_left_gives_no_topic(string? subject)
    {
        Assert.Null(SubjectLine.ForConversation(subject));
    }

    [Theory]
    [InlineData("Printer broken", "Re: Printer broken")]
    [InlineData("Re: Printer broken", "Re: Printer broken")]
    [InlineData("RE: Printer broken", "RE: Printer broken")]
    [InlineData(null, "Re: your message")]
    public void A_reply_subject_has_re_once(string? topic, string reply)
    {
        Assert.Equal(reply, SubjectLine.ForReply(topic));
    }
}
