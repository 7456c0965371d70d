using System.Net;
using System.Net.Http.Json;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Api;

public sealed class WidgetProfileTests(SharedInboxHost shared) : IClassFixture<SharedInboxHost>
{
    private readonly InboxHost _host = shared.Host;

    [Fact]
    public async Task Invalid_phone_is_refused_with_errors_phone_and_nothing_changes()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        await (await visitor.Client.PutAsJsonAsync("/widget/api/profile", new { name = "Ana Lima", email = "ana@example.com" })).ShouldBe(HttpStatusCode.OK);

        var problem = await (await visitor.Client.PutAsJsonAsync("/widget/api/profile",
            new { name = "Someone Else", email = "other@example.com", phone = "12345" })).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ErrorsFor("phone"));
        Assert.Empty(problem.ErrorsFor("email"));
        var profile = await (await visitor.Client.GetAsync("/widget/api/profile")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Ana Lima", profile.String("name"));
        Assert.Equal("ana@example.com", profile.String("email"));
        Assert.Null(profile.String("phone"));
    }

    [Fact]
    public async Task Valid_phone_is_stored_in_E164_form_and_shown_to_operators()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        using var dana = OperatorConsole.Dana(_host);
        var conversationId = await visitor.StartConversationAsync("Please call me back");

        var saved = await (await visitor.Client.PutAsJsonAsync("/widget/api/profile",
            new { name = "Ana Lima", phone = "+44 (20) 7946-0958" })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("+442079460958", saved.String("phone"));
        using var reloaded = visitor.Reload();
        Assert.Equal("+442079460958", (await (await reloaded.Client.GetAsync("/widget/api/profile")).ShouldBe(HttpStatusCode.OK)).String("phone"));
        var contact = (await dana.DetailsAsync(conversationId))["contact"];
        Assert.Equal("+442079460958", contact.String("phone"));
        Assert.Equal("Ana Lima", contact.String("name"));
    }

    [Fact]
    public async Task Invalid_email_is_refused_with_errors_email()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);

        var problem = await (await visitor.Client.PutAsJsonAsync("/widget/api/profile", new { email = "ana@" })).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ErrorsFor("email"));
        Assert.Null((await (await visitor.Client.GetAsync("/widget/api/profile")).ShouldBe(HttpStatusCode.OK)).String("email"));
    }
}
