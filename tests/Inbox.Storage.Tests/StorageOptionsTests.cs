using System.Text;
using Microsoft.Extensions.Configuration;

namespace Inbox.Storage.Tests;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Postgres_needs_a_connection_string_and_turns_the_writer_cache_off()
    {
        var postgres = new StorageOptions { Provider = "postgres" };
        Assert.Contains(postgres.Validate(), e => e.Contains("Storage:ConnectionString must be set"));

        postgres.ConnectionString = "Host=db;Username=inbox;Password=x;Database=inbox";
        Assert.Empty(postgres.Validate());
        Assert.Equal(0, postgres.EffectiveWriterCacheSize);
        Assert.Equal(StorageOptions.DefaultSqliteWriterCacheSize, new StorageOptions().EffectiveWriterCacheSize);
    }

    [Fact]
    public void A_writer_cache_with_postgres_is_refused_at_start_with_the_reason()
    {
        var options = new StorageOptions { Provider = "Postgres", ConnectionString = "Host=db", WriterCacheSize = 20_000 };
        var error = Assert.Single(options.Validate());
        Assert.Contains("Storage:WriterCacheSize must be 0", error);
        Assert.Contains("several hosts", error);
    }

    [Fact]
    public void An_unknown_provider_is_refused_naming_both_known_ones()
    {
        Assert.Contains(new StorageOptions { Provider = "MySql" }.Validate(), e => e.Contains("use Sqlite or Postgres"));
    }

    [Fact]
    public void A_writer_cache_size_left_null_as_in_the_example_settings_takes_the_providers_default()
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""{ "Storage": { "Provider": "Postgres", "ConnectionString": "Host=db", "WriterCacheSize": null } }"""));
        var options = new ConfigurationBuilder().AddJsonStream(json).Build().GetSection(StorageOptions.Section).Get<StorageOptions>()!;
        Assert.Null(options.WriterCacheSize);
        Assert.Equal(0, options.EffectiveWriterCacheSize);
        Assert.Empty(options.Validate());
    }
}
