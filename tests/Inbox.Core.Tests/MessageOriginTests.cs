using Inbox.Core.Model;

namespace Inbox.Core.Tests;

public sealed class MessageOriginTests
{
    private static Message WithExternalId(string? externalId) =>
        new(1, 1, MessageDirection.FromOperator, "hi", InMemoryInbox.Start, Guid.NewGuid(), "Dana Scully", externalId: externalId);

    [Theory]
    [InlineData("slack:C1:123.4", "slack")]
    [InlineData("teams:19:ch@thread.tacv2;messageid=1:1700", "teams")]
    [InlineData("slackers:1", "slackers")]
    [InlineData("x:", "x")]
    public void The_surface_is_the_external_id_up_to_its_first_colon(string externalId, string surface) =>
        Assert.Equal(surface, MessageOrigin.SurfaceOf(WithExternalId(externalId)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("widget-client-7")]
    [InlineData(":no-surface")]
    public void Without_a_surface_prefix_the_message_came_through_Inbox_itself(string? externalId) =>
        Assert.Null(MessageOrigin.SurfaceOf(WithExternalId(externalId)));

    [Theory]
    [InlineData("slack:C1:123.4")]
    [InlineData("slack:x")]
    public void A_message_with_the_surfaces_prefix_is_from_it(string externalId) =>
        Assert.True(MessageOrigin.IsFrom(WithExternalId(externalId), "slack"));

    [Theory]
    [InlineData("slackers:1")]
    [InlineData("slack")]
    [InlineData("Slack:C1:1")]
    [InlineData("teams:19:x")]
    [InlineData("xslack:1")]
    public void A_message_is_not_from_a_surface_its_id_only_resembles(string externalId) =>
        Assert.False(MessageOrigin.IsFrom(WithExternalId(externalId), "slack"));

    [Fact]
    public void A_message_without_an_external_id_is_from_no_surface() =>
        Assert.False(MessageOrigin.IsFrom(WithExternalId(null), "slack"));

    [Fact]
    public void IsFrom_and_SurfaceOf_agree()
    {
        var message = WithExternalId("teams:thread:1");

        Assert.True(MessageOrigin.IsFrom(message, MessageOrigin.SurfaceOf(message)!));
        Assert.False(MessageOrigin.IsFrom(message, "slack"));
    }
}
