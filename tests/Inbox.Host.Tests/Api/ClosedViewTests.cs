using System.Net;
using System.Text.Json.Nodes;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Api;

public sealed class ClosedViewTests(ClosedViewTests.ClosedConversations inbox) : IClassFixture<ClosedViewTests.ClosedConversations>
{
    [Fact]
    public async Task Closed_view_holds_only_closed_conversations_of_unblocked_visitors()
    {
        var page = await inbox.Dana.ViewAsync("closed");

        Assert.Equal([inbox.ShippingByLee, inbox.BillingByDana], page.Items().Ids());
        Assert.Equal(2, page["totalCount"]!.GetValue<int>());
        Assert.All(page.Items(), item => Assert.Equal("Closed", item.String("status")));
    }

    [Fact]
    public async Task Closed_view_filters_by_tag()
    {
        Assert.Equal([inbox.BillingByDana], await inbox.Dana.ViewIdsAsync("closed", "tag=billing"));
        Assert.Equal([inbox.BillingByDana], await inbox.Dana.ViewIdsAsync("closed", "tag=%23Billing"));
        Assert.Equal([inbox.ShippingByLee], await inbox.Dana.ViewIdsAsync("closed", "tag=shipping"));
        Assert.Empty(await inbox.Dana.ViewIdsAsync("closed", "tag=returns"));
        // The same filter narrows the other views too.
        Assert.Equal([inbox.BillingByDana, inbox.OpenBilling], await inbox.Dana.ViewIdsAsync("all", "tag=billing"));
    }

    [Fact]
    public async Task Closed_view_filters_by_assignee_email()
    {
        Assert.Equal([inbox.ShippingByLee], await inbox.Dana.ViewIdsAsync("closed", "assignee=" + Uri.EscapeDataString(InboxHost.SecondOperatorEmail)));
        Assert.Equal([inbox.BillingByDana], await inbox.Dana.ViewIdsAsync("closed", "assignee=" + Uri.EscapeDataString(InboxHost.OperatorEmail.ToUpperInvariant())));
    }

    [Fact]
    public async Task Closed_view_filters_by_channel()
    {
        Assert.Equal([inbox.ShippingByLee, inbox.BillingByDana], await inbox.Dana.ViewIdsAsync("closed", "channel=widget"));
        Assert.Empty(await inbox.Dana.ViewIdsAsync("closed", "channel=Email"));
    }

    [Fact]
    public async Task Closed_view_filters_by_when_conversations_ended()
    {
        var billingEnded = await EndedAtAsync(inbox.BillingByDana);
        var shippingEnded = await EndedAtAsync(inbox.ShippingByLee);
        Assert.True(billingEnded < shippingEnded);

        Assert.Equal([inbox.ShippingByLee, inbox.BillingByDana], await ClosedBetween(since: inbox.SetUpAt.AddMinutes(-1), until: null));
        Assert.Equal([inbox.ShippingByLee, inbox.BillingByDana], await ClosedBetween(since: null, until: DateTimeOffset.UtcNow.AddHours(1)));
        Assert.Empty(await ClosedBetween(since: DateTimeOffset.UtcNow.AddHours(1), until: null));
        Assert.Empty(await ClosedBetween(since: null, until: inbox.SetUpAt.AddHours(-1)));
        // "since" includes its instant and "until" excludes it.
        Assert.Equal([inbox.ShippingByLee], await ClosedBetween(since: shippingEnded, until: null));
        Assert.Equal([inbox.BillingByDana], await ClosedBetween(since: billingEnded, until: shippingEnded));
        Assert.Equal([inbox.ShippingByLee, inbox.BillingByDana], await inbox.Dana.ViewIdsAsync("closed", "since=2000-01-01"));
    }

    [Fact]
    public async Task Closed_view_summary_counts_and_averages_the_filtered_conversations()
    {
        var billing = (await inbox.Dana.DetailsAsync(inbox.BillingByDana))["conversation"]!;
        var shipping = (await inbox.Dana.DetailsAsync(inbox.ShippingByLee))["conversation"]!;

        var all = (await inbox.Dana.ViewAsync("closed"))["summary"]!;
        Assert.Equal(2, all["count"]!.GetValue<int>());
        Assert.Equal((Seconds(billing, "endedAt") + Seconds(shipping, "endedAt")) / 2.0, all["averageDurationSeconds"]!.GetValue<double>());
        // Only the billing conversation was ever answered.
        Assert.Equal(Seconds(billing, "firstResponseAt"), all["averageFirstResponseSeconds"]!.GetValue<double>());

        var lees = (await inbox.Dana.ViewAsync("closed", "assignee=" + Uri.EscapeDataString(InboxHost.SecondOperatorEmail)))["summary"]!;
        Assert.Equal(1, lees["count"]!.GetValue<int>());
        Assert.Equal(Seconds(shipping, "endedAt"), lees["averageDurationSeconds"]!.GetValue<double>());
        Assert.Null(lees["averageFirstResponseSeconds"]);

        var none = (await inbox.Dana.ViewAsync("closed", "tag=returns"))["summary"]!;
        Assert.Equal(0, none["count"]!.GetValue<int>());
        Assert.Null(none["averageDurationSeconds"]);
        Assert.Null(none["averageFirstResponseSeconds"]);
    }

    [Theory]
    [InlineData("since=yesterday", "since")]
    [InlineData("since=2026-13-45", "since")]
    [InlineData("until=soon", "until")]
    [InlineData("assignee=nobody%40example.test", "assignee")]
    [InlineData("channel=fax", "channel")]
    [InlineData("channel=1", "channel")]
    [InlineData("tag=two%20words", "tag")]
    public async Task Bad_filter_is_a_400_problem_naming_the_filter(string query, string field)
    {
        var problem = await (await inbox.Dana.Client.GetAsync($"/api/operator/views/closed?{query}")).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    private async Task<DateTimeOffset> EndedAtAsync(long id) =>
        (await inbox.Dana.DetailsAsync(id))["conversation"]!["endedAt"]!.GetValue<DateTimeOffset>();

    private Task<long[]> ClosedBetween(DateTimeOffset? since, DateTimeOffset? until)
    {
        var query = new List<string>();
        if (since is { } s) query.Add("since=" + Uri.EscapeDataString(s.ToString("O")));
        if (until is { } u) query.Add("until=" + Uri.EscapeDataString(u.ToString("O")));
        return inbox.Dana.ViewIdsAsync("closed", string.Join("&", query));
    }

    // The summary counts whole seconds from the start of a conversation.
    private static long Seconds(JsonNode conversation, string until) =>
        (long)(conversation[until]!.GetValue<DateTimeOffset>() - conversation["startedAt"]!.GetValue<DateTimeOffset>()).TotalSeconds;

    /// <summary>An inbox with two closed conversations (Dana's tagged billing and answered, Lee's tagged shipping) and some that are not.</summary>
    public sealed class ClosedConversations : IAsyncLifetime
    {
        private readonly InboxHost _host = new(settings: new Dictionary<string, string?> { ["Widget:SessionsPerMinute"] = "1000" });

        internal OperatorConsole Dana { get; private set; } = null!;
        public DateTimeOffset SetUpAt { get; } = DateTimeOffset.UtcNow;
        public long BillingByDana { get; private set; }
        public long ShippingByLee { get; private set; }
        public long OpenBilling { get; private set; }

        public async Task InitializeAsync()
        {
            Dana = OperatorConsole.Dana(_host);
            using var lee = OperatorConsole.Lee(_host);
            BillingByDana = await WidgetVisitor.NewConversationAsync(_host, "I was charged twice");
            ShippingByLee = await WidgetVisitor.NewConversationAsync(_host, "Where is my parcel?");
            OpenBilling = await WidgetVisitor.NewConversationAsync(_host, "Invoice question");
            var blocked = await WidgetVisitor.NewConversationAsync(_host, "Abusive visitor");
            var spam = await WidgetVisitor.NewConversationAsync(_host, "Cheap watches");

            await Dana.RunAsync(BillingByDana, "assign");
            await Dana.RunAsync(BillingByDana, "tags", new { tag = "billing" });
            await Dana.ReplyAsync(BillingByDana, "Refunded the second charge.");
            await Dana.RunAsync(OpenBilling, "tags", new { tag = "billing" });
            await lee.RunAsync(ShippingByLee, "assign");
            await lee.RunAsync(ShippingByLee, "tags", new { tag = "shipping" });
            await Dana.RunAsync(blocked, "tags", new { tag = "billing" });
            await Dana.RunAsync(blocked, "close");
            await Dana.RunAsync(blocked, "block");
            await Dana.RunAsync(spam, "spam");
            await Dana.RunAsync(BillingByDana, "close");
            await lee.RunAsync(ShippingByLee, "close");
        }

        public Task DisposeAsync()
        {
            Dana.Dispose();
            _host.Dispose();
            return Task.CompletedTask;
        }
    }
}
