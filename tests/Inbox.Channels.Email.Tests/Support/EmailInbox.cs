using Inbox.Channels.Email.Inbound;
using Inbox.Core;
using Inbox.Core.Commands;
using Inbox.Core.Files;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Views;
using Inbox.Fakes.Mail;
using Inbox.Storage;
using Inbox.Storage.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Email.Tests.Support;

/// <summary>A real inbox (SQLite in a temp folder, the core services) with the email channel pointed at a test mailbox.</summary>
internal sealed class EmailInbox : IAsyncDisposable
{
    public const string OperatorName = "Dana Scully";

    private readonly ServiceProvider _services;

    private EmailInbox(ServiceProvider services, string folder, TestMailbox support)
    {
        _services = services;
        Folder = folder;
        Support = support;
    }

    public string Folder { get; }
    public TestMailbox Support { get; }
    public MailboxPoller Poller => _services.GetRequiredService<MailboxPoller>();
    public IInboxQueries Queries => _services.GetRequiredService<IInboxQueries>();
    public IAttachmentStore Files => _services.GetRequiredService<IAttachmentStore>();
    public IOutboxDeliverer Deliverer => _services.GetServices<IOutboxDeliverer>().Single(d => d.Destination == EmailChannel.Destination);
    public EmailOptions Options => _services.GetRequiredService<IOptions<EmailOptions>>().Value;

    /// <summary>Starts an inbox for <paramref name="support"/>; pass <paramref name="folder"/> to start again on the same database.</summary>
    public static async Task<EmailInbox> StartAsync(TestMailbox support, IDictionary<string, string?>? settings = null, string? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("inbox-email-").FullName;
        var all = support.Server.EmailSettings(support);
        all["Storage:DataDirectory"] = folder;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddInboxStorage(configuration);
        services.AddSingleton(new InboxOptions());
        services.AddSingleton<OutboxRouting>();
        services.AddSingleton<CustomerMessages>();
        services.AddSingleton<OperatorCommands>();
        services.AddSingleton<OperatorDirectory>();
        services.AddEmailChannel(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new EmailInbox(provider, folder, support);
    }

    /// <summary>Polls the support mailbox once.</summary>
    public Task<PollResult> PollAsync() => Poller.PollOnceAsync(CancellationToken.None);

    /// <summary>The sender's email conversations, newest first.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> ConversationsOfAsync(string address)
    {
        var contact = await Queries.FindContactAsync(new ContactIdentity(ChannelKind.Email, address.ToLowerInvariant()), CancellationToken.None);
        return contact is null ? [] : await Queries.GetContactConversationsAsync(contact.Id, CancellationToken.None);
    }

    public async Task<Conversation> ConversationAsync(long id) =>
        await Queries.FindConversationAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"No conversation #{id}.");

    public Task<IReadOnlyList<Message>> MessagesAsync(long conversationId) =>
        Queries.GetMessagesAsync(conversationId, includeInternal: false, CancellationToken.None);

    /// <summary>Replies as <see cref="OperatorName"/> and delivers everything the outbox holds.</summary>
    public async Task<Message> ReplyAsync(long conversationId, string text)
    {
        var reply = await ReplyWithoutDeliveringAsync(conversationId, text);
        await DrainOutboxAsync();
        return reply;
    }

    /// <summary>Replies as <see cref="OperatorName"/>; the reply waits in the outbox.</summary>
    public async Task<Message> ReplyWithoutDeliveringAsync(long conversationId, string text)
    {
        var directory = _services.GetRequiredService<OperatorDirectory>();
        var dana = (await directory.EnsureAsync("dana@acme.test", OperatorName, CancellationToken.None)).Value!;
        var result = await _services.GetRequiredService<OperatorCommands>().ReplyAsync(conversationId, dana.Id, text);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value.Message!;
    }

    /// <summary>The outbox delivery of a reply as the dispatcher would hand it to the email deliverer at attempt <paramref name="attempt"/>.</summary>
    public static OutboxDelivery DeliveryOf(Message reply, int attempt) => new(
        1, EmailChannel.Destination, OutboxMessage.ConversationPartition(EmailChannel.Destination, reply.ConversationId),
        $"email:reply:{reply.Id}", new Email.Outbound.ReplyPush(reply.ConversationId, reply.Id).ToJson(), reply.Id, attempt);

    /// <summary>Runs dispatcher rounds until nothing is due.</summary>
    public async Task DrainOutboxAsync()
    {
        var dispatcher = _services.GetRequiredService<OutboxDispatcher>();
        for (var round = 0; round < 50; round++)
            if (await dispatcher.DispatchOnceAsync(CancellationToken.None) == 0) return;
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
