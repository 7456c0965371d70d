using Microsoft.Data.Sqlite;

namespace Inbox.Storage.Tests;

public sealed class SqlitePageSizeTests
{
    [Fact]
    public async Task A_new_database_gets_the_configured_page_size_and_stays_usable()
    {
        await using var store = await TestStore.CreateAsync(StorageOptions.Sqlite);
        await using (var inbox = await TestInbox.StartAsync(store))
        {
            await inbox.ReceiveAsync("visitor-1", "Hello");
            Assert.Equal(8192, await PageSizeAsync(store));
            Assert.Equal("wal", await PragmaAsync(store, "journal_mode"));
        }

        await using var other = await TestStore.CreateAsync(StorageOptions.Sqlite);
        await using (await TestInbox.StartAsync(other, settings: new Dictionary<string, string?> { ["Storage:SqlitePageSize"] = "16384" })) { }
        Assert.Equal(16384, await PageSizeAsync(other));
    }

    [Fact]
    public async Task An_existing_database_keeps_its_page_size_and_its_data_when_another_is_configured()
    {
        await using var store = await TestStore.CreateAsync(StorageOptions.Sqlite);
        long conversation;
        await using (var inbox = await TestInbox.StartAsync(store, settings: new Dictionary<string, string?> { ["Storage:SqlitePageSize"] = "4096" }))
            conversation = (await inbox.ReceiveAsync("visitor-1", "Hello")).Conversation.Id;
        Assert.Equal(4096, await PageSizeAsync(store));

        await using (var inbox = await TestInbox.StartAsync(store, settings: new Dictionary<string, string?> { ["Storage:SqlitePageSize"] = "8192" }))
        {
            await inbox.ReceiveAsync("visitor-1", "Still there?", conversation);
            var history = await inbox.Queries.GetMessagesAsync(conversation, includeInternal: true, CancellationToken.None);
            Assert.Equal(["Hello", "Still there?"], history.Select(m => m.Text));
        }
        Assert.Equal(4096, await PageSizeAsync(store));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(256)]
    [InlineData(5000)]
    [InlineData(131_072)]
    public void A_page_size_that_is_not_a_power_of_two_from_512_to_65536_is_refused(int size)
    {
        var error = Assert.Single(new StorageOptions { SqlitePageSize = size }.Validate());
        Assert.Equal("Storage:SqlitePageSize must be a power of two between 512 and 65536.", error);
    }

    private static async Task<long> PageSizeAsync(TestStore store) => long.Parse(await PragmaAsync(store, "page_size"));

    private static async Task<string> PragmaAsync(TestStore store, string pragma)
    {
        var options = new StorageOptions { DataDirectory = store.Settings["Storage:DataDirectory"]! };
        await using var connection = new SqliteConnection(StorageServiceCollectionExtensions.ConnectionString(options) + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
