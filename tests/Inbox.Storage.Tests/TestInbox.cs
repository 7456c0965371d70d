using Inbox.Core;
using Inbox.Core.Commands;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Storage;
using Inbox.Core.Views;
using Inbox.Storage.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Storage.Tests;

/// <summary>A real inbox on a test's database (SQLite or PostgreSQL, see <see cref="TestStore"/>), with the core services wired as the host wires them.</summary>
public sealed class TestInbox : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestInbox(ServiceProvider services) => _services = services;
    public FakeTimeProvider Time => (FakeTimeProvider)_services.GetRequiredService<TimeProvider>();
    public CustomerMessages Customers => _services.GetRequiredService<CustomerMessages>();
    public OperatorCommands Operators => _services.GetRequiredService<OperatorCommands>();
    public OperatorDirectory Directory => _services.GetRequiredService<OperatorDirectory>();
    public IInboxQueries Queries => _services.GetRequiredService<IInboxQueries>();
    public IInboxStore Store => _services.GetRequiredService<IInboxStore>();
    public OutboxDispatcher Dispatcher => _services.GetRequiredService<OutboxDispatcher>();
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Opens an inbox on <paramref name="store"/> (migrating it first, as the host does at start).</summary>
    public static async Task<TestInbox> StartAsync(
        TestStore store,
        Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null,
        FakeTimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(store.Settings)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)));
        services.AddInboxStorage(configuration);
        services.AddSingleton(new InboxOptions());
        services.AddSingleton<OutboxRouting>();
        services.AddSingleton<CustomerMessages>();
        services.AddSingleton<OperatorCommands>();
        services.AddSingleton<OperatorDirectory>();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new TestInbox(provider);
    }

    /// <summary>Runs dispatcher rounds until nothing is due (or the round limit is reached).</summary>
    public async Task DrainOutboxAsync(int maxRounds = 100)
    {
        for (var i = 0; i < maxRounds; i++)
            if (await Dispatcher.DispatchOnceAsync(CancellationToken.None) == 0) return;
    }

    public static Action<IServiceCollection> With(RecordingDestination destination) => services =>
    {
        services.AddSingleton<IOutboxRouter>(destination);
        services.AddSingleton<IOutboxDeliverer>(destination);
    };

    public async Task<Operator> OperatorAsync(string name, string email) =>
        (await Directory.EnsureAsync(email, name, CancellationToken.None)).Value!;

    public async Task<ReceivedMessage> ReceiveAsync(string visitor, string text, long? conversationId = null, bool startNew = false, string? externalId = null)
    {
        var result = await Customers.ReceiveAsync(
            new IncomingMessage(new ContactIdentity(ChannelKind.Widget, visitor), text, conversationId, startNew, ExternalId: externalId),
            CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value;
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
