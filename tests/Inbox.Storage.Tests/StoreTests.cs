using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Storage.Tests;

/// <summary>A test class whose tests run against both stores: it is abstract, with a nested <c>Sqlite</c> and <c>Postgres</c> class deriving from it.</summary>
/// <remarks>Each test gets a database of its own, made before it starts and removed after it ends.</remarks>
public abstract class StoreTests(string provider) : IAsyncLifetime
{
    private TestStore? _store;

    protected TestStore Store => _store ?? throw new InvalidOperationException("The test's database is made in InitializeAsync.");

    public async Task InitializeAsync() => _store = await TestStore.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }

    /// <summary>Opens an inbox on this test's database; opening another after disposing one is a restart on the same data.</summary>
    protected Task<TestInbox> OpenAsync(
        Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null, FakeTimeProvider? time = null) =>
        TestInbox.StartAsync(Store, configure, settings, time);
}
