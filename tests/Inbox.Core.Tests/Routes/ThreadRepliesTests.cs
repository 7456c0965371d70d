using Inbox.Core.Routing;

namespace Inbox.Core.Tests.Routes;

public sealed class ThreadRepliesTests
{
    private static readonly string[] NotePrefixes = ["//", "note:"];

    private static Route Route(string mode, string? sendPrefix = null) =>
        new(new RouteOptions { Name = "r", ThreadMode = mode, SendPrefix = sendPrefix }, isDefault: true);

    [Fact]
    public void In_a_two_way_thread_a_reply_goes_to_the_customer_and_the_note_prefix_makes_a_note()
    {
        Assert.Equal(new ThreadReply(false, "We ship today"), ThreadReplies.Read(Route("two-way"), NotePrefixes, "We ship today"));
        Assert.Equal(new ThreadReply(true, "refund approved"), ThreadReplies.Read(Route("two-way"), NotePrefixes, "NOTE: refund approved"));
        Assert.Equal(new ThreadReply(false, ">> hi"), ThreadReplies.Read(Route("two-way"), NotePrefixes, ">> hi"));
    }

    [Fact]
    public void In_a_notes_by_default_thread_only_the_send_prefix_reaches_the_customer()
    {
        var route = Route("notes-by-default");

        Assert.Equal(new ThreadReply(true, "checking with finance"), ThreadReplies.Read(route, NotePrefixes, "checking with finance"));
        Assert.Equal(new ThreadReply(true, "still a note"), ThreadReplies.Read(route, NotePrefixes, "// still a note"));
        Assert.Equal(new ThreadReply(false, "Your refund is on its way"), ThreadReplies.Read(route, NotePrefixes, ">> Your refund is on its way"));
        Assert.Equal(new ThreadReply(false, "custom"), ThreadReplies.Read(Route("notes-by-default", "!send"), NotePrefixes, "!SEND custom"));
    }

    [Fact]
    public void In_an_alerts_only_thread_every_reply_is_a_note_and_its_author_is_told_where_to_answer()
    {
        var route = Route("alerts-only");

        Assert.Equal(new ThreadReply(true, "Hello customer", true), ThreadReplies.Read(route, NotePrefixes, "Hello customer"));
        Assert.Equal(new ThreadReply(true, "Even this", true), ThreadReplies.Read(route, NotePrefixes, ">> Even this"));
        Assert.Equal(new ThreadReply(true, "and this", true), ThreadReplies.Read(route, NotePrefixes, "// and this"));
    }

    [Fact]
    public void The_longest_note_prefix_is_taken()
    {
        var reply = ThreadReplies.Read(Route("two-way"), ["n", "note:"], "note: x");

        Assert.Equal("x", reply.Text);
    }

    [Theory]
    [InlineData("two-way", "replies here go to the customer")]
    [InlineData("notes-by-default", "start with >> or use Reply…")]
    [InlineData("alerts-only", "alerts only")]
    public void Each_mode_explains_itself_for_the_thread_root(string mode, string expected)
    {
        Assert.Contains(expected, ThreadReplies.Explain(Route(mode)));
    }
}
