using Inbox.Teams.Mirroring;

namespace Inbox.Teams.Tests.Mirroring;

public sealed class TeamsThreadIdTests
{
    private const string Channel = "19:abc123@thread.tacv2";

    [Fact]
    public void A_channel_and_root_activity_make_the_thread_id() =>
        Assert.Equal(Channel + ";messageid=1700000000001", TeamsThreadId.Of(Channel, "1700000000001"));

    [Fact]
    public void A_conversation_id_that_already_names_its_thread_is_kept()
    {
        var thread = Channel + ";messageid=1700000000001";

        Assert.Equal(thread, TeamsThreadId.Of(thread, "1700000000999"));
        Assert.Equal(Channel + ";MessageId=5", TeamsThreadId.Of(Channel + ";MessageId=5", "6"));
    }

    [Fact]
    public void Without_a_root_activity_the_conversation_id_is_kept() =>
        Assert.Equal(Channel, TeamsThreadId.Of(Channel, null));

    [Fact]
    public void The_root_activity_id_is_read_back_from_the_thread_id()
    {
        Assert.Equal("1700000000001", TeamsThreadId.RootActivityId(Channel + ";messageid=1700000000001"));
        Assert.Equal("42", TeamsThreadId.RootActivityId(Channel + ";MESSAGEID=42"));
    }

    [Fact]
    public void A_channel_id_has_no_root_activity() =>
        Assert.Null(TeamsThreadId.RootActivityId(Channel));

    [Fact]
    public void The_channel_of_a_thread_is_the_part_before_the_marker()
    {
        Assert.Equal(Channel, TeamsThreadId.ChannelOf(Channel + ";messageid=1700000000001"));
        Assert.Equal(Channel, TeamsThreadId.ChannelOf(Channel + ";MessageId=1"));
    }

    [Fact]
    public void The_channel_of_a_channel_is_itself() =>
        Assert.Equal(Channel, TeamsThreadId.ChannelOf(Channel));

    [Fact]
    public void Of_and_its_readers_round_trip()
    {
        var thread = TeamsThreadId.Of(Channel, "99");

        Assert.Equal((Channel, "99"), (TeamsThreadId.ChannelOf(thread), TeamsThreadId.RootActivityId(thread)));
    }
}
