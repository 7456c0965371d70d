using Inbox.Core.Commands;

namespace Inbox.Core.Tests;

public sealed class OperatorDirectoryTests
{
    private readonly InMemoryInbox _inbox = new();

    [Fact]
    public async Task An_operator_is_created_once_per_email_whatever_its_case()
    {
        var first = ResultAssert.Succeeds(await _inbox.Directory.EnsureAsync("Dana@Acme.Test", "Dana Scully", CancellationToken.None));
        var second = ResultAssert.Succeeds(await _inbox.Directory.EnsureAsync(" dana@acme.test ", "Dana Scully", CancellationToken.None));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("dana@acme.test", first.Email);
        Assert.Single(_inbox.Store.Operators);
    }

    [Fact]
    public async Task A_second_call_with_a_new_name_renames_the_operator()
    {
        var first = ResultAssert.Succeeds(await _inbox.Directory.EnsureAsync("dana@acme.test", "Dana", CancellationToken.None));

        var renamed = ResultAssert.Succeeds(await _inbox.Directory.EnsureAsync("DANA@acme.test", "  Dana Scully  ", CancellationToken.None));

        Assert.Equal(first.Id, renamed.Id);
        Assert.Equal("Dana Scully", renamed.DisplayName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("dana")]
    public async Task Something_that_is_not_an_email_is_refused(string email)
    {
        var result = await _inbox.Directory.EnsureAsync(email, "Dana Scully", CancellationToken.None);

        var error = ResultAssert.Refused(result, InboxErrorKind.Invalid);
        Assert.Equal("email", error.Field);
        Assert.Equal($"'{email}' is not an email address.", error.Message);
        Assert.Empty(_inbox.Store.Operators);
    }

    [Fact]
    public async Task An_operator_without_a_display_name_is_refused()
    {
        var result = await _inbox.Directory.EnsureAsync("dana@acme.test", " ", CancellationToken.None);

        Assert.Equal("displayName", ResultAssert.Refused(result, InboxErrorKind.Invalid).Field);
        Assert.Empty(_inbox.Store.Operators);
    }
}
